import Testing
@testable import GradDiff

/// A definition typed over several lines is shown on one, as if typed on one: `:vars`
/// and the confirmations printed its line breaks (`f(a,` then ` b) = a*b`).
@Suite struct MultiLineDefinitionTests {
    struct OneLineCase: Sendable, CustomTestStringConvertible {
        var id: String
        var typed: String
        var shown: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        OneLineCase(id: "parameters-over-two-lines", typed: "f(a,\n b) = a*b", shown: "f(a, b) = a*b"),
        OneLineCase(id: "one-parameter-a-line", typed: "h(\n  a,\n  b\n) = a - b", shown: "h(a, b) = a - b"),
        OneLineCase(id: "comment-before-a-break", typed: "k(a, # first\n b) = a", shown: "k(a, b) = a"),
        OneLineCase(id: "crlf", typed: "f(a,\r\n b) = a*b", shown: "f(a, b) = a*b"),
        OneLineCase(id: "body-over-two-lines", typed: "g(a, b) = (a +\n  b)", shown: "g(a, b) = (a + b)"),
        OneLineCase(id: "matrix-rows", typed: "W = [[1, 2],\n [3, 4]]", shown: "W = [[1, 2], [3, 4]]"),
        OneLineCase(id: "one-line-kept-as-typed", typed: "f( a ,b )=a+b", shown: "f( a ,b )=a+b"),
    ])
    func oneLineJoinsLinesAsTypedOnOne(_ example: OneLineCase) {
        #expect(DefinitionText.oneLine(example.typed) == example.shown)
    }

    /// Shown exactly as the same function typed on one line is.
    @Test func varsShowsAFunctionTypedOverSeveralLinesOnOne() {
        var repl = session("f(a,\n b) = a*b", "g(a, b) = a*b", "h(\n  a, # the first\n  b\n) = a - b")
        #expect(repl.run(":vars").output == "functions\n  f(a, b) = a*b\n  g(a, b) = a*b\n  h(a, b) = a - b\n")
    }

    @Test func varsShowsAMatrixStepTypedOverSeveralLinesOnOne() {
        var repl = session("W = [[1, 2],\n [3, 4]]", "q = (W *\n 2)")
        #expect(repl.run(":vars").output.contains("\n  q = (W * 2) = [[2, 4], [6, 8]]\n"))
    }

    @Test func confirmationsShowAFunctionOnOneLine() {
        var repl = ReplSession(files: MemoryFiles())
        #expect(repl.run("f(a,\n b) = a*b").output == "f(a, b) = a*b\n")
        #expect(repl.run("f(a, b) = (a +\n b)").output == "f(a, b) = (a + b)  (replaces f(a, b) = a*b for the lines that follow)\n")
    }
}
