import Testing
@testable import GradDiff

/// :save and :load: a saved session loads back the same, an existing file is kept
/// unless :save!, and a file that fails to load changes nothing and is never quoted.
@Suite struct ReplFileCommandTests {
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
