import Testing
@testable import GradDiff

/// The evaluation pipeline's own duties beyond the numbers: where nan and inf first
/// appear (the numeric warnings `--strict` turns into errors), and which nodes reach
/// the output.
struct EvaluationTests {
    @Test func domainErrorIsReportedWhereItStarts() throws {
        let evaluation = try evaluate("log(x) * y", "x=-1 y=2")
        #expect(evaluation.value.isNaN)
        // The product is nan only because its input is: one origin, one warning.
        try #require(evaluation.numericWarnings.count == 1)
        let warning = evaluation.numericWarnings[0].diagnostic
        #expect(warning.severity == .warning)
        #expect(warning.message == "n1 = log(x) is nan")
        #expect(warning.help == "its input is x = -1")
        let span = try #require(warning.span)
        #expect(evaluation.program.source.text(of: span) == "log(x)")
        #expect(evaluation.warnings.isEmpty)
    }

    @Test func divisionByZeroNamesBothInputs() throws {
        let evaluation = try evaluate("p = x / y; p + 1", "x=1 y=0")
        #expect(evaluation.numericWarnings.map(\.diagnostic.message) == ["p = x / y is inf"])
        #expect(evaluation.numericWarnings.first?.diagnostic.help == "its inputs are x = 1, y = 0")
    }

    @Test func manyOriginsAreCounted() throws {
        let evaluation = try evaluate("1/a + 1/b + 1/c + 1/d + 1/f", "a=0 b=0 c=0 d=0 f=0")
        let messages = evaluation.numericWarnings.map(\.diagnostic.message)
        #expect(messages.count == 4)
        #expect(messages.last?.hasPrefix("2 more") == true, "\(messages)")
    }

    @Test func nonFiniteGradientOfAFiniteValue() throws {
        let evaluation = try evaluate("sqrt(x)", "x=0")
        #expect(evaluation.value == 0)
        #expect(evaluation.gradient("x") == .infinity)
        #expect(evaluation.numericWarnings.map(\.diagnostic.message) ==
                ["the backward pass first becomes inf at n1 = sqrt(x): its gradient 1 times ∂n1/∂x = 0.5 / n1 = inf"])
    }

    /// The 0 · inf trap: a finite output whose gradient is nan, named where it starts.
    @Test func zeroTimesInfinityIsTracedToItsNode() throws {
        let evaluation = try evaluate("y = relu(sqrt(x) - 1); y + x", "x=0")
        #expect(evaluation.value == 0)
        #expect(evaluation.gradient("x")!.isNaN)
        let warning = try #require(evaluation.numericWarnings.first)
        #expect(warning.diagnostic.message.hasPrefix("the backward pass first becomes nan at n1 = sqrt(x): its gradient 0 times"))
        #expect(warning.diagnostic.span.map { evaluation.program.source.text(of: $0) } == "sqrt(x)")
    }

    @Test func finiteResultsAndUnusedStepsAreNotReported() throws {
        #expect(try evaluate("(x + y) * z", "x=1 y=3 z=-3").numericWarnings.isEmpty)
        // A nan in a step the output does not read is not the output's problem.
        let unused = try evaluate("p = log(x); x * 2", "x=-1")
        #expect(unused.numericWarnings.isEmpty)
        #expect(unused.warningMessages == ["'p' is not used by the output"])
        // A negative base with a literal exponent: ∂(a^b)/∂b is nan by the documented
        // convention, but the exponent is a constant, which has no gradient: none is
        // sent to it, printed or reported.
        let square = try evaluate("x^2", "x=-3")
        #expect(square.gradient("x") == -6)
        #expect(square.numericWarnings.isEmpty)
        #expect(!square.result.hasGradient(1) && square.gradients[1] == 0)
    }

    @Test func reachesOutput() throws {
        let evaluation = try evaluate("p = x + 1; q = y * 2; p * 3", "x=1 y=1")
        let reaches = evaluation.result.reachesOutput
        let names = (0..<evaluation.tape.count).filter { reaches[$0] }.map { evaluation.tape.label(of: NodeID($0)) }
        #expect(names == ["x", "1", "p", "3", "n7"])
    }

    @Test func variableGradientsAndValuesBySlot() throws {
        let evaluation = try evaluate("w = 0.5; w * x + y", "x=4 y=1")
        #expect(evaluation.variableValues == [0.5, 4, 1])
        #expect(evaluation.variableGradients == [4, 0.5, 1])
    }

    @Test func wrtValidation() throws {
        let evaluation = try evaluate("p = x + y; p * z", "x=1 y=3 z=-3")
        #expect(userErrors { try evaluation.program.validate(wrt: ["x", "z"]) }.isEmpty)
        let step = userErrors { try evaluation.program.validate(wrt: ["p"]) }
        #expect(step.map(\.diagnostic.message) == ["--wrt names 'p', a step; gradients are reported for inputs"])
        let misspelled = userErrors { try evaluation.program.validate(wrt: ["zz"]) }
        #expect(misspelled.map(\.diagnostic.message) == ["--wrt names 'zz', which is not a variable of the expression"])
        #expect(misspelled.first?.diagnostic.help == "did you mean 'z'?")
        let order = evaluation.result.reportedVariables(OutputOptions(wrt: ["z", "x"]))
        #expect(order.map(\.name) == ["z", "x"])
        #expect(order.map(\.slot) == [2, 0])
    }
}

