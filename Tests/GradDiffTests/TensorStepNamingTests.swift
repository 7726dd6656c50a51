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
}
