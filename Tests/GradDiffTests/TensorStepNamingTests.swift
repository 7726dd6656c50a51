import Testing
@testable import GradDiff

/// A vector or matrix step names what it computes without renaming what earlier
/// statements show, as a scalar step does (`s = x*y + 1; u = x*y` leaves s alone).
@Suite struct TensorStepNamingTests {
    static let program = "W = [[1, 2], [3, 4]]; r = [1, 2]; s = sum(W @ r); u = W @ r; z = s + sum(u)"

    /// `u = W @ r` after `s = sum(W @ r)` renamed s's product, so s showed as sum(u).
    @Test func aStepNamedAfterAnEarlierSubexpressionGetsItsOwnNode() throws {
        let evaluation = try evaluateTensors(Self.program)
        let table = OutputFormat.table.render(evaluation.result, OutputOptions())
        #expect(table.contains("\ns     sum     scalar  sum(W @ r)  16"), "\(table)")
        #expect(table.contains("\nu     matmul  2       W @ r       [5, 11]"), "\(table)")
        #expect(table.contains("\nz     add     scalar  s + sum(u)  32"), "\(table)")
        // z = 2 sum(W r): dz/dW = 2 (1 rᵀ) row by row, dz/dr = 2 Wᵀ 1.
        #expect(try evaluation.tensorGradient("W") == [2, 4, 2, 4])
        #expect(try evaluation.tensorGradient("r") == [8, 12])
        #expect(try evaluation.tensorValues("u") == [5, 11])
        // The copy computes on its own nodes: no product of the original shows as a row.
        #expect(!table.contains(" mul "), "\(table)")
    }

    /// The same op on the same operands still finds the original, unnamed node, as merging
    /// finds a scalar step's original: `sum(W @ r)` is s again.
    @Test func laterExpressionsStillMergeWithTheOriginal() throws {
        let evaluation = try evaluateTensors(Self.program + "; y = sum(W @ r) * 3")
        let table = OutputFormat.table.render(evaluation.result, OutputOptions())
        #expect(table.contains("\ny     mul     scalar  s * 3"), "\(table)")
        #expect(evaluation.result.values[Int(evaluation.result.output)] == 48)
    }

    /// A step named after an input or a named step is an alias, as before: no copy.
    @Test func aliasesAreNotCopied() throws {
        let evaluation = try evaluateTensors("W = [[1, 2], [3, 4]]; r = [1, 2]; u = W @ r; v = u; sum(v)")
        // W, r, W @ r and the sum: v adds no node.
        #expect(evaluation.program.tensors.count == 4)
        #expect(try evaluation.tensorGradient("W") == [1, 2, 1, 2])
    }

    /// `:vars` showed a scalar step read from a vector by its lowered nodes: `s = n8 + n11`.
    @Test func varsShowsAScalarStepOfVectorsAsTyped() {
        var repl = session("W = [[1, 2], [3, 4]]", "r = [1, 2]", "s = sum(W @ r)", "u = W @ r", "q = W[1,1] * 2")
        #expect(repl.run(":vars").output == """
            inputs
              W = [[1, 2], [3, 4]]
              r = [1, 2]
            steps
              s = sum(W @ r) = 16
              u = W @ r = [5, 11]
              q = W[1,1] * 2 = 2

            """)
        #expect(repl.run("sum(u) + s").output.contains("\ns     sum     scalar  sum(W @ r)"))
    }

    /// An element that merged with an earlier statement's node (outside the step's own
    /// lowering) is copied too: `u = exp(v)` renamed q's exp(v[1]) to u[1].
    @Test func elementsMergedWithEarlierNodesAreCopiedToo() throws {
        let evaluation = try evaluateTensors("v = [1, 2]; q = exp(v[1]) + 1; s = sum(exp(v)); u = exp(v); z = q + s + sum(u)")
        let table = OutputFormat.table.render(evaluation.result, OutputOptions())
        #expect(table.contains("\nq     add    scalar  exp(v[1]) + 1"), "\(table)")
        #expect(try evaluation.tensorGradient("u") == [1, 1], "u's own gradient, not q's and s's too")
    }

    /// A copy keeps its nodes' function notes, and shares constants as merging does.
    @Test func aCopyKeepsFunctionNotesAndSharesConstants() throws {
        let evaluation = try evaluateTensors("f(a) = a*a + 1; v = [1, 2]; s = sum(f(v)); u = f(v); z = s + sum(u)")
        var options = OutputOptions()
        options.elements = true
        let table = OutputFormat.table.render(evaluation.result, options)
        #expect(table.components(separatedBy: "f: a * a + 1").count - 1 == 4, "\(table)")
        #expect(table.components(separatedBy: "\n1     const").count - 1 == 1, "\(table)")
    }

    /// A scalar step merging with a constant of a vector's lowering (`W @ [1, 2]`) is
    /// shown as graddiff reads it, versions included, not as typed.
    @Test func varsShowsVersionsBesideAVectorsConstants() {
        var repl = session("W = [[1, 2], [3, 4]]", "u = W @ [1, 2]", "x = 1", "y = x + 1", "y = x + 5", "q = y*2")
        #expect(repl.run(":vars").output.contains("\n  q = y#2 * 2 = 12\n"), "\(repl.run(":vars").output)")
    }
}