/// Evaluating exactly at a kink is not an error, but the reader hears of it.
@Suite struct KinkReportTests {
    @Test func kinksAreReportedWithTheirOneSidedDerivatives() throws {
        let evaluation = try evaluate("abs(x) + relu(x) + max(x, y)", "x=0 y=0")
        let messages = evaluation.warnings.map(\.diagnostic.message)
        #expect(messages == ["n1 is evaluated at a kink: abs(x) at x = 0",
                             "n2 is evaluated at a kink: relu(x) at x = 0",
                             "n5 is evaluated at a kink: max(x, y) with both arguments 0"])
        #expect(evaluation.warnings[0].diagnostic.help == "the derivative is -1 from the left and 1 from the right; graddiff uses 0 (--kink zero)")
        // The documented conventions: abs'(0) = 0, relu'(0) = 0, the tie's gradient to x.
        #expect(evaluation.gradient("x") == 1)
        #expect(evaluation.gradient("y") == 0)
    }

    /// Each convention's gradient, checked against one-sided finite differences of the
    /// output itself (each input moved alone), not against the rule table.
    @Test(arguments: ["abs(x)", "relu(x)", "min(x, y)", "max(x, y)", "abs(x) * 3 + relu(y) - max(x, y)", "min(x, y)^2 + x"])
    func conventionsMatchOneSidedDifferences(_ expression: String) throws {
        let program = try parseProgram(expression)
        let step = 1e-7
        func output(_ x: Double, _ y: Double) throws -> Double {
            try Evaluation.run(program, bindings: parseBindings("x=\(x) y=\(y)").filter { program.tape.variableSlot(named: $0.name) != nil }).value
        }
        func run(_ kinks: KinkConvention) throws -> Evaluation {
            try Evaluation.run(program, bindings: parseBindings("x=0 y=0").filter { program.tape.variableSlot(named: $0.name) != nil },
                               kinks: kinks)
        }
        let base = try output(0, 0)
        for (slot, name) in program.tape.variableNames.enumerated() {
            let moved = { (delta: Double) in try output(slot == 0 ? delta : 0, slot == 1 ? delta : 0) }
            let left = (base - (try moved(-step))) / step
            let right = ((try moved(step)) - base) / step
            let gradients = try [KinkConvention.left, .right, .mean].map { try #require(run($0).gradient(name)) }
            #expect(abs(gradients[0] - left) < 1e-6, "\(expression) d/d\(name) left")
            #expect(abs(gradients[1] - right) < 1e-6, "\(expression) d/d\(name) right")
            #expect(abs(gradients[2] - (left + right) / 2) < 1e-6, "\(expression) d/d\(name) mean")
            #expect(try run(.zero).gradient(name) == (try run(.error)).gradient(name))
        }
        #expect(try !run(.left).kinkWarnings.isEmpty)
    }

    @Test func theDefaultConventionIsTheRuleTablesOwn() throws {
        let program = try parseProgram("abs(x) + relu(x) + max(x, y)")
        let bindings = try parseBindings("x=0 y=0")
        let byDefault = try Evaluation.run(program, bindings: bindings)
        let zero = try Evaluation.run(program, bindings: bindings, kinks: .zero)
        #expect(byDefault.gradients == zero.gradients)
        #expect(byDefault.gradient("x") == 1)
        let right = try Evaluation.run(program, bindings: bindings, kinks: .right)
        #expect(right.gradient("x") == 3)
        #expect(right.kinkWarnings[0].diagnostic.help == "the derivative is -1 from the left and 1 from the right; graddiff uses 1 (--kink right)")
    }

    @Test func awayFromKinksNothingIsSaid() throws {
        #expect(try evaluate("abs(x) + relu(x) + max(x, y)", "x=0.5 y=0").warnings.isEmpty)
    }
}
