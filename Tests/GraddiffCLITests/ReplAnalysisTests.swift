import Foundation
import Testing

/// `:explain`, `:diff`, `:hessian`, `:check` and `:render` in a session print what the
/// command-line options print for the same expression at the same values: each is
/// compared with the command line's own output.
@Suite struct ReplAnalysisTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var bindings: [String]
        var expression: String
        var command: String
        /// The command line that prints the same, before the expression and bindings.
        var options: [String]
        /// Whether the command line prints the table first, then a blank line.
        var afterTable = false
        var testDescription: String { "\(command) \(expression)" }
    }

    static let cases: [Case] = [
        Case(bindings: ["x=1", "y=3", "z=-3"], expression: "(x+y)*z", command: ":explain", options: ["--explain"], afterTable: true),
        Case(bindings: ["x=1", "y=3", "z=-3"], expression: "(x+y)*z", command: ":explain forward", options: ["--explain=forward"],
             afterTable: true),
        Case(bindings: ["x=2"], expression: "x*x + sin(x)", command: ":explain both", options: ["--explain=both"], afterTable: true),
        Case(bindings: ["x=1", "y=2"], expression: "x^2*y + sin(x*y)", command: ":diff", options: ["diff"]),
        Case(bindings: ["x=1", "y=2"], expression: "x^2*y", command: ":hessian", options: ["--hessian"]),
        Case(bindings: ["x=0", "y=1"], expression: "abs(x) + sin(y)", command: ":check", options: ["--check"]),
    ]

    /// The last expression, and the expression given after the command, alike.
    @Test(arguments: cases) func sameAsTheCommandLine(_ test: Case) throws {
        let line = try GraddiffProcess.run(test.options + [test.expression] + test.bindings)
        #expect(line.status == 0, "\(line.stderr)")
        let expected = test.afterTable ? String(line.stdout.split(separator: "\n\n", maxSplits: 1).last ?? "") : line.stdout
        let statements = test.bindings.map { $0.replacingOccurrences(of: "=", with: " = ") }.joined(separator: "; ") + "\n"
        let given = try GraddiffProcess.run([], input: statements + "\(test.command) \(test.expression)\n")
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout == expected)
        let last = try GraddiffProcess.run([], input: statements + test.expression + "\n" + test.command + "\n")
        let table = try GraddiffProcess.run([test.expression] + test.bindings).stdout
        #expect(last.stdout == table + expected)
    }

    @Test func wrtAndJSONFollowTheSession() throws {
        let session = try GraddiffProcess.run(["--format", "json", "--wrt", "x"], input: "x = 1; y = 2\n:hessian x^2*y\n")
        let line = try GraddiffProcess.run(["--format", "json", "--wrt", "x", "--hessian", "x^2*y", "x=1", "y=2"])
        #expect(session.stdout == line.stdout)
        #expect(!session.stdout.isEmpty)
    }

    @Test func withoutAnExpressionItSaysHowToGiveOne() throws {
        let result = try GraddiffProcess.run([], input: ":diff\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: there is no expression yet"))
        #expect(result.stderr.contains("help: type one first, such as (x + 1)^2, or give it: :diff [EXPR]"))
    }

    /// A piped session draws nothing (only a terminal's writes files), and says so.
    @Test func aPipedSessionDoesNotRender() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.svg").path
        let result = try GraddiffProcess.run([], input: "x = 1\n:render \(path) x*2\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("a session read from a pipe or a file writes no files: '\(path)' was not drawn"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// The command line points a session's user at the command that does the same.
    @Test func theOptionsPointToTheSessionCommands() throws {
        let result = try GraddiffProcess.run(["--explain", "-i", "x=1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--explain applies to one EXPRESSION or -f FILE, not to a session; in the session, type :explain"))
    }
}
