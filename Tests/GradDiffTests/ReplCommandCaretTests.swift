import Testing
@testable import GradDiff

/// A command's expression (`:check x*/y`) is parsed alone, but what is wrong with it is
/// shown against the line as typed: the command is quoted, and the caret and the
/// column stand under the expression where it was typed.
struct ReplCommandCaretTests {
    private func rendered(_ reply: ReplReply) -> String {
        reply.diagnostics.map(DiagnosticRenderer(useColor: false).render).joined()
    }

    @Test func anErrorInACommandsExpressionIsShownInTheTypedLine() {
        var repl = session("x = 1")
        #expect(rendered(repl.run(":check  x*/y", line: 2)) == """
            <input>:2:11: error: expected an expression after '*', found '/'
             2 | :check  x*/y
               |          ^^

            """)
        #expect(rendered(repl.run(":explain forward  (x+", line: 3)).hasPrefix("""
            <input>:3:22: error: expected an expression after '+', found the end of the input
             3 | :explain forward  (x+
               |                     ^^
            """))
        #expect(rendered(repl.run(":render  a.svg  x*/2", line: 4)).hasPrefix("<input>:4:19: error:"))
    }

    /// A message naming a column names the typed line's; a character of several bytes
    /// or a tab before the expression moves the caret by one character.
    @Test func columnsAreTheTypedLinesWhateverPrecedesTheExpression() {
        var repl = session("x = 1")
        #expect(rendered(repl.run(":check (x", line: 2)) == """
            <input>:2:10: error: expected ')' to close the '(' at column 8, found the end of the input
             2 | :check (x
               |        ^ ^
            help: add ')'

            """)
        #expect(repl.run(":check  x + [1, 2").messages == ["expected ']' to close the '[' at column 13, found the end of the input"])
        #expect(rendered(repl.run(":render  θé.svg  x*/2")).hasPrefix("<input>:1:20: error:"))
        #expect(rendered(repl.run(":check\tx*/y")).hasPrefix("""
            <input>:1:10: error: expected an expression after '*', found '/'
             1 | :check\tx*/y
               |       \t ^^
            """))
    }

    /// A warning about the expression (nan at sqrt(-1)) points into the typed line too,
    /// and the next entry's errors are numbered from their own line.
    @Test func aWarningPointsIntoTheTypedLineAndLaterLinesAreTheirOwn() {
        var repl = session("x = 1")
        let warned = rendered(repl.run(":hessian x + sqrt(-1)", line: 2))
        #expect(warned.hasPrefix("""
            <input>:2:14: warning: n2 = sqrt(-1) is nan
             2 | :hessian x + sqrt(-1)
               |              ^~~~~~~~
            """), "\(warned)")
        #expect(rendered(repl.run("x +/ 1", line: 3)).hasPrefix("<input>:3:4: error:"))
    }

    /// Definitions alone give a command nothing to work on, and say so (they were called
    /// a vector or matrix).
    @Test func aCommandGivenOnlyADefinitionSaysSo() {
        var repl = session("x = 1", "x^2")
        let reply = repl.run(":check p = x*2")
        #expect(reply.messages == [":check needs an expression, and 'p = x*2' only defines p"])
        #expect(reply.diagnostics.first?.diagnostic.help == "make definitions on a line of their own, then give an expression after :check")
        #expect(repl.program.names["p"] == nil)
        #expect(repl.run(":diff p = x*2; q = p+1").messages == [":diff needs an expression, and 'p = x*2; q = p+1' only defines p and q"])
        // A vector among the definitions is what stops it.
        #expect(repl.run(":check p = x*2; [p, 1]").messages == ["'p = x*2; [p, 1]' is a vector or matrix, which has no single gradient"])
        // The caret is under what the message quotes, not the pass named before it.
        #expect(rendered(repl.run(":explain forward p = x")).contains("""
             1 | :explain forward p = x
               |                  ^~~~~
            """))
    }
}
