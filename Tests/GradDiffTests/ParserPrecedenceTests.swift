import Foundation
import Testing
@testable import GradDiff

/// An expression, where to evaluate it, the value worked out by hand, and how the
/// node-text printer must show the parsed tree (which makes the grouping visible).
struct ParseCase: Sendable, CustomTestStringConvertible {
    var id: String
    var expression: String
    var bindings: [String: Double] = [:]
    var value: Double
    var text: String
    var testDescription: String { id }
}

let parseCases: [ParseCase] = [
    ParseCase(id: "power groups right", expression: "2^3^2", value: 512, text: "2^3^2"),
    ParseCase(id: "explicit left power", expression: "(2^3)^2", value: 64, text: "(2^3)^2"),
    ParseCase(id: "minus binds looser than power", expression: "-x^2", bindings: ["x": 3], value: -9, text: "-x^2"),
    ParseCase(id: "negative literal squared", expression: "-3^2", value: -9, text: "-3^2"),
    ParseCase(id: "negated base", expression: "(-x)^2", bindings: ["x": 3], value: 9, text: "(-x)^2"),
    ParseCase(id: "negative exponent", expression: "2^-1", value: 0.5, text: "2^(-1)"),
    ParseCase(id: "negative exponent then product", expression: "2^-1*3", value: 1.5, text: "2^(-1) * 3"),
    ParseCase(id: "negated power exponent", expression: "2^-1^2", value: 0.5, text: "2^(-1^2)"),
    ParseCase(id: "subtraction groups left", expression: "a-b-c", bindings: ["a": 10, "b": 3, "c": 2], value: 5,
              text: "a - b - c"),
    ParseCase(id: "division groups left", expression: "a/b/c", bindings: ["a": 24, "b": 3, "c": 2], value: 4,
              text: "a / b / c"),
    ParseCase(id: "grouped right subtraction", expression: "a-(b-c)", bindings: ["a": 10, "b": 3, "c": 2], value: 9,
              text: "a - (b - c)"),
    ParseCase(id: "times negative literal", expression: "2*-3", value: -6, text: "2 * (-3)"),
    ParseCase(id: "times negated variable", expression: "x*-y", bindings: ["x": 2, "y": 5], value: -10, text: "x * (-y)"),
    ParseCase(id: "star star is power", expression: "x**2", bindings: ["x": 3], value: 9, text: "x^2"),
    ParseCase(id: "star star groups right", expression: "2**3**2", value: 512, text: "2^3^2"),
    ParseCase(id: "unary plus", expression: "+x", bindings: ["x": 4], value: 4, text: "x"),
    ParseCase(id: "unary plus and minus", expression: "+-+x", bindings: ["x": 4], value: -4, text: "-x"),
    ParseCase(id: "double negation", expression: "- -x", bindings: ["x": 4], value: 4, text: "-(-x)"),
    ParseCase(id: "minus before product", expression: "-x*y", bindings: ["x": 2, "y": 5], value: -10, text: "-x * y"),
    ParseCase(id: "product before sum", expression: "1+2*3", value: 7, text: "1 + 2 * 3"),
    ParseCase(id: "integer", expression: "3", value: 3, text: "3"),
    ParseCase(id: "decimal", expression: "1.5", value: 1.5, text: "1.5"),
    ParseCase(id: "leading point", expression: ".5", value: 0.5, text: "0.5"),
    ParseCase(id: "trailing point", expression: "2.", value: 2, text: "2"),
    ParseCase(id: "negative exponent literal", expression: "1e-3", value: 0.001, text: "0.001"),
    ParseCase(id: "capital exponent with plus", expression: "2E+10", value: 2e10, text: "20000000000"),
    ParseCase(id: "greek identifier", expression: "θ * 2", bindings: ["θ": 1.5], value: 3, text: "θ * 2"),
    ParseCase(id: "identifier with underscore and digit", expression: "σ_1 + 1", bindings: ["σ_1": 2], value: 3,
              text: "σ_1 + 1"),
    ParseCase(id: "π is pi", expression: "2*π", value: 2 * Double.pi, text: "2 * pi"),
    ParseCase(id: "pi and e", expression: "pi + e", value: Double.pi + M_E, text: "pi + e"),
    ParseCase(id: "ln is log", expression: "ln(x)", bindings: ["x": 2], value: log(2.0), text: "log(x)"),
    ParseCase(id: "two-argument call", expression: "max(x, 2*y)", bindings: ["x": 1, "y": 3], value: 6,
              text: "max(x, 2 * y)"),
    ParseCase(id: "call then power", expression: "sin(x)^2", bindings: ["x": 0.5], value: sin(0.5) * sin(0.5),
              text: "sin(x)^2"),
    ParseCase(id: "pow function", expression: "pow(x, 3)", bindings: ["x": 2], value: 8, text: "x^3"),
    ParseCase(id: "newline inside parentheses", expression: "(x +\n y)", bindings: ["x": 1, "y": 2], value: 3,
              text: "x + y"),
    ParseCase(id: "blanks and tabs", expression: " \tx\t*  y ", bindings: ["x": 2, "y": 3], value: 6, text: "x * y"),
    ParseCase(id: "redundant parentheses", expression: "((((x))))", bindings: ["x": 7], value: 7, text: "x"),
]

