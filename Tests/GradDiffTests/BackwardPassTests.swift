import Testing
@testable import GradDiff

/// The backward pass sends gradient only along paths to the output.
@Suite struct BackwardPassTests {
    /// Regression: a step the output does not use had gradient 0 but still multiplied it
    /// by its partial, and sqrt'(0) = inf turned 0 · inf into a nan gradient for t.
    @Test func unusedStepDoesNotPoisonItsInputs() throws {
        let evaluation = try evaluate("u = sqrt(t); g = t * 2", "t=0")
        #expect(evaluation.gradient("t") == 2)
        #expect(evaluation.numericWarnings.isEmpty)
    }

    /// On a path to the output, 0 · inf stays nan: that is what the chain rule gives
    /// there, and the nan report is how the user hears of it.
    @Test func usedPathKeepsZeroTimesInfinity() throws {
        let evaluation = try evaluate("0 * sqrt(t) + t", "t=0")
        #expect(evaluation.gradient("t")!.isNaN)
        #expect(!evaluation.numericWarnings.isEmpty)
    }

    @Test func outputBeforeLaterNodes() throws {
        let evaluation = try evaluate("p = x * x; q = log(x - 5); p", "x=3")
        #expect(evaluation.gradient("x") == 6)
    }
}
