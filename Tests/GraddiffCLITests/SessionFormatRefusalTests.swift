import Foundation
import Testing

/// A piped session in a machine format keeps its stream parseable: a command whose
/// output cannot be written in that format is refused, as its command-line option is.
@Suite struct SessionFormatRefusalTests {
    @Test(arguments: [
        ("json", ":explain", ":explain cannot be written in the json format"),
        ("csv", ":explain", ":explain cannot be written in the csv format"),
        ("csv", ":hessian", ":hessian cannot be written in the csv format"),
        ("tsv", ":check", ":check cannot be written in the tsv format"),
        ("markdown", ":diff", ":diff cannot be written in the markdown format"),
    ])
    func commandRefusedInFormat(_ format: String, _ command: String, _ message: String) throws {
        let result = try GraddiffProcess.run(["--format", format], input: "x = 3; y = 2\nx*y\n\(command)\n")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stdout.contains("backward pass") && !result.stdout.contains("  x  y"), "\(result.stdout)")
    }

    /// Every line of a json session is a JSON object, :hessian's included.
    @Test func jsonSessionPrintsOnlyJSON() throws {
        let result = try GraddiffProcess.run(["--format", "json", "--keep-going"],
                                             input: "x = 3; y = 2\nx*y\n:hessian\n:explain\n:check\n")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stdout)")
        for line in lines {
            #expect(throws: Never.self, "\(line)") { try GraddiffProcess.json(String(line)) }
        }
    }

    @Test func tableAndMarkdownStillExplain() throws {
        for format in ["table", "markdown"] {
            let result = try GraddiffProcess.run(["--format", format], input: "x = 3\nx*x\n:explain\n")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("backward pass"), "\(result.stdout)")
        }
    }
}
