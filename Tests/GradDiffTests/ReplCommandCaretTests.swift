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
        #expect(reply.diagnostics.first?.diagnostic.help == "define p on a line of its own, then give an expression after :check")
        #expect(repl.program.names["p"] == nil)
    }
}
