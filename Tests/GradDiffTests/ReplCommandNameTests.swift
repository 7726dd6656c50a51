import Testing
@testable import GradDiff

/// The REPL's commands by name, each through `ReplSession.run` as typed: prefixes and
/// shortened names, and what a bad command or argument says is wrong.
@Suite struct ReplCommandNameTests {
    /// A prefix of several commands means the first in :help's list.
    @Test func prefixesKeepTheirMeaning() {
        #expect(ReplCommand.named("h")?.name == .help)
        #expect(ReplCommand.named("c")?.name == .clear)
        #expect(ReplCommand.named("che")?.name == .check)
        #expect(ReplCommand.named("e")?.name == .explain)
        #expect(ReplCommand.named("sa")?.name == .save)
    }

    @Test func commandsMayBeShortened() {
        var repl = session("x = 1")
        #expect(repl.run(":q").quits)
        #expect(repl.run(":quit").quits)
        #expect(repl.run(":v").output.contains("x = 1"))
        #expect(repl.run("  :vars  ").output.contains("x = 1"))
    }

    @Test(arguments: [
        (":fromat json", "unknown command ':fromat'", "did you mean ':format'?"),
        (":varz", "unknown command ':varz'", "did you mean ':vars'?"),
        (":zzz", "unknown command ':zzz'", ":help lists the commands"),
        (":format yaml", "unknown format 'yaml'", "the formats are table, json, csv, tsv, markdown, dot"),
        (":precision 40", "the precision must be a whole number from 1 to 17, not '40'", nil),
        (":unset", ":unset needs a name", "write :unset NAME"),
        (":vars x", ":vars takes no argument", "write :vars"),
        (":wrt 2x", "'2x' is not a variable name", "write :wrt x,y"),
        // As --wrt refuses them (:wrt x,x printed x twice; :wrt , went back to every node).
        (":wrt x,x", ":wrt names 'x' twice (a vector or matrix names each of its elements)", "name each variable or element once"),
        (":wrt ,", "',' is not a variable name", "write :wrt x,y"),
        (":load", ":load needs a file name", "write :load FILE"),
        (":render", ":render needs a file name", "write :render FILE.html [EXPR] (or .svg, .png, .pdf)"),
        (":render g.html", "there is no expression yet", "type one first, such as (x + 1)^2, or give it: :render FILE [EXPR]"),
    ] as [(String, String, String?)])
    func aBadCommandSaysWhatIsWrong(entry: String, message: String, help: String?) {
        var repl = session("x = 1")
        let reply = repl.run(entry)
        #expect(reply.failed)
        #expect(reply.messages == [message])
        #expect(reply.diagnostics.first?.diagnostic.help == help)
    }
}
