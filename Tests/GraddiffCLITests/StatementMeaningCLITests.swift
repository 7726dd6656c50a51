import Foundation
import Testing

/// The same text means the same thing on the command line, in a file and in a piped
/// session (issue 14): `c = 2*3` declares an input whatever came before, and naming a
/// value never reprints an earlier step.
struct StatementMeaningCLITests {
    static let program = "y = x + 2*3; c = 2*3; c*x"

    @Test func aConstantDeclaresAnInputOnTheCommandLineAndInAFile() throws {
        let command = try GraddiffProcess.run(["-q", Self.program, "c=10", "x=1"])
        #expect(command.status == 0, "\(command.stderr)")
        #expect(command.stdout == "10\n")
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("p.gd")
        try Self.program.replacingOccurrences(of: "; ", with: "\n").write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try GraddiffProcess.run(["-q", "-f", file.path, "c=10", "x=1"])
        #expect(fromFile.stdout == "10\n", "\(fromFile.stderr)")
        // The earlier step still prints as it was written.
        let table = try GraddiffProcess.run(["--format", "csv", Self.program, "c=10", "x=1"])
        #expect(table.stdout.contains(",y,add,x + 2 * 3,7,"), "\(table.stdout)")
    }

    @Test func andInAPipedSession() throws {
        let result = try GraddiffProcess.run(["--format", "csv"], input: "x = 1\ny = x + 2*3\nc = 2*3\ny\nc*x\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4,y,add,x + 2 * 3,7,1\n"), "\(result.stdout)")
        #expect(result.stdout.contains("0,c,var,c,6,1\n"), "\(result.stdout)")  // c, then x: as the command line numbers c*x
    }

    @Test func aStepMentioningAVariableStaysAStep() throws {
        let result = try GraddiffProcess.run(["f(a) = 2; y = f(x); y", "x=3"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("x     var    x               3         0\n"), "\(result.stdout)")
    }
}
