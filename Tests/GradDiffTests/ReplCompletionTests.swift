import Testing
@testable import GradDiff

/// Tab completion of names, commands and their arguments, and the open parenthesis
/// that makes an entry continue on the next line.
@Suite struct ReplCompletionTests {
    let repl = session("x = 1", "speed = 2", "p = x + y", "f(a) = a")

    @Test(arguments: [
        ("si", "", ["sigmoid(", "sign(", "sin(", "sinh("]),
        ("sp", "", ["speed"]),
        ("p", "2 * ", ["p", "pi", "pow("]),
        ("π", "", ["π"]),
        ("f", "x + ", ["f("]),
        (":f", "", [":format"]),
        (":", "", ReplCommand.all.map { ":" + $0.name.rawValue }.sorted()),
        ("j", ":format ", ["json"]),
        ("s", ":help ", ["save", "save!", "statements"]),
        (":e", "", [":explain"]),
        ("b", ":explain ", ["backward", "both"]),
        ("sp", ":diff ", ["speed"]),
        ("f", ":hessian x + ", ["f("]),
        (":sa", "", [":save", ":save!"]),
        ("", ":unset ", ["f", "p", "speed", "x"]),
        ("", ":wrt x,", ["speed", "x", "y"]),
    ] as [(String, String, [String])])
    func tabOffersNamesCommandsAndArguments(word: String, before: String, expected: [String]) {
        #expect(repl.completions(of: word, after: before) == .words(expected))
    }

    @Test func fileCommandsCompleteFileNames() {
        #expect(repl.completions(of: "s", after: ":load ") == .files)
        #expect(repl.completions(of: "", after: ":sa ") == .files)
        #expect(repl.completions(of: "o", after: ":save! ") == .files)
        #expect(repl.completions(of: "g", after: ":render ") == .files)
    }

    @Test(arguments: [
        ("(x + y", true),
        ("f(a) = (a +", true),
        ("max(x,\n y", true),
        ("(x + y)", false),
        ("x)", false),
        (") (", false),
        ("(x $", false),
        (":load (", false),
        ("x + # (", false),
    ])
    func anOpenParenthesisContinuesTheEntry(entry: String, continues: Bool) {
        #expect(ReplSession.needsMoreInput(entry) == continues)
    }
}
