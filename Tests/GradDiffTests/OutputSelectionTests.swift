import Foundation
import Testing
@testable import GradDiff

/// Which step is the output (the last, or --output's), and the warnings about the
/// steps and expressions the output does not use.
@Suite struct OutputSelectionTests {
    @Test func unusedStepWarnings() throws {
        let evaluation = try evaluate("p = x + y; q = x * 2; p * 3", "x=1 y=2")
        #expect(evaluation.warningMessages == ["'q' is not used by the output"])
        let span = try #require(evaluation.warnings.first?.diagnostic.span)
        #expect(evaluation.program.source.text(of: span) == "q = x * 2")

        let expression = try evaluate("x + 1; x * 2", "x=1")
        #expect(expression.warningMessages == ["this expression's value is not used by the output"])

        let declared = try evaluate("w = 0.5; x * 2", "x=1")
        #expect(declared.warningMessages == ["'w' is not used by the output"])
    }

    @Test func outputSelection() throws {
        let evaluation = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3", output: "p")
        #expect(evaluation.value == 4)
        #expect(evaluation.gradient("x") == 1 && evaluation.gradient("y") == 1 && evaluation.gradient("z") == 0)
        #expect(evaluation.warningMessages == ["'g' is not used by the output"])

        let misspelled = userErrors { _ = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3", output: "gg") }
        #expect(misspelled.map(\.diagnostic.message) == ["--output names 'gg', which the program does not define"])
        #expect(misspelled.first?.diagnostic.help == "did you mean 'g'?")

        let noSteps = userErrors { _ = try evaluate("x + 1", "x=1", output: "p") }
        #expect(noSteps.first?.diagnostic.help == "the program has no named steps")

        let listed = userErrors { _ = try evaluate("alpha = x + 1; beta = alpha * 2", "x=1", output: "zzzzzz") }
        #expect(listed.first?.diagnostic.help == "its steps are alpha, beta")
    }
}
