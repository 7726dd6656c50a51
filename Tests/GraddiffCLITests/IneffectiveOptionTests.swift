import Foundation
import Testing

/// An option that would have no effect in a combination is refused (exit status 64)
/// with a message naming the combination, instead of being silently ignored.
@Suite struct IneffectiveOptionTests {
    static let expression = ["x*y", "x=1", "y=2"]

    @Test(arguments: [
        // CSV, TSV and Markdown list every node: --wrt would be ignored.
        (["--wrt", "x", "--format", "csv"], "--wrt prints the gradients of the variables it names; --format csv lists every node"),
        (["--wrt", "x", "--format", "tsv"], "--format tsv lists every node and cannot be combined with it"),
        (["--wrt", "x", "--format", "markdown"], "--format markdown lists every node and cannot be combined with it"),
    ])
    func refused(_ options: [String], _ message: String) throws {
        let result = try GraddiffProcess.run(options + Self.expression)
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// --batch honours --wrt in every format it writes.
    @Test func batchKeepsWrtColumns() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "--wrt", "x", "--format", "csv", "x*y"], input: "x,y\n1,2\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "x,y,value,d_x\n1,2,2,2\n")
    }

    /// In a session, :wrt and a format that lists every node refuse each other.
    @Test func sessionWrtAndCSVRefuseEachOther() throws {
        for input in ["x = 1\n:wrt x\n:format csv\n", "x = 1\n:format csv\n:wrt x\n"] {
            let result = try GraddiffProcess.run([], input: input)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains(":wrt cannot be combined with the csv format"), "\(result.stderr)")
        }
    }
}
