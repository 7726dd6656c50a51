import Testing
@testable import GradDiff

/// The REPL's commands, each through `ReplSession.run` as typed.
@Suite struct ReplCommandTests {
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

    /// A prefix of several commands means the first in :help's list.
    @Test func prefixesKeepTheirMeaning() {
        #expect(ReplCommand.named("h")?.name == .help)
        #expect(ReplCommand.named("c")?.name == .clear)
        #expect(ReplCommand.named("che")?.name == .check)
        #expect(ReplCommand.named("e")?.name == .explain)
        #expect(ReplCommand.named("sa")?.name == .save)
    }

    @Test func analysisCommandsTakeTheLastOrAGivenExpression() {
        var repl = session("x = 2")
        #expect(repl.run(":check").messages == ["there is no expression yet"])
        _ = repl.run("x^3")
        #expect(repl.run(":hessian").output == "    x\nx  12\n")
        // A given expression becomes the last one, without its table.
        #expect(repl.run(":hessian x^2").output == "   x\nx  2\n")
        #expect(repl.run(":explain forward").output.contains("n2 = x^2 = 2^2 = 4"))
        #expect(repl.run(":explain forwrd").messages == ["'forwrd' is not a pass"])
        // A failed check is a warning: the session goes on.
        let kink = repl.run(":check abs(x - 2)")
        #expect(!kink.failed)
        #expect(repl.run(":render").messages == [":render needs a file name"])
        #expect(repl.run(":render g.svg").messages == ["cannot draw 'g.svg' here: this session has no picture renderer"])
        _ = repl.run(":clear")
        #expect(repl.run(":diff").messages == ["there is no expression yet"])
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

    @Test func commandsMayBeShortened() {
        var repl = session("x = 1")
        #expect(repl.run(":q").quits)
        #expect(repl.run(":quit").quits)
        #expect(repl.run(":v").output.contains("x = 1"))
        #expect(repl.run("  :vars  ").output.contains("x = 1"))
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

    @Test func varsListsInputsStepsFunctionsAndWhatHasNoValue() {
        var repl = session("x = 2", "f(a) = a^2", "p = f(x) + w", "x = 5", "q = x * 2")
        #expect(repl.run(":vars").output == """
            inputs
              x = 2
              x#2 = 5
            steps
              p = f(x) + w  (needs w)
              q = x#2 * 2 = 10
            functions
              f(a) = a^2
            no value yet
              w

            """)
        #expect(ReplSession(files: MemoryFiles()).variables().output.hasPrefix("nothing defined yet"))
        // Every version of a function: g still calls the first f (only the latest showed).
        var functions = session("f(a) = a", "g(a) = f(a)*3", "f(a) = a*2")
        #expect(functions.run(":vars").output == "functions\n  f(a) = a  (earlier version)\n  g(a) = f(a)*3\n  f(a) = a*2\n")
    }

    @Test func unsetForgetsEveryVersion() {
        var repl = session("x = 1", "x = 2", "y = 5")
        #expect(repl.run(":unset x").output == "unset x (2 versions)\n")
        #expect(repl.run("x").messages == ["no value for the variable 'x'"])
        #expect(repl.run(":vars").output == "inputs\n  y = 5\n")
        #expect(repl.run("x = 7").output == "x = 7\n")
    }

    @Test func unsetRefusesWhatLaterDefinitionsAreWrittenWith() {
        var repl = session("x = 1", "p = x + 1", "q = p * 2", "f(a) = a + 1", "g(a) = f(a) * 2")
        #expect(repl.run(":unset x").messages == ["cannot unset 'x': p is defined with it"])
        #expect(repl.run(":unset p").messages == ["cannot unset 'p': q is defined with it"])
        #expect(repl.run(":unset f").messages == ["cannot unset 'f': g is defined with it"])
        #expect(repl.run(":unset nope").messages == ["'nope' is not defined"])
        #expect(!repl.run(":unset q").failed)
        #expect(!repl.run(":unset p").failed)
        #expect(repl.program.names["p"] == nil)
    }

    /// A command given an expression that fails leaves the session as it was: a vector
    /// (`:check [x, 2*x]` went on with the expression before it) or a refused render
    /// (whose expression became the last one).
    @Test func aFailedCommandLeavesTheLastExpression() {
        var repl = session("x = 1", "x^3")
        #expect(repl.run(":check [x, 2*x]").messages == ["'[x, 2*x]' is a vector or matrix, which has no single gradient"])
        #expect(repl.run(":hessian [x, 3*x]").failed)
        #expect(repl.run(":render g.svg x*7").failed)
        let diff = repl.run(":diff").output
        #expect(diff.contains("d_x = 3 * x^2"), "\(diff)")
        #expect(repl.definitions.map(\.name) == ["x"])
    }

    /// randn draws from one stream in order: unsetting an earlier draw would hand its
    /// numbers to a later one (b changed silently); it is refused, as a use is.
    @Test func unsetRefusesWhatWouldRedrawALaterRandn() {
        var repl = session("a = randn(2)", "b = randn(2)", "c = 1")
        #expect(repl.run(":unset a").messages == ["cannot unset 'a': b draws its numbers after it (randn), and would get a's"])
        #expect(!repl.run(":unset c").failed && !repl.run(":unset b").failed && !repl.run(":unset a").failed)
    }

    /// An expression at a kink warns in a session as on the command line (it was silent).
    @Test func aKinkWarnsInASession() {
        var repl = session("x = 0")
        let reply = repl.run("relu(x)")
        #expect(!reply.failed && reply.messages == ["n1 is evaluated at a kink: relu(x) at x = 0"], "\(reply.messages)")
    }

    /// `--kink` holds for a whole session: the gradient sent through the kink follows it
    /// (and the help names it), and with `error` the expression fails, as the command
    /// line's does; the session is then as it was.
    @Test func aSessionFollowsItsKinkConvention() {
        var repl = session("x = 0")
        repl.kinks = .mean
        let mean = repl.run("relu(x)")
        #expect(mean.output.contains("x     var   x               0       0.5"), "\(mean.output)")
        #expect(mean.diagnostics.first?.diagnostic.help?.hasSuffix("graddiff uses 0.5 (--kink mean)") == true)
        repl.kinks = .error
        let refused = repl.run("y = 1; relu(x) + y")
        #expect(refused.failed && refused.diagnostics.map(\.diagnostic.severity) == [.error], "\(refused.messages)")
        #expect(repl.program.names["y"] == nil)
        #expect(!repl.run("relu(x + 1)").failed)
    }

    /// An input named like a constant (`pi = 3`) that a later definition reads: without
    /// it the definition would silently read the constant (y went from 6 to 6.28).
    @Test func unsetRefusesAConstantsRedefinitionInUse() {
        var repl = session("pi = 3", "y = 2*pi", "e = 3", "f(a) = a*e", "z = 1")
        #expect(repl.run(":unset pi").messages == ["cannot unset 'pi': y is defined with it"])
        #expect(repl.run(":unset e").messages == ["cannot unset 'e': f is defined with it"])
        #expect(!repl.run(":unset f").failed && !repl.run(":unset e").failed)
    }

    @Test func clearForgetsDefinitionsButKeepsSettings() {
        var repl = session("x = 1", ":format csv", "f(a) = a")
        #expect(repl.run(":clear").aside == "cleared 2 definitions\n")
        #expect(repl.definitions.isEmpty && repl.program.tape.count == 0)
        #expect(repl.format == .csv)
        #expect(repl.run("f(1)").failed)
    }

    @Test func saveWritesAProgramThatLoadsBackTheSameSession() throws {
        let files = MemoryFiles()
        var repl = session("x = 2; y = -1", "f(a, b) = a*b + (a +\n b)", "p = f(x, y)", "x = 4", "q = p * x", files: files)
        #expect(repl.run(":save s.gd").output == "saved 6 definitions to s.gd\n")
        let saved = try #require(files.files["s.gd"])
        #expect(saved.hasSuffix("x = 2\ny = -1\nf(a, b) = a*b + (a +\n b)\np = f(x, y)\nx = 4\nq = p * x\n"))
        // -f reads it: its last statement is the output.
        let program = try ProgramParser.parse(SourceText(name: "s.gd", text: saved))
        let evaluation = try Evaluation.run(program, bindings: [])
        #expect(evaluation.values[Int(evaluation.output)] == -4)

        var loaded = ReplSession(files: files)
        #expect(loaded.run(":load s.gd").output == "loaded 6 definitions from s.gd\n")
        #expect(loaded.run(":vars").output == repl.run(":vars").output)
    }

    @Test func saveKeepsAnExistingFileAndSaveBangReplacesIt() throws {
        let files = MemoryFiles()
        files.files["s.gd"] = "old\n"
        var repl = session("x = 2", files: files)
        let refused = repl.run(":save s.gd")
        #expect(refused.failed)
        #expect(refused.messages == ["'s.gd' already exists"])
        #expect(refused.diagnostics[0].diagnostic.help == "write :save! s.gd to replace it")
        #expect(files.files["s.gd"] == "old\n")
        #expect(repl.run(":save! s.gd").output == "saved 1 definition to s.gd\n")
        #expect(files.files["s.gd"]?.hasSuffix("x = 2\n") == true)
        // ':sa' still means :save; ':save!' is never abbreviated.
        #expect(repl.run(":sa s.gd").messages == ["'s.gd' already exists"])
        #expect(repl.run(":save!").messages == [":save! needs a file name"])
        #expect(repl.run(":help save!").output.hasPrefix(":save! FILE\n"))
    }

    @Test func aFileThatDoesNotLoadIsNamedButNeverQuoted() {
        let files = MemoryFiles()
        files.files["env.txt"] = "HOME=/root\nAPI_KEY=sk-live-123 hunter2 more\n"
        var repl = session("x = 1", files: files)
        let reply = repl.run(":load env.txt")
        #expect(reply.failed)
        let rendered = reply.diagnostics.map(DiagnosticRenderer(useColor: false).render).joined()
        #expect(rendered.hasPrefix("env.txt:1:6: error: "), "\(rendered)")
        #expect(!rendered.contains("HOME=") && !rendered.contains("sk-live") && !rendered.contains("hunter2"), "\(rendered)")
        #expect(!rendered.contains("help:"), "a help may repeat the text: \(rendered)")
        #expect(rendered.split(separator: "\n").count == reply.diagnostics.count, "one header line each: \(rendered)")
    }

    @Test func aFailedLoadChangesNothing() {
        let files = MemoryFiles()
        files.files["bad.gd"] = "a = 1\nb = a +\n"
        var repl = session("x = 1", files: files)
        let reply = repl.run(":load bad.gd")
        #expect(reply.failed)
        #expect(reply.diagnostics[0].source?.name == "bad.gd")
        #expect(repl.program.names["a"] == nil)
        #expect(repl.run(":load nowhere.gd").messages == ["cannot open 'nowhere.gd': No such file or directory"])
    }

    /// A file that fails prints no tables of the expressions before the failure, and a
    /// command's expression no confirmations of the definitions before it.
    @Test func aFailedLoadOrCommandPrintsOnlyItsError() {
        let files = MemoryFiles()
        files.files["late.gd"] = "x = 3\nx^2\nx*y\n"
        var repl = session("w = 1", files: files)
        let load = repl.run(":load late.gd")
        #expect(load.failed && load.messages == ["no value for the variable 'y'"])
        #expect(load.output.isEmpty && load.aside.isEmpty, "\(load.output)")
        let check = repl.run(":check x = 1; q = x*2; y*x")
        #expect(check.failed && check.messages == ["no value for the variable 'y'"])
        #expect(check.output.isEmpty && check.aside.isEmpty, "\(check.output)")
    }

    @Test func loadPrintsTheFilesExpressions() {
        let files = MemoryFiles()
        files.files["p.gd"] = "# a program\nx = 3\nx^2\n"
        var repl = ReplSession(files: files)
        repl.options.wrt = ["x"]
        #expect(repl.run(":load 'p.gd'").output == "x 6\nloaded 1 definition from p.gd\n")
    }
}

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