/// How the parser reads an expression: precedence, associativity, literals, names and
/// calls, each checked by its value and by the text printed back, which reads back the same.
@Suite struct ParserPrecedenceTests {
    @Test(arguments: parseCases)
    func precedenceAssociativityAndLiterals(_ parse: ParseCase) throws {
        let result = try parseAndDifferentiate(parse.expression, parse.bindings)
        let value = result.values[Int(result.output)]
        #expect(isClose(value, parse.value, relative: 1e-15), "\(parse.expression) = \(value), expected \(parse.value)")
        let text = NodeText(result.tape, maximumWidth: 1000)[result.output]
        #expect(text == parse.text)
        // The printed text reads back as the same tree.
        let reparsed = try parseAndDifferentiate(text, parse.bindings)
        #expect(reparsed.values[Int(reparsed.output)].bitPattern == value.bitPattern)
        #expect(reparsed.tape.ops == result.tape.ops)
    }

    @Test func starStarBuildsTheSameTapeAsCaret() throws {
        let caret = try parseAndDifferentiate("x^y^2", ["x": 1.5, "y": 0.5])
        let stars = try parseAndDifferentiate("x**y**2", ["x": 1.5, "y": 0.5])
        #expect(caret.tape.ops == stars.tape.ops)
        #expect(caret.tape.first == stars.tape.first)
        #expect(caret.tape.second == stars.tape.second)
    }

    @Test func negativeLiteralIsOneConstant() throws {
        // `-3` is the constant -3, not neg(3); `-x` is neg(x).
        let literal = try parseAndDifferentiate("-3")
        #expect(literal.tape.ops == [.constant])
        #expect(literal.tape.constants == [-3])
        let negated = try parseAndDifferentiate("-x", ["x": 2])
        #expect(negated.tape.ops == [.variable, .negate])
        #expect(negated.gradients[0] == -1)
    }

    @Test func unicodeIdentifiersAreVariables() throws {
        let result = try evaluate("θ^2 + η*σ_1", "θ=3 η=2 σ_1=0.5")
        #expect(result.tape.variableNames == ["θ", "η", "σ_1"])
        #expect(result.value == 10)
        #expect(result.gradient("θ") == 6)
        #expect(result.gradient("η") == 0.5)
        #expect(result.gradient("σ_1") == 2)
    }

    @Test func lnAndLogBuildTheSameNode() throws {
        let result = try parseAndDifferentiate("ln(x) + log(x)", ["x": 3])
        // Hash-consing merges ln(x) and log(x): they are one op.
        #expect(result.tape.ops == [.variable, .log, .add])
        #expect(isClose(result.gradients[0], 2.0 / 3.0, relative: 1e-15))
    }
}
