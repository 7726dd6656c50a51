import Foundation
import Testing
@testable import GradDiff

/// The backward pass as a graph: gradient nodes built from the rule table must evaluate
/// to what the numeric backward pass computes, and print as programs that parse back
/// to the same numbers.
struct SymbolicBackwardPassTests {
    static let baseSeed: UInt64 = 0xD1FF_5EED
    static let expressionCount = 300

    /// The derivative nodes of every variable, evaluated at the evaluation's point.
    static func symbolicGradients(_ evaluation: Evaluation) throws -> [Double] {
        let algebra = NodeAlgebra(continuing: evaluation.tape)
        let nodes = try SymbolicBackwardPass.variableGradients(algebra, output: evaluation.output)
        let values = ForwardPass.run(algebra.tape, variables: evaluation.variableValues)
        return nodes.map { values[Int($0)] }
    }

    static func bindings(_ point: [String: Double]) -> String {
        point.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    @Test func symbolicGradientsEqualNumericGradients() throws {
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            let evaluation = try evaluate(text, Self.bindings(generator.point()))
            let symbolic = try Self.symbolicGradients(evaluation)
            for (slot, numeric) in evaluation.variableGradients.enumerated() {
                #expect(isClose(symbolic[slot], numeric, relative: 1e-12),
                        "seed \(seed): d/d\(evaluation.tape.variableNames[slot]) of \(text): \(symbolic[slot]) symbolic, \(numeric) numeric")
            }
        }
    }

    @Test func printedDerivativesParseBackToTheSameNumbers() throws {
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            let point = generator.point()
            let evaluation = try evaluate(text, Self.bindings(point))
            let formulas = try DerivativeFormulas(evaluation.program, output: evaluation.output, wrt: nil,
                                              variables: evaluation.variableValues)
            for (index, name) in formulas.names.enumerated() {
                let program = formulas.program(of: index)
                let reparsed = try evaluate(program, Self.bindings(point))
                #expect(isClose(reparsed.value, evaluation.variableGradients[index], relative: 1e-9, absolute: 1e-12),
                        "seed \(seed): d/d\(name) of \(text) printed as \(program)")
            }
        }
    }

    @Test(arguments: [
        ("x*x", "x", "2 * x"),
        ("x+x", "x", "2"),
        ("(x+y)*(x+y)", "x", "2 * (x + y)"),
        ("x^2*y + sin(x*y)", "x", "2 * x * y + y * cos(x * y)"),
        ("x^3", "x", "3 * x^2"),
        ("exp(x)", "x", "exp(x)"),
        ("abs(x) + relu(x)", "x", "step(x) + sign(x)"),
        ("min(x, y)", "y", "step(x - y)"),
        ("max(x, y)", "x", "step(x - y)"),
        ("max(x, y)", "y", "step(y - x)"),
        ("x - x", "x", "0"),
        ("cos(x)*y - 1/x", "x", "1 / x^2 - y * sin(x)"),
        ("-x^2", "x", "-2 * x"),
        ("1/x", "x", "-1 / x^2"),
        ("2*x^2 + 3*x^2", "x", "10 * x"),
        ("3 * (2 * x^2)", "x", "12 * x"),
        ("a / x / x", "x", "-2 * a / x^3"),
        ("sqrt(1 + x^2)", "x", "x / sqrt(1 + x^2)"),
        ("(x^3)^2", "x", "6 * x^5"),
        ("log(x) * 0.5", "x", "1 / (2 * x)"),
    ])
    func knownFormulas(_ expression: String, _ variable: String, _ expected: String) throws {
        let program = try parseProgram(expression)
        let output = try #require(program.output)
        let formulas = try DerivativeFormulas(program, output: output, wrt: [variable], variables: nil)
        #expect(formulas.text.program() == expected)
    }

    @Test func repeatedSubexpressionsAreNamedOnce() throws {
        // exp(sin(x)) is its own derivative's factor: without steps the text doubles per level.
        var text = "x"
        for _ in 0..<12 { text = "exp(sin(\(text)))" }
        let program = try parseProgram(text)
        let formulas = try DerivativeFormulas(program, output: try #require(program.output), wrt: ["x"], variables: nil)
        let printed = formulas.text.program()
        #expect(printed.count < 2_000, "\(printed.count) characters")
        #expect(formulas.text.steps.count > 1)
    }

    @Test func longSubexpressionsAreAbbreviated() throws {
        let terms = (1...60).map { "sin(\($0) * x)" }.joined(separator: " * ")
        let program = try parseProgram(terms)
        let formulas = try DerivativeFormulas(program, output: try #require(program.output), wrt: ["x"], variables: nil,
                                          maximumWidth: 80)
        let lines = formulas.text.program().split(separator: "\n")
        #expect(lines.count > 1)
        // Each line is one named step's text: at most the limit plus one composed operator's operands.
        for line in lines { #expect(line.count < 400, "\(line)") }
    }

    @Test func foldingKeepsNumbersExact() {
        let algebra = NodeAlgebra(continuing: Tape())
        let two = algebra.constant(2), three = algebra.constant(3)
        #expect(algebra.constantValue(algebra.multiply(two, three)) == 6)
        #expect(algebra.add(algebra.zero, two) == two)
        #expect(algebra.multiply(algebra.one, three) == three)
        #expect(algebra.divide(three, algebra.one) == three)
        #expect(algebra.constantValue(algebra.subtract(three, three)) == 0)
    }
}
