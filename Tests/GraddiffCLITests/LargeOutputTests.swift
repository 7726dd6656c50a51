import Foundation
import Testing

/// Large outputs through the built binary: the node table, JSON, CSV and TSV stream out
/// in chunks of a megabyte, whole and in order; `--nodes` trims JSON to what a script
/// reads.
@Suite struct LargeOutputTests {
    /// A sum of 12,000 products: x, 12,000 constants, 12,000 products and 11,999 sums,
    /// 36,000 nodes and several megabytes of output.
    static let wideSum = (1...12_000).map { "x*1.\(String(format: "%05d", $0))" }.joined(separator: " + ")

    @Test func jsonOfManyNodesIsWholeAndParses() throws {
        let result = try GraddiffProcess.run(["--format", "json", "-f", "-", "x=0.5"], input: Self.wideSum)
        #expect(result.status == 0)
        #expect(result.stdout.utf8.count > 2 << 20, "more than one chunk")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let nodes = json?["nodes"] as? [[String: Any]] ?? []
        #expect(nodes.count == 36_000)
        #expect((nodes.last?["id"] as? Int) == 35_999)
        #expect((json?["gradient"] as? [String: Any])?["x"] as? Double == (nodes.first?["grad"] as? Double))
    }

    @Test(arguments: ["csv", "tsv", "table"])
    func delimitedAndTableHaveEveryRowInOrder(format: String) throws {
        let result = try GraddiffProcess.run(["--format", format, "-f", "-", "x=0.5"], input: Self.wideSum)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 36_002, "header, 36,000 rows, and the empty string after the last newline")
        #expect(lines.last == "")
        let separator: Character = format == "csv" ? "," : format == "tsv" ? "\t" : " "
        let ids = lines.dropFirst().dropLast().map { $0.split(separator: separator).first.map(String.init) ?? "" }
        if format == "table" {
            #expect(ids[0] == "x" && ids[35_999] == "n35999")
        } else {
            #expect(ids == (0..<36_000).map(String.init))
        }
    }

    @Test func nodesSelectsWhatJSONLists() throws {
        let inputs = try GraddiffProcess.run(["--format", "json", "--nodes", "inputs", "p = x + y; g = p * z", "x=1", "y=3", "z=-3"])
        #expect(inputs.status == 0)
        #expect(inputs.stdout == """
            {"value": -12, "gradient": {"x": -3, "y": -3, "z": 4}, "nodes": [\
            {"id": 0, "op": "var", "name": "x", "text": "x", "inputs": [], "value": 1, "grad": -3}, \
            {"id": 1, "op": "var", "name": "y", "text": "y", "inputs": [], "value": 3, "grad": -3}, \
            {"id": 3, "op": "var", "name": "z", "text": "z", "inputs": [], "value": -3, "grad": 4}]}

            """)
        let none = try GraddiffProcess.run(["--format", "json", "--nodes=none", "--wrt", "z", "(x+y)*z", "x=1", "y=3", "z=-3"])
        #expect(none.stdout == "{\"value\": -12, \"gradient\": {\"z\": 4}, \"nodes\": []}\n")
        let all = try GraddiffProcess.run(["--format", "json", "--nodes", "all", "x*y", "x=2", "y=3"])
        let plain = try GraddiffProcess.run(["--format", "json", "x*y", "x=2", "y=3"])
        #expect(all.stdout == plain.stdout)
    }

    /// A program with vectors and matrices lists its inputs whole, with their shapes, and
    /// keeps them streaming-free: the output is what the string formatter makes.
    @Test func nodesSelectsTensorRows() throws {
        let arguments = ["sum(W @ v)", "W=[[1,2],[3,4]]", "v=[1,1]"]
        let inputs = try GraddiffProcess.run(["--format", "json", "--nodes", "inputs"] + arguments)
        #expect(inputs.stdout == """
            {"value": 10, "gradient": {"W": [[1, 1], [1, 1]], "v": [4, 6]}, "nodes": [\
            {"id": 0, "op": "var", "name": "W", "shape": [2, 2], "text": "W", "inputs": [], "value": [[1, 2], [3, 4]], "grad": [[1, 1], [1, 1]]}, \
            {"id": 1, "op": "var", "name": "v", "shape": [2], "text": "v", "inputs": [], "value": [1, 1], "grad": [4, 6]}]}

            """)
        let none = try GraddiffProcess.run(["--format", "json", "--nodes", "none"] + arguments)
        #expect(none.stdout == "{\"value\": 10, \"gradient\": {\"W\": [[1, 1], [1, 1]], \"v\": [4, 6]}, \"nodes\": []}\n")
        let table = try GraddiffProcess.run(arguments)
        #expect(table.stdout.contains("W     var     2×2     W           [[1, 2], [3, 4]]  [[1, 1], [1, 1]]\n"), "\(table.stdout)")
    }

    @Test func nodesNeedsJSON() throws {
        let table = try GraddiffProcess.run(["--nodes", "none", "x*y", "x=2", "y=3"])
        #expect(table.status == 64)
        #expect(table.stderr.contains("--nodes chooses the nodes JSON lists; it needs --format json"))
        let unknown = try GraddiffProcess.run(["--format", "json", "--nodes", "some", "x*y", "x=2", "y=3"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("all") && unknown.stderr.contains("inputs") && unknown.stderr.contains("none"))
    }
}
