import Foundation
import Testing
@testable import GradDiff

/// A program's inputs: constant assignments that declare one with a default, and the
/// bindings that give them values, as parsed, refused, missing, repeated or unused.
@Suite struct ProgramInputTests {
    @Test func constantAssignmentDeclaresAnInputWithDefault() throws {
        let program = try parseProgram("w = 0.5; w * x")
        #expect(program.tape.variableNames == ["w", "x"])
        #expect(program.defaults == [0: 0.5])
        #expect(program.source.text(of: try #require(program.declarations[0])) == "w = 0.5")
        // The default is used when nothing binds w...
        let byDefault = try Evaluation.run(program, bindings: [try Binding.parse("x=2")])
        #expect(byDefault.value == 1)
        #expect(byDefault.gradient("w") == 2)
        #expect(byDefault.gradient("x") == 0.5)
        // ...and a binding overrides it.
        let bound = try Evaluation.run(program, bindings: [try Binding.parse("x=2"), try Binding.parse("a=1"), try Binding.parse("w=3")])
        #expect(bound.value == 6)
        #expect(bound.warningMessages == ["'a' is bound but not used"])
    }

    @Test("constant expressions declare inputs", arguments: [
        ("k = -4", -4.0), ("k = 2*pi", 2 * Double.pi), ("k = sqrt(2)/2", 2.0.squareRoot() / 2), ("k = 1e-3", 0.001),
        ("k = (1 + 2)^2", 9.0), ("k = -(3)", -3.0), ("k = e", M_E),
    ])
    func constantExpressionsDeclareInputs(_ declaration: String, _ value: Double) throws {
        let program = try parseProgram("\(declaration); k * x")
        #expect(program.tape.variableNames == ["k", "x"])
        #expect(program.defaults[0] == value)
        // The declaration's scratch nodes are gone: k, x and the product are all.
        #expect(program.tape.ops == [.variable, .variable, .multiply])
    }

    @Test func assignedFreeVariableMakesASecondVersion() throws {
        // Statements run in order: x is read before its assignment, so that read is the
        // free variable x, and `x = 3` declares the new input x#2.
        let evaluation = try evaluate("y = x + 1; x = 3; x * y", "x=1")
        #expect(evaluation.tape.variableNames == ["x", "x#2"])
        #expect(evaluation.value == 6)
        #expect(evaluation.gradient("x") == 3)
        let missing = userErrors { _ = try evaluate("y = x + 1; x = 3; x * y") }
        #expect(missing.first?.diagnostic.message == "no value for the variable 'x'")
    }

    @Test("bindings", arguments: [
        ("a=1", "a", 1.0), (" x = -3 ", "x", -3.0), ("r=2*pi", "r", 2 * Double.pi), ("w=1e-3", "w", 0.001),
        ("θ=2", "θ", 2.0), ("x=1/0", "x", Double.infinity), ("y=-(2^3)", "y", -8.0), ("z=ln(e)", "z", 1.0),
    ])
    func bindingParses(_ text: String, _ name: String, _ value: Double) throws {
        let binding = try Binding.parse(text)
        #expect(binding.name == name)
        #expect(isClose(binding.value, value, relative: 1e-15))
    }

    @Test("refused bindings", arguments: [
        ("x", "'x' is not a binding", 1),
        ("=3", "the binding '=3' has no name", 1),
        ("3x=1", "'3x' is not a valid variable name", 1),
        ("sin=1", "'sin' is a built-in function and cannot be bound", 1),
        ("pi=3", "'pi' is a built-in constant and cannot be bound", 1),
        ("x=", "the binding 'x=' has no value", 2),
        ("x=y+1", "the value of 'x' must be a number or constant expression, but it uses 'y'", 3),
        ("x=(1", "expected ')' to close the '(' at column 3, found the end of the input", 5),
    ])
    func bindingErrors(_ text: String, _ message: String, _ column: Int) throws {
        let diagnostics = userErrors { _ = try Binding.parse(text) }
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0].diagnostic.message == message)
        let span = try #require(diagnostics[0].diagnostic.span)
        #expect(diagnostics[0].source?.location(of: Int(span.start)).column == column)
    }

    @Test func bindingProblemsInEvaluation() throws {
        let twice = userErrors { _ = try evaluate("x + y", "x=1 y=2 x=3") }
        #expect(twice.map(\.diagnostic.message) == ["'x' is bound twice"])
        #expect(twice.first?.diagnostic.help == "keep one of x=1 and x=3")

        let step = userErrors { _ = try evaluate("p = x + y; p * 2", "x=1 y=2 p=3") }
        #expect(step.map(\.diagnostic.message) == ["'p' is a step the program computes, not an input"])

        let missing = userErrors { _ = try evaluate("x + y*x", "") }
        #expect(missing.map(\.diagnostic.message) == ["no values for the variables 'x', 'y'"])
        #expect(missing.first?.diagnostic.help == "bind them after the expression, such as: x=1 y=1")
        // It points at the first use of the first missing variable, and at the others too.
        let span = try #require(missing.first?.diagnostic.span)
        #expect(missing.first?.source?.text(of: span) == "x")
        #expect(missing.first?.diagnostic.otherSpans.count == 1)

        // y is bound already: 'did you mean y?' would point the wrong way.
        let extra = try evaluate("x + y", "x=1 y=2 yy=3")
        #expect(extra.warningMessages == ["'yy' is bound but not used"])
        #expect(extra.warnings.first?.diagnostic.help == "the expression's variables are x, y")
        // y has no value: the binding of yy is its likely misspelling.
        let misspelled = userErrors { _ = try evaluate("x + y", "x=1 yy=3") }
        #expect(misspelled.map(\.diagnostic.message) == ["no value for the variable 'y'"])
        #expect(misspelled.first?.diagnostic.help == "yy=3 binds 'yy', not 'y': write y=3")
    }
}
