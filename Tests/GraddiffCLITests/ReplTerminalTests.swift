import Foundation
import Testing

/// The REPL driven through a real terminal (tmux): readline's editing, history,
/// completion and signals, and the history file, checked on the screen as a user sees
/// them. Every key waits for the prompt it is meant for: keys typed while a line runs
/// would go to the terminal, not to readline.
@Suite(.enabled(if: SkipNote.runs("ReplTerminalTests", unless: TerminalSession.isAvailable ? nil : "tmux is not installed"),
                "tmux is not installed"))
struct ReplTerminalTests {
    @Test func anExpressionPrintsItsTable() throws {
        let terminal = try TerminalSession(["x=1", "-i"])
        try terminal.run("y = 3; z = -3")
        let screen = try terminal.run("(x+y)*z")
        #expect(screen.hasSuffix("""
            x = 1
            graddiff> y = 3; z = -3
            y = 3
            z = -3
            graddiff> (x+y)*z
            \(Golden.readmeTable)graddiff>
            """), "\(screen)")
    }

    /// Readline is loaded when a terminal session starts: a library that will not load
    /// (here an empty file found first through LD_LIBRARY_PATH) ends the session with
    /// status 69 and says what to install, rather than crashing.
    @Test func aSessionWhoseReadlineCannotLoadSaysSoAndExits69() throws {
        let terminal = try TerminalSession(["LD_LIBRARY_PATH=broken", GraddiffProcess.binary], firstOutput: "needs GNU readline",
                                           executable: "/usr/bin/env") { directory in
            let broken = directory.appendingPathComponent("broken")
            try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
            try Data().write(to: broken.appendingPathComponent("libreadline.so.8"))
        }
        #expect(try terminal.exitStatus() == 69)
        let screen = try terminal.screen()
        #expect(screen.contains("error: a session at a terminal needs GNU readline, which cannot be loaded"), "\(screen)")
        #expect(screen.contains("help: install it (Debian and Ubuntu: apt-get install libreadline8)"), "\(screen)")
        #expect(!screen.contains(TerminalSession.prompt), "no prompt without readline: \(screen)")
    }

    @Test func upRecallsThePreviousLineAndTheHistoryFileKeepsIt() throws {
        let terminal = try TerminalSession()
        try terminal.run("x = 2")
        try terminal.run("x*3")
        try terminal.run("x*3")
        try terminal.press("Up")
        try terminal.waitUntil("x*3 recalled") { $0.hasSuffix("graddiff> x*3") }
        try terminal.press("Up")
        try terminal.waitUntil("x = 2 recalled") { $0.hasSuffix("graddiff> x = 2") }
        try terminal.press("Enter")
        try terminal.waitFor("x#2 = 2  (replaces x = 2 for the lines that follow)\ngraddiff>")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        let history = try String(contentsOf: terminal.historyFile, encoding: .utf8)
        #expect(history == "x = 2\nx*3\nx = 2\n", "the same line twice in a row is kept once")
        let mode = try FileManager.default.attributesOfItem(atPath: terminal.historyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// An entry continued over lines is one line of history, without the comments that
    /// ended its lines (joined, a comment would hide the rest): recalled, it runs again.
    @Test func aContinuedEntryIsRecalledWithoutItsComments() throws {
        let terminal = try TerminalSession(["x=2", "-i"])
        try terminal.run("(x + # the first part")
        try terminal.run("1) * 10")
        try terminal.waitFor("30", count: 1)
        try terminal.press("Up")
        try terminal.waitUntil("the entry recalled") { $0.hasSuffix("graddiff> (x + 1) * 10") }
        try terminal.press("Enter")
        try terminal.waitFor("graddiff>", count: 3)
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        let screen = try terminal.screen()
        #expect(!screen.contains("error"), "\(screen)")
        let history = try String(contentsOf: terminal.historyFile, encoding: .utf8)
        #expect(history == "(x + 1) * 10\n", "\(history)")
    }

    /// With standard output redirected to a file, the banner, prompts and typed text
    /// stay on the screen (standard error), and the file holds the results alone.
    @Test func aSessionWritingToAFileKeepsItsPromptsOnTheScreen() throws {
        let terminal = try TerminalSession(["-c", "\(GraddiffProcess.binary) -i > out.txt"], executable: "/bin/sh")
        try terminal.run("x = 2")
        try terminal.run("x*3")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        let screen = try terminal.screen()
        #expect(screen.contains("graddiff session:") && screen.contains("graddiff> x*3"), "\(screen)")
        let results = try String(contentsOf: terminal.directory.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(results.hasPrefix("x = 2\nnode"), "\(results)")
        #expect(!results.contains("graddiff") && !results.contains("x*3\n"), "\(results)")
    }

    @Test func ctrlRSearchesTheHistory() throws {
        let terminal = try TerminalSession()
        try terminal.run("speed = 4")
        try terminal.run("1 + 1")
        try terminal.press("C-r")
        try terminal.type("spe")
        try terminal.waitFor("(reverse-i-search)`spe': speed = 4")
        try terminal.press("Enter")
        try terminal.waitFor("speed#2 = 4")
    }

    @Test func tabCompletesFunctionsNamesAndCommands() throws {
        let terminal = try TerminalSession()
        try terminal.run("speed = 0")
        try terminal.type("sigm")
        try terminal.press("Tab")
        try terminal.waitUntil("sigmoid( completed") { $0.hasSuffix("graddiff> sigmoid(") }
        try terminal.type("spe")
        try terminal.press("Tab")
        try terminal.waitUntil("speed completed") { $0.hasSuffix("graddiff> sigmoid(speed") }
        let screen = try terminal.run(")")
        #expect(TerminalSession.squeezed(screen).contains("n1 sigmoid sigmoid(speed) 0.5 1"), "\(screen)")
        try terminal.type(":fo")
        try terminal.press("Tab")
        try terminal.type("j")
        try terminal.press("Tab")
        try terminal.waitUntil(":format json completed") { $0.hasSuffix("graddiff> :format json") }
    }

    /// :render draws at a terminal, through Graphviz, into a new file renamed into place;
    /// Tab completes the new commands, a pass, and :render's file name.
    @Test func renderDrawsAndTheNewCommandsComplete() throws {
        let terminal = try TerminalSession()
        try terminal.run("x = 1; y = 3")
        try terminal.run("(x+y)*2")
        let screen = try terminal.run(":render graph.svg")
        #expect(screen.contains("drew the last expression's graph (5 nodes) into graph.svg"), "\(screen)")
        let picture = try String(contentsOf: terminal.directory.appendingPathComponent("graph.svg"), encoding: .utf8)
        #expect(picture.contains("<svg"))
        try terminal.type(":expl")
        try terminal.press("Tab")
        try terminal.type("fo")
        try terminal.press("Tab")
        try terminal.waitUntil(":explain forward completed") { $0.hasSuffix("graddiff> :explain forward") }
        let narration = try terminal.run("")
        #expect(narration.contains("forward pass: each node from its inputs, inputs first"), "\(narration)")
        try terminal.type(":render gra")
        try terminal.press("Tab")
        try terminal.waitUntil("the file name completed") { $0.hasSuffix("graddiff> :render graph.svg") }
    }

    @Test func ctrlCAbandonsAHalfTypedLine() throws {
        let terminal = try TerminalSession()
        try terminal.run("x = 5")
        try terminal.run("(x +")
        try terminal.type("2")
        try terminal.waitUntil("2 typed") { $0.hasSuffix("...> 2") }
        try terminal.press("C-c")
        try terminal.waitFor("      ...> 2^C\ngraddiff>")
        let screen = try terminal.run("x - 1")
        #expect(TerminalSession.squeezed(screen).contains("n2 sub x - 1 4 1"), "\(screen)")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        let history = try String(contentsOf: terminal.historyFile, encoding: .utf8)
        #expect(history == "x = 5\nx - 1\n", "an abandoned line is not history")
    }

    @Test func ctrlCInterruptsALongComputation() throws {
        let terminal = try TerminalSession()
        try terminal.run("keep = 1")
        // Each function is twice the one before: defining them is quick (a call inside a
        // body is expanded only when called), but a call of f30 expands toward 2^30 nodes.
        try terminal.run("f1(a) = a*a + 1")
        // Typed at once: the screen scrolls, so prompts cannot be counted one by one.
        try terminal.type((2...30).map { "f\($0)(a) = f\($0 - 1)(f\($0 - 1)(a))\n" }.joined())
        try terminal.waitUntil("the last definition") { $0.hasSuffix("f30(a) = f29(f29(a))\n" + TerminalSession.prompt) }
        try terminal.type("f30(keep)\n")
        try terminal.waitFor("graddiff> f30(keep)")
        try terminal.press("C-c")
        try terminal.waitFor("note: interrupted: the session is as it was before the line", timeout: 10)
        try terminal.waitUntil("the prompt") { $0.hasSuffix("\n" + TerminalSession.prompt) }
        try terminal.type("keep + 1\n")
        try terminal.waitUntil("the table of keep + 1") { TerminalSession.squeezed($0).contains("n2 add keep + 1 2 1") }
    }

    @Test func theUsersInputrcChoosesViKeys() throws {
        let terminal = try TerminalSession(inputrc: "set editing-mode vi\n")
        try terminal.type("1+1")
        try terminal.press("Escape")
        try terminal.type("0r5")
        try terminal.waitUntil("1 replaced by 5") { $0.hasSuffix("graddiff> 5+1") }
        let screen = try terminal.run("")
        #expect(TerminalSession.squeezed(screen).contains("n2 add 5 + 1 6\ngraddiff>"), "\(screen)")
    }

    @Test func ctrlDOnAnEmptyLineEndsWithStatusZero() throws {
        let terminal = try TerminalSession()
        let screen = try terminal.run("x +* 2")
        #expect(screen.contains("error: expected an expression after '+', found '*'"))
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
    }

    /// A line taken back shows only its error: it also confirmed "x = 1" and
    /// "q = x * 2 = 2", which :vars then did not list, and in json on standard error.
    @Test func aFailedLineConfirmsNothing() throws {
        let terminal = try TerminalSession()
        let screen = try terminal.run("x = 1; q = x*2; y*x")
        #expect(screen.contains("error: no value for the variable 'y'"), "\(screen)")
        #expect(!screen.contains("\nx = 1") && !screen.contains("q = x * 2 = 2"), "\(screen)")
        #expect(try terminal.run(":vars").contains("nothing defined yet"))
        try terminal.run(":format json")
        let json = try terminal.run("x = 1; q = x*2; y*x")
        #expect(!json.contains("\nx = 1") && !json.contains("q = x * 2 = 2"), "\(json)")
        let confirmed = try terminal.run("x = 1; q = x*2")
        #expect(confirmed.hasSuffix("graddiff> x = 1; q = x*2\nx = 1\nq = x * 2 = 2\ngraddiff>"), "\(confirmed)")
    }

    @Test func aHomeWithoutRoomForHistoryIsAWarning() throws {
        // Not even root may create a file in /proc.
        let terminal = try TerminalSession(["-i", "x=3"], home: "/proc")
        try terminal.waitFor("warning: the history is not saved: cannot open '/proc/.graddiff_history'")
        let screen = try terminal.run("x^2")
        #expect(TerminalSession.squeezed(screen).contains("n2 pow x^2 9 1"), "\(screen)")
    }
}
