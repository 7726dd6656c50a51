import Testing
@testable import GradDiff

/// Vectors and matrices typed into a session.
@Suite struct TensorSessionTests {
    @Test func definitionsExpressionsAndTables() {
        var repl = ReplSession(files: MemoryFiles())
        #expect(repl.run("W = [[1, 2], [3, 4]]").output == "W = [[1, 2], [3, 4]]\n")
        #expect(repl.run("x = [1, -1]").output == "x = [1, -1]\n")
        #expect(repl.run("z = W @ x").output == "z = [-1, -1]\n")
        #expect(repl.run("z").output == "[-1, -1]  (a 2-element vector; sum(...) or an element v[i] gives a gradient)\n")
        // z = [-1, -1]; d sum(z^2)/dz = 2z; dW = (2z)·xᵀ.
        let table = repl.run("sum(z^2)").output
        #expect(table.contains("\nW     var     2×2     W           [[1, 2], [3, 4]]  [[-2, 2], [-2, 2]]\n"), "\(table)")
        #expect(repl.run("v = [1,").output.isEmpty || ReplSession.needsMoreInput("v = [1,"))
        #expect(ReplSession.needsMoreInput("v = [1,") && !ReplSession.needsMoreInput("v = [1, 2]"))
        let failed = repl.run("q = W @ [1, 2, 3]")
        #expect(failed.diagnostics.first?.diagnostic.message == "W is 2×2 but [1, 2, 3] has 3 elements: W @ [1, 2, 3] needs 2")
        #expect(repl.run("sum(z)").output.contains("sum(z)"), "the failed entry left the session as it was")
    }

    /// A vector or matrix still lacking a value says its shape as the others do (it said
    /// a bare "2" or "2×2").
    @Test func aResultWithNoValueYetNamesItsShape() {
        var repl = session("W = [[1, 2], [3, 4]]")
        #expect(repl.run("W @ [x, y]").output == "a 2-element vector  (no value yet: 'x', 'y' have none)\n")
        #expect(repl.run("W * z").output == "a 2×2 matrix  (no value yet: 'z' has none)\n")
        #expect(repl.run("u = W @ [x, 1]").output == "u = a 2-element vector  (no value yet: 'x' has none)\n")
    }

    /// :wrt names a matrix input whole or by element, as --wrt does (it said W was no
    /// variable of the session, and split W[1,2] at its comma).
    @Test func wrtNamesAMatrixOrItsElements() {
        var repl = session("W = [[1, 2], [3, 4]]")
        #expect(!repl.run(":wrt W").failed)
        #expect(repl.run("sum(W*W)").output == "W[1,1] 2\nW[1,2] 4\nW[2,1] 6\nW[2,2] 8\n")
        #expect(!repl.run(":wrt W[1,2] W[2, 1]").failed)
        #expect(repl.run("sum(W*W)").output == "W[1,2] 4\nW[2,1] 6\n")
    }

    /// :vars lists vector and matrix inputs and steps with the scalars, in the order
    /// defined (it said "nothing defined yet").
    @Test func varsListsVectorsAndMatrices() {
        var repl = session("W = [[1, 2], [3, 4]]", "v = W @ [1, 1]", "x = 2", "u = W @ [y, 1]")
        #expect(repl.run(":vars").output == """
            inputs
              W = [[1, 2], [3, 4]]
              x = 2
            steps
              v = W @ [1, 1] = [3, 7]
              u = W @ [y, 1]  (needs y)
            no value yet
              y

            """)
    }

    /// A vector defined before the matrix that multiplies it kept its elements together:
    /// the expression's nodes were put in reading order, W[1,1]*r[1] placing r[1] before
    /// W's elements and r[2] after them, so r lost its first element ("r[1]": 4 in the
    /// gradient, an extra scalar row) and r's own gradient.
    @Test func vectorsKeepTheirElementsTogether() {
        let cases: [(definitions: [String], expression: String, gradient: String)] = [
            (["r = [1,2]", "W = [[1,2],[3,4]]"], "sum(W @ r)", #""gradient": {"W": [[1, 2], [1, 2]], "r": [4, 6]}"#),
            (["v = [1,2,3]", "A = [[1,0,2],[0,1,1]]"], "sum(A @ v)", #""gradient": {"A": [[1, 2, 3], [1, 2, 3]], "v": [1, 1, 3]}"#),
            (["r = [1,2]", "W = [[1,2],[3,4]]"], "sum(W @ r) + r[2]", #""gradient": {"W": [[1, 2], [1, 2]], "r": [4, 7]}"#),
        ]
        for (definitions, expression, gradient) in cases {
            var repl = session(definitions + [":format json"])
            let json = repl.run(expression).output
            #expect(json.contains(gradient), "\(definitions) \(expression): \(json)")
            #expect(!json.contains(#""name": "r[1]""#) && !json.contains(#""name": "v[1]""#), "\(json)")
            var table = session(definitions)
            #expect(!table.run(expression).output.contains("[1]  var"), "an element shown as a row of its own")
        }
    }

    /// JSON in a session is shaped as the command line's (it broke a matrix into its
    /// elements, with no "shape").
    @Test func sessionJSONIsShaped() {
        var repl = session("W = [[1, 2], [3, 4]]", ":format json")
        let output = repl.run("sum(W*W)").output
        #expect(output.hasPrefix(#"{"value": 30, "gradient": {"W": [[2, 4], [6, 8]]}, "nodes": [{"id": 0, "op": "var", "name": "W", "shape": [2, 2]"#),
                "\(output)")
    }
}
