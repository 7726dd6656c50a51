import Foundation
import Testing

/// A session read from a pipe: `graddiff` with no expression and stdin not a terminal.
/// The same statements as at a terminal, without prompts, confirmations, readline or
/// history.
@Suite struct PipedSessionTests {
    /// Runs graddiff with `arguments` and `input` on stdin, in a fresh home directory,
    /// and returns what it printed and what the home directory holds afterwards.
    func session(_ input: String, _ arguments: [String] = []) throws -> (GraddiffProcess.Result, home: [String]) {
        let home = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try GraddiffProcess.run(arguments, input: input, environment: ["HOME": home.path])
        return (result, try FileManager.default.contentsOfDirectory(atPath: home.path))
    }

    @Test func statementsRunWithoutPromptsOrHistory() throws {
        let (result, home) = try session("x = 1\ny = 3\nz = -3\n(x+y)*z\n")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == Golden.readmeTable, "the command line's numbering")
        #expect(home.isEmpty, "no history file: \(home)")
    }

    /// `--wrt x` means the latest x: `y` reads the first one, and the session says so once.
    @Test func anEarlierVersionIsSaidOnce() throws {
        let (result, _) = try session("x = 1; y = x^2; x = 5; y\ny\n", ["--wrt", "x"])
        #expect(result.status == 0)
        #expect(result.stdout == "x#2 0\nx#2 0\n")
        #expect(result.stderr == """
            <stdin>:1:24: note: this expression uses x = 1, not x#2 = 5: its gradient with respect to x#2 is 0
             1 | x = 1; y = x^2; x = 5; y
               |                        ^
            help: a step keeps the x it was defined with; define it again to use the new x

            """)
        // JSON keys: the plain name where one version is there.
        let (json, _) = try session("x = 1\nx = 2\nx * 3\n", ["--format", "json"])
        let object = try GraddiffProcess.json(json.stdout)
        #expect(object["gradient"] as? [String: Double] == ["x": 3])
    }

    @Test func theFirstFailureStopsTheRun() throws {
        let (result, _) = try session("x = 1\nx +* 2\nx * 3\n", ["--format", "csv"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("<stdin>:2:4: error: expected an expression after '+', found '*'\n 2 | x +* 2\n"),
                "\(result.stderr)")
    }

    @Test func keepGoingRunsTheRestAndStillFails() throws {
        let (result, _) = try session("x = 1\nx +* 2\nx * 3\n", ["--format", "csv", "--keep-going"])
        #expect(result.status == 65)
        #expect(result.stdout.hasSuffix(",mul,x * 3,3,1\n"))
    }

    /// A line taken back prints only its error: the table of `x*2` before the failing
    /// `y*x` was written, of a line that defined nothing.
    @Test func aFailedLinePrintsOnlyItsError() throws {
        let (result, _) = try session("x = 1; x*2; y*x\nx = 2\nx * 3\n", ["--keep-going"])
        #expect(result.status == 65)
        #expect(result.stdout.hasPrefix("node ") && !result.stdout.contains("x * 2"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("n2    mul    x * 3           6         1\n"), "\(result.stdout)")
        #expect(result.stderr.hasPrefix("<stdin>:1:13: error: no value for the variable 'y'\n"), "\(result.stderr)")
    }

    @Test func bindingsComeFirstWithDashI() throws {
        let (result, _) = try session("x^2\n:wrt x\nx^3\n", ["-i", "x=2", "--format", "json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"value\": 4, \"gradient\": {\"x\": 4}"))
        #expect(lines[1].hasPrefix("{\"value\": 8, \"gradient\": {\"x\": 12}"))
    }

    @Test func anOpenParenthesisContinuesOnTheNextLine() throws {
        let (result, _) = try session("f(a) = (a +\n  1)\nq = 3\nf(q\n  * 2)\n", ["--wrt", "q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "q 2\n")
        let (unclosed, _) = try session("x = 1\n(x +\n  2\n")
        #expect(unclosed.status == 65)
        #expect(unclosed.stderr.hasPrefix("<stdin>:3:4: error: expected ')'"), "\(unclosed.stderr)")
    }

    @Test func quitEndsTheRun() throws {
        let (result, _) = try session("x = 1\n:quit\nx +* 2\n")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test func loadReadsAProgramFile() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("session.gd")
        try "x = 3\nsq(a) = a^2\ny = sq(x) + 1\n".write(to: file, atomically: false, encoding: .utf8)
        let (loaded, _) = try session(":load \(file.path)\n:wrt x\ny * 2\n")
        #expect(loaded.stdout == "x 12\n")
    }

    @Test func sessionsRefuseOptionsForOneExpression() throws {
        for arguments in [["-i", "--output", "p"], ["-q"], ["--strict"], ["--batch", "t.csv"]] {
            let result = try GraddiffProcess.run(arguments)
            #expect(result.status == 64, "\(arguments)")
        }
    }
}
