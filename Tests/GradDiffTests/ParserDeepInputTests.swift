import Foundation
import Testing
@testable import GradDiff

/// Deep and long input: a hundred thousand nested parentheses or calls, a million-term
/// sum and many names sharing their first bytes, parsed in small pending entries.
@Suite struct ParserDeepInputTests {
    /// A deep expression keeps an entry a level on the pending stack (300,000 levels for a
    /// million nodes): its size is most of the memory such a parse takes.
    @Test func aPendingOperatorOrCallTakesSixteenBytes() {
        #expect(MemoryLayout<Parser.Pending>.stride <= 16)
    }

    @Test func hundredThousandNestedParentheses() throws {
        let depth = 100_000
        let text = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "*2"
        let result = try parseAndDifferentiate(text, ["x": 3])
        #expect(result.values[Int(result.output)] == 6)
        #expect(result.tape.count == 3)
        #expect(result.gradients[0] == 2)
    }

    @Test func hundredThousandNestedCalls() throws {
        let depth = 100_000
        let text = String(repeating: "tanh(", count: depth) + "x" + String(repeating: ")", count: depth)
        let result = try parseAndDifferentiate(text, ["x": 0])
        #expect(result.tape.count == depth + 1)
        #expect(result.gradients[0] == 1)  // tanh'(0) = 1 at every level
    }

    @Test func deepUnclosedParenthesesFailCleanly() throws {
        let text = String(repeating: "(", count: 100_000) + "x"
        let diagnostics = userErrors { _ = try parseProgram(text) }
        #expect(diagnostics.first?.diagnostic.message
                == "expected ')' to close the '(' at column 100000, found the end of the input")
    }

    @Test func millionTermSum() throws {
        let terms = 1_000_000
        let text = String(repeating: "x+", count: terms - 1) + "x"
        let result = try parseAndDifferentiate(text, ["x": 0.5])
        #expect(result.tape.count == terms)  // x, then terms - 1 additions
        #expect(result.values[Int(result.output)] == Double(terms) * 0.5)
        #expect(result.gradients[0] == Double(terms))
    }

    /// Names the parser knows again by their length and first bytes stay apart when only
    /// later bytes differ, when one is a prefix of another, at the very end of the text,
    /// and after more names than it remembers; a built-in function among them still calls.
    @Test func namesSharingTheirFirstBytesStayApart() throws {
        let names = ["variable_one", "variable_two", "variable_on", "v", "vv", "sin_x", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]
        let terms = names + names.reversed() + ["sin(v)", "variable_one"]
        let evaluation = try evaluate(terms.joined(separator: " + "), names.enumerated().map { "\($1)=\($0 + 1)" }.joined(separator: " "))
        #expect(evaluation.tape.variableNames == names)
        let sum = Double(2 * (1...names.count).reduce(0, +)) + sin(4.0) + 1
        #expect(abs(evaluation.result.values[Int(evaluation.result.output)] - sum) < 1e-9)
    }
}
