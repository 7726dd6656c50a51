import Testing
@testable import GradDiff

/// Warnings in a program with vectors and matrices name an element by the table row it
/// belongs to (`t4[2]`, `z[1]`): they named tape ids (`n13`, `n16`) the table never shows.
@Suite struct TensorWarningLabelTests {
    static let layer = "W = [[1, 2], [3, -4]]; r = [1, 2]; "

    private func warnings(_ text: String) throws -> [(message: String, help: String?)] {
        let evaluation = try evaluateTensors(Self.layer + text)
        return (evaluation.numericWarnings + evaluation.warnings).map { ($0.diagnostic.message, $0.diagnostic.help) }
    }

    @Test func aNonFiniteElementIsNamedByItsRow() throws {
        let shown = try warnings("s = sum(log(W @ r))")
        // W @ r = [5, -5]: log's second element is nan. Rows: W, r, t3 = W @ r, t4 = log(t3).
        #expect(shown.first?.message == "t4[2] = log(W[2,1] * r[1] + W[2,2] * r[2]) is nan", "\(shown)")
        #expect(shown.first?.help == "its input is t3[2] = -5", "\(shown)")
    }

    @Test func aKinkInAnElementIsNamedByItsRow() throws {
        let shown = try warnings("s = sum(abs(W @ r - [5, 0]))")
        #expect(shown.first?.message == "t6[1] is evaluated at a kink: abs(t5[1]) at t5[1] = 0", "\(shown)")
    }

    @Test func aNamedStepsElementKeepsItsName() throws {
        let shown = try warnings("z = W @ r; s = sum(sqrt(z * z - 25))")
        #expect(shown.first?.message.hasPrefix("the backward pass first becomes inf at t6[2] = sqrt(z[2] * z[2] - 25)") == true, "\(shown)")
        #expect(shown.first?.message.contains("∂t6[2]/∂t5[2] = 0.5 / t6[2]") == true, "\(shown)")
    }

    /// A scalar row keeps the label the table gives it.
    @Test func aScalarRowKeepsItsLabel() throws {
        let evaluation = try evaluateTensors(Self.layer + "s = sum(W @ r) + abs(r[1] - 1)")
        let table = OutputFormat.table.render(evaluation.result, OutputOptions())
        let message = try #require(evaluation.warnings.first?.diagnostic.message)
        let label = try #require(message.split(separator: " ").first.map(String.init))
        #expect(table.contains("\n\(label) "), "\(message) names a row of\n\(table)")
    }
}
