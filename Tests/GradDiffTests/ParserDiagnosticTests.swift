import Foundation
import Testing
@testable import GradDiff

/// A text that must be refused, the message, the 1-based character column where the
/// error points, and the help line if any.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var id: String
    var bytes: [UInt8]
    var message: String
    var column: Int
    var line: Int = 1
    var help: String?

    init(id: String, _ text: String, message: String, column: Int, line: Int = 1, help: String? = nil) {
        self.init(id: id, bytes: Array(text.utf8), message: message, column: column, line: line, help: help)
    }

    init(id: String, bytes: [UInt8], message: String, column: Int, line: Int = 1, help: String? = nil) {
        self.id = id
        self.bytes = bytes
        self.message = message
        self.column = column
        self.line = line
        self.help = help
    }

    var testDescription: String { id }
}

let diagnosticCases: [DiagnosticCase] = [
    DiagnosticCase(id: "unclosed parenthesis", "(x+y", message: "expected ')' to close the '(' at column 1, found the end of the input",
                   column: 5, help: "add ')'"),
    DiagnosticCase(id: "unclosed call", "sin(x", message: "expected ')' to close the call to sin, found the end of the input",
                   column: 6, help: "add ')'"),
    DiagnosticCase(id: "unclosed after unicode", "(θ + 1", message: "expected ')' to close the '(' at column 1, found the end of the input",
                   column: 7, help: "add ')'"),
    DiagnosticCase(id: "unmatched close", "x+y)", message: "unmatched ')'", column: 4, help: "remove it, or add '(' before it"),
    DiagnosticCase(id: "missing right operand", "x +", message: "expected an expression after '+', found the end of the input",
                   column: 4),
    DiagnosticCase(id: "missing operand after unicode", "θ *", message: "expected an expression after '*', found the end of the input",
                   column: 4),
    DiagnosticCase(id: "two operators", "x * / y", message: "expected an expression after '*', found '/'", column: 5),
    DiagnosticCase(id: "empty parentheses", "()", message: "expected an expression after '(', found ')'", column: 2),
    DiagnosticCase(id: "unknown function with suggestion", "sine(x)", message: "unknown function 'sine'", column: 1,
                   help: "did you mean 'sin'?"),
    DiagnosticCase(id: "unknown function after unicode", "θ + sqr(x)", message: "unknown function 'sqr'", column: 5,
                   help: "did you mean 'sqrt'?"),
    DiagnosticCase(id: "too many arguments", "sin(1, 2)", message: "sin takes 1 argument, but 2 were given", column: 1,
                   help: "call it as sin(x)"),
    DiagnosticCase(id: "too few arguments", "max(1)", message: "max takes 2 arguments, but 1 was given", column: 1,
                   help: "call it as max(a, b)"),
    DiagnosticCase(id: "no arguments", "sin()", message: "sin takes 1 argument, but 0 were given", column: 1,
                   help: "call it as sin(x)"),
    DiagnosticCase(id: "implicit multiplication", "2x", message: "expected an operator before 'x'", column: 2,
                   help: "to multiply, write '2*x'"),
    DiagnosticCase(id: "implicit multiplication by group", "(x+1)(x-1)", message: "expected an operator before '('", column: 6,
                   help: "to multiply, write '(x+1)*(…)'"),
    DiagnosticCase(id: "hexadecimal", "0x10", message: "hexadecimal numbers are not supported", column: 1,
                   help: "write the number in decimal"),
    DiagnosticCase(id: "exponent without digits", "1e", message: "the exponent of this number has no digits", column: 1,
                   help: "write it as 1e-3 or 2E+10"),
    DiagnosticCase(id: "signed exponent without digits", "x + 2e-", message: "the exponent of this number has no digits",
                   column: 5, help: "write it as 1e-3 or 2E+10"),
    DiagnosticCase(id: "lone point", "x + .", message: "expected a digit after '.'", column: 5, help: "write a number such as 0.5"),
    DiagnosticCase(id: "invalid UTF-8", bytes: Array("x + ".utf8) + [0xFF] + Array(" 1".utf8),
                   message: "the input is not valid UTF-8", column: 5, help: "graddiff reads UTF-8 text"),
    DiagnosticCase(id: "truncated UTF-8 after unicode", bytes: Array("θ+".utf8) + [0xCE],
                   message: "the input is not valid UTF-8", column: 3, help: "graddiff reads UTF-8 text"),
    DiagnosticCase(id: "multiplication sign", "2 × x", message: "unexpected character '×'", column: 3,
                   help: "write '*' for multiplication"),
    DiagnosticCase(id: "function without parentheses", "sin + 1", message: "'sin' is a function; call it with parentheses",
                   column: 1, help: "write sin(…)"),
    // The token after a name is lexed before the name is resolved: its error comes first.
    DiagnosticCase(id: "brace after a function's name", "sin{x}", message: "unexpected character '{'", column: 4,
                   help: "use '(' and ')' for grouping, '[' and ']' for vectors and matrices"),
    DiagnosticCase(id: "multiplication sign after a function's name", "sin×x", message: "unexpected character '×'", column: 4,
                   help: "write '*' for multiplication"),
    DiagnosticCase(id: "recursive user function", "f(a) = f(a) + 1", message: "f calls itself; recursive functions are not supported",
                   column: 8, help: "graddiff inlines every call, so a function may only call functions defined before it"),
    DiagnosticCase(id: "redefining a built-in function", "sin = 3", message: "'sin' is a built-in function and cannot be redefined",
                   column: 1, help: "use another name"),
    DiagnosticCase(id: "redefining a built-in function as a function", "exp(a) = a", message: "'exp' is a built-in function and cannot be redefined",
                   column: 1, help: "use another name"),
    DiagnosticCase(id: "error on the second line", "p = x + y\ng = p * (z", message: "expected ')' to close the '(' at column 9, found the end of the input",
                   column: 11, line: 2, help: "add ')'"),
    DiagnosticCase(id: "comma outside a call", "(x, y)", message: "',' separates function arguments, but this is not a function call",
                   column: 3, help: "remove the ',' or call a function such as max(a, b)"),
    DiagnosticCase(id: "assignment to an expression", "x + 1 = 2", message: "unexpected '='", column: 7,
                   help: "only a name can be assigned: write name = expression"),
]

