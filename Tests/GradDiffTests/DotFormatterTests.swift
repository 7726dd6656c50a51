import Foundation
import Testing
@testable import GradDiff

/// `--format dot`: escaping of any text, the shape of the seed example's graph, the
/// gradient-flow edges of `--dot-backward`, `--wrt` and the node limit. (That Graphviz
/// accepts the output is checked through the real binary in GraddiffCLITests.)
struct DotFormatterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("q\"uote", "q\\\"uote"),
        ("back\\slash", "back\\\\slash"),
        ("ends\\", "ends\\\\"),
        ("\\N", "\\\\N"),
        ("&amp;", "&amp;amp;"),
        ("two\nlines", "two\\nlines"),
        ("tab\there", "tab here"),
        ("∂g/∂p = z", "∂g/∂p = z"),
        ("{a|b}<c>", "{a|b}<c>"),
    ])
    func quoted(_ text: String, _ escaped: String) {
        #expect(DotText.quoted(text) == "\"" + escaped + "\"")
    }

    @Test(arguments: [
        ("{a|b}", "\\{a\\|b\\}"),
        ("<port>", "\\<port\\>"),
        ("c#2", "c#2"),
        ("θ₁ \"x\"", "θ₁&#32;\\\"x\\\""),
        ("a b", "a b"),
    ])
    func recordField(_ text: String, _ escaped: String) {
        #expect(DotText.recordField(text) == escaped)
    }

    /// The escapes hold in Graphviz itself: every label reaches the SVG as written.
    @Test func awkwardLabelsSurviveGraphviz() throws {
        let environment = ProcessInfo.processInfo.environment
        let searchPath = environment["PATH"] ?? "/usr/bin:/bin"
        guard let dot = searchPath.split(separator: ":").map({ "\($0)/dot" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if environment["GRADDIFF_SKIP_GRAPHVIZ"] != "1" {
                Issue.record("Graphviz's dot is not installed: apt-get install graphviz (or set GRADDIFF_SKIP_GRAPHVIZ=1 to skip)")
            }
            return
        }
        let labels = ["q\"uote", "back\\slash", "ends\\", "{a|b}<c>", "&amp;", "\\N", "∂é θ₁", "c#2"]
        var graph = "digraph g {\n"
        for (i, label) in labels.enumerated() {
            graph += "  r\(i) [shape=record, label=\"{ \(DotText.recordField(label)) | value 1 }\"];\n"
            graph += "  e\(i) [label=\(DotText.quoted(label))];\n"
        }
        graph += "}\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let (input, output) = (Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(graph.utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for label in labels {
            let xml = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            let count = svg.components(separatedBy: ">\(xml)</text>").count - 1
            #expect(count == 2, "\(label) should appear as written in the record and in the ellipse, \(count) times found")
        }
    }

    func lines(_ text: String, containing part: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains(part) }
    }

    @Test func seedExampleGraph() throws {
        let evaluation = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3")
        let text = DotFormatter(evaluation.result, OutputOptions()).render()
        #expect(text.hasPrefix("digraph graddiff {\n") && text.hasSuffix("}\n"))
        #expect(text.contains("  n0 [shape=record, label=\"{ x | value 1 | grad -3 }\", style=filled, fillcolor=\"#cfe2ff\"];\n"))
        #expect(text.contains("  n2 [shape=record, label=\"{ p | value 4 | grad -3 }\", style=filled, fillcolor=\"#e3f4e1\"];\n"))
        #expect(text.contains("  n4 [shape=record, label=\"{ g | value -12 | grad 1 }\", style=\"filled,bold\""))
        #expect(text.contains("  n4op [label=\"p * z\", shape=ellipse];\n"))
        // Forward edges only: input → op → node, two ops with two inputs each.
        #expect(lines(text, containing: "->").count == 6)
        #expect(text.contains("  n2 -> n4op;\n  n3 -> n4op;\n  n4op -> n4;\n"))
        #expect(!text.contains("dashed"))
    }

    @Test func backwardEdgesCarryTheLocalPartials() throws {
        let evaluation = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3")
        let text = DotFormatter(evaluation.result, OutputOptions(), backward: true).render()
        let backward = lines(text, containing: "style=dashed")
        #expect(backward.count == 4)
        #expect(text.contains("  n4 -> n2 [label=\"∂g/∂p = z = -3\", style=dashed"))
        #expect(text.contains("  n2 -> n0 [label=\"∂p/∂x = 1\", style=dashed"))
    }

    @Test func unusedStepsAreFaded() throws {
        let evaluation = try evaluate("u = x * 2; g = x + 1", "x=1")
        let text = DotFormatter(evaluation.result, OutputOptions(), backward: true).render()
        #expect(lines(text, containing: "gray60").count == 3, "u's record and op, and the constant 2")
        #expect(!text.contains("∂u/"), "no gradient flows from a node the output does not use")
    }

    @Test func wrtDrawsOnlyThePathsFromThoseInputs() throws {
        let evaluation = try evaluate("p = x + y; q = z * w; g = p * q", "x=1 y=3 z=-3 w=2")
        let formatter = DotFormatter(evaluation.result, OutputOptions(wrt: ["x"]))
        let (nodes, operations) = formatter.drawnNodes()
        func labels(_ mask: [Bool]) -> [String] {
            mask.indices.filter { mask[$0] }.map { evaluation.tape.label(of: NodeID($0)) }
        }
        // The path x → p → g, and the operands of its ops (y, q) as records for context.
        #expect(labels(nodes) == ["x", "y", "p", "q", "g"])
        #expect(labels(operations) == ["x", "p", "g"])
        let text = formatter.render()
        #expect(!text.contains("z * w") && !text.contains("elided"))
    }

    @Test func largeGraphsAreDrawnInPart() throws {
        let sum = (1...600).map { "x\($0)" }.joined(separator: " + ")
        let bindings = (1...600).map { "x\($0)=1" }.joined(separator: " ")
        let evaluation = try evaluate(sum, bindings)
        var formatter = DotFormatter(evaluation.result, OutputOptions())
        #expect(formatter.elidedCount() == evaluation.tape.count - DotFormatter.defaultNodeLimit)
        formatter.nodeLimit = 50
        let text = formatter.render()
        #expect(lines(text, containing: "shape=record").count == 50)
        #expect(text.contains("elided [shape=note, style=dashed, label=\"… \(evaluation.tape.count - 50) more nodes\"];"))
        #expect(text.contains("elided -> n"))
        #expect(DotFormatter(try evaluate("x * y", "x=1 y=2").result, OutputOptions()).elidedCount() == 0)
    }
}
