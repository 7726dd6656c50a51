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
        // Only gradients and tangents have a node list for --nodes to choose from.
        (["--format", "json", "--nodes", "inputs", "--hessian"], "--hessian prints no node list and cannot be combined with it"),
        (["--format", "json", "--nodes", "none", "--check"], "--check prints no node list"),
        (["--format", "json", "--nodes", "none", "--jacobian"], "--jacobian prints no node list"),
        (["--format", "json", "--nodes", "none", "--order", "2", "--wrt", "x"], "--order prints no node list"),
        (["--format", "json", "--nodes", "none", "--batch", "-"], "--batch prints no node list"),
        // Batch rows are always exact, with -q too.
        (["--batch", "-", "-q", "--precision", "3"], "--precision cannot be combined with it"),
        (["--batch", "-", "--precision", "3"], "--batch writes every number exactly"),
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

    @Test func tangentsHonourNodes() throws {
        let inputs = try GraddiffProcess.run(["--format", "json", "--nodes", "inputs", "--tangent", "x=1"] + Self.expression)
        #expect(inputs.stdout.hasSuffix(#""nodes": [{"node": "x", "value": 1, "tangent": 1}, {"node": "y", "value": 2, "tangent": 0}]}"# + "\n"),
                "\(inputs.stdout)")
        let none = try GraddiffProcess.run(["--format", "json", "--nodes", "none", "--tangent", "x=1"] + Self.expression)
        #expect(none.stdout == #"{"value": 2, "tangent": 2, "direction": {"x": 1, "y": 0}, "nodes": []}"# + "\n", "\(none.stdout)")
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