/// What the parser refuses and how it says so: the message, help and the line and
/// column (in characters, CRLF or LF alike) of each error; empty input; suggested names;
/// numbers out of a double's range.
@Suite struct ParserDiagnosticTests {
    @Test(arguments: diagnosticCases)
    func diagnostics(_ expected: DiagnosticCase) throws {
        let source = SourceText(name: "expression", bytes: expected.bytes)
        let diagnostics = userErrors { _ = try ProgramParser.parse(source) }
        try #require(diagnostics.count == 1, "expected one error, got \(diagnostics.map(\.diagnostic.message))")
        let diagnostic = diagnostics[0].diagnostic
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == expected.message)
        #expect(diagnostic.help == expected.help)
        let span = try #require(diagnostic.span)
        let location = source.location(of: Int(span.start))
        #expect(location.line == expected.line, "line of the error")
        #expect(location.column == expected.column, "column of the error")
    }

    /// A line that ends in CRLF ends at its CR: an error at the end of the line had the
    /// column of the LF, one more than the same text with LF line ends.
    @Test(arguments: ["y = x +\nz = 1\n", "y = \nz = 1\n", "f(a) =\n", "(x +\n\n"])
    func crlfLineEndsGiveTheColumnsOfLF(_ text: String) throws {
        func location(_ text: String) throws -> (line: Int, column: Int) {
            let source = SourceText(name: "expression", text: text)
            let diagnostics = userErrors { _ = try ProgramParser.parse(source) }
            let span = try #require(diagnostics.first?.diagnostic.span, "\(text.debugDescription) parsed")
            return source.location(of: Int(span.start))
        }
        let crlf = try location(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let lf = try location(text)
        #expect(crlf.line == lf.line && crlf.column == lf.column, "\(text.debugDescription)")
    }

    @Test func emptyExpressionAtTheParser() throws {
        for text in ["", "   ", "  # only a comment"] {
            var parser = try Parser(source: SourceText(name: "expression", text: text))
            let diagnostics = userErrors { _ = try parser.parseExpression() }
            #expect(diagnostics.map(\.diagnostic.message) == ["the expression is empty"], "for \(text.debugDescription)")
            #expect(diagnostics.first?.diagnostic.help == "write an expression such as (x+y)*z")
        }
    }

    /// What `graddiff ''` runs: an empty program reaches the evaluation, which must
    /// say the expression is empty rather than blame function definitions.
    @Test func emptyExpressionThroughThePipeline() throws {
        for text in ["", "   ", "# only a comment", ";\n;"] {
            let diagnostics = userErrors { _ = try evaluate(text) }
            try #require(diagnostics.count == 1)
            let message = diagnostics[0].diagnostic.message
            #expect(message.contains("empty"), "for \(text.debugDescription) the message was: \(message)")
            #expect(!message.contains("defines functions"), "for \(text.debugDescription) the message was: \(message)")
        }
        // A program of definitions only is the case that message is for.
        let definitions = userErrors { _ = try evaluate("f(a) = a^2") }
        #expect(definitions.map(\.diagnostic.message) == ["there is nothing to differentiate: the program only defines functions"])
    }

    @Test func unknownFunctionWithoutCloseNameSuggestsMultiplication() throws {
        let diagnostics = userErrors { _ = try parseProgram("zzz(x)") }
        #expect(diagnostics.first?.diagnostic.message == "unknown function 'zzz'")
        #expect(diagnostics.first?.diagnostic.help?.contains("to multiply, write 'zzz*(…)'") == true)
    }

    @Test func nameSuggestionDistance() {
        #expect(NameSuggestion.editDistance(Array("sine"), Array("sin")) == 1)
        #expect(NameSuggestion.editDistance(Array("sni"), Array("sin")) == 1)  // a swap costs 1
        #expect(NameSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(NameSuggestion.nearest(to: "sigmod", among: Op.userFunctions.map(\.name)) == "sigmoid")
        #expect(NameSuggestion.nearest(to: "q", among: ["x", "y"]) == "x")
        #expect(NameSuggestion.nearest(to: "banana", among: ["sin", "cos"]) == nil)
    }

    @Test func lexerWarnsAboutOverflowAndUnderflow() throws {
        let program = try parseProgram("1e400 + 1e-400 + x")
        #expect(program.warnings.map(\.message) == [
            "1e400 is too large for a double and becomes inf",
            "1e-400 is too small for a double and becomes 0",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        let source = SourceText(name: "expression", text: "θη + x\nαβγ")
        #expect(source.location(of: 0) == (1, 1))
        #expect(source.location(of: 4) == (1, 3))  // after two 2-byte letters
        #expect(source.location(of: 7) == (1, 6))  // the x
        #expect(source.location(of: 9) == (2, 1))
        #expect(source.location(of: 11) == (2, 2))
        #expect(source.location(of: 1000) == (2, 4))  // clamped to the end
    }
}
