import Testing
@testable import GradDiff

/// :help, and the settings that shape what later entries print: :format (whose
/// stream a program reads keeps to that format), :precision and :wrt.
@Suite struct ReplHelpAndSettingTests {
    @Test func helpListsEveryCommandOnALine() {
        var repl = ReplSession(files: MemoryFiles())
        let help = repl.run(":help").output
        for command in ReplCommand.all {
            #expect(help.contains("  \(command.usage)"), "\(command.usage) missing from :help")
        }
        #expect(repl.run(":help format").output.hasPrefix(":format [FORMAT]\n"))
        #expect(repl.run(":help :wrt").output.hasPrefix(":wrt [NAMES]\n"))
        #expect(repl.run(":help keys").output.contains("Ctrl-R"))
        #expect(repl.run(":help functions").output.contains("sigmoid"))
        let unknown = repl.run(":help fromat")
        #expect(unknown.failed && unknown.diagnostics[0].diagnostic.help == "did you mean ':help format'?")
        #expect(repl.run(":help explain").output.hasPrefix(":explain [PASS] [EXPR]\n"))
    }

    /// In a session whose format programs read, standard output carries only that
    /// format: :vars is one JSON object in json (refused in csv, tsv and dot, as :diff
    /// is), and :help, a setting asked for and confirmations go aside, to standard error.
    @Test func formatsForProgramsKeepTheirStream() {
        var repl = session("x = 3", "p = x * y", "W = [1, 2]", "f(a) = 2*a", ":format json")
        #expect(repl.run(":vars").output == #"{"inputs": {"x": 3, "W": [1, 2]}, "steps": {"p": {"text": "x * y", "value": null, "#
                + #""needs": ["y"]}}, "functions": ["f(a) = 2*a"], "no_value": ["y"]}"# + "\n")
        _ = repl.run("q = x * 0.1")
        #expect(repl.run(":vars").output.contains(#""q": {"text": "x * 0.1", "value": 0.30000000000000004}"#))
        for command in [":help", ":help vars", ":format", ":precision"] {
            let reply = repl.run(command)
            #expect(reply.output.isEmpty && !reply.aside.isEmpty, "\(command): \(reply.output)")
        }
        repl.confirmsDefinitions = true
        let defined = repl.run("z = 2")
        #expect(defined.output.isEmpty && defined.aside == "z = 2\n", "\(defined.output)")
        for format in ["csv", "tsv", "dot"] {
            _ = repl.run(":format \(format)")
            #expect(repl.run(":vars").messages == [":vars cannot be written in the \(format) format"])
            #expect(repl.run(":help").output.isEmpty)
        }
        for format in ["table", "markdown"] {
            _ = repl.run(":format \(format)")
            #expect(repl.run(":vars").output.hasPrefix("inputs\n  x = 3\n"))
            #expect(repl.run(":format").output == "format \(format) (one of table, json, csv, tsv, markdown, dot)\n")
            #expect(repl.run(":help").aside.isEmpty)
        }
    }

    /// A vector or matrix expression keeps to the session's format too: one JSON object
    /// in json (its value exact, by rows, and its shape; null and what it needs while a
    /// variable has no value), refused in csv, tsv and dot; text in table and markdown.
    @Test func vectorsAndMatricesKeepToTheFormat() {
        var repl = session("v = [1, 2]", "W = [[1, 2], [3, 4.5]]", ":format json")
        #expect(repl.run("2*v").output == #"{"value": [2, 4], "shape": [2]}"# + "\n")
        #expect(repl.run("W / 10").output == #"{"value": [[0.1, 0.2], [0.3, 0.45]], "shape": [2, 2]}"# + "\n")
        #expect(repl.run("W @ [x, y]").output == #"{"value": null, "shape": [2], "needs": ["x", "y"]}"# + "\n")
        for format in ["csv", "tsv", "dot"] {
            _ = repl.run(":format \(format)")
            let refused = repl.run("u = v; 2*u")
            #expect(refused.failed && refused.output.isEmpty, "\(refused.output)")
            #expect(refused.messages == ["'2*u' is a 2-element vector, which cannot be written in the \(format) format"])
            #expect(refused.diagnostics.first?.diagnostic.help
                == "give a scalar, such as sum(2*u), or switch with :format table or :format json, then type it again")
            #expect(repl.program.names["u"] == nil)
        }
        for format in ["table", "markdown"] {
            _ = repl.run(":format \(format)")
            #expect(repl.run("2*v").output == "[2, 4]  (a 2-element vector; sum(...) or an element v[i] gives a gradient)\n")
        }
    }

    @Test func formatAndPrecisionApplyToLaterExpressions() {
        var repl = session("x = 2", "y = 3")
        #expect(repl.run(":format json").output.isEmpty)
        #expect(repl.run("x*y").output.hasPrefix("{\"value\": 6, \"gradient\": {\"x\": 3, \"y\": 2}"))
        // Said aside (standard error): text would break the JSON Lines stream.
        #expect(repl.run(":format").aside == "format json (one of table, json, csv, tsv, markdown, dot)\n")
        _ = repl.run(":format dot")
        #expect(repl.run("x*y").output.hasPrefix("digraph graddiff {"))
        _ = repl.run(":format table")
        _ = repl.run(":precision 3")
        #expect(repl.run("x/y").output.contains("0.667"))
        #expect(repl.run(":precision").output == "precision 3 significant digits\n")
    }

    @Test func wrtPrintsOnlyThoseGradients() {
        var repl = session("x = 1", "y = 3", "z = -3")
        _ = repl.run(":wrt x, z")
        #expect(repl.run("(x+y)*z").output == "x -3\nz 4\n")
        // A variable the expression does not use has gradient 0.
        #expect(repl.run("x*y").output == "x 3\nz 0\n")
        _ = repl.run(":wrt")
        #expect(repl.run("x*y").output.hasPrefix("node"))
        let unknown = repl.run(":wrt q")
        #expect(!unknown.failed && unknown.messages == ["'q' is not a variable of the session yet"])
        #expect(repl.run("x").messages == [":wrt names 'q', which is not a variable of the session"])
        // An element named twice, once through its vector.
        var vector = session("W = [1, 2]", ":wrt W, W[1]")
        #expect(vector.run("sum(W)").messages == [":wrt names 'W[1]' twice (a vector or matrix names each of its elements)"])
    }
}
