import Foundation
import Testing

/// The help under "'p' is not used by the output" is true of the output asked for: a
/// step is "printed" only where the output shows it (the node table, CSV, Markdown, DOT,
/// JSON's nodes, a forward narration); -q, --batch, --wrt's lines, --hessian, --order,
/// --check, graddiff diff and JSON without its steps print none. A graph drawn with
/// --render shows every step, so -q with it draws the step without printing it.
@Suite struct UnusedStepHelpTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var arguments: [String]
        var input: String? = nil
        var printed: Bool
        /// Drawn with --render into a page in a temporary folder.
        var drawn = false
        var testDescription: String { id }
    }

    static let program = "p = x*2; x^2"
    static let table = "x\n1\n2\n"

    static let cases: [Case] = [
        Case(id: "table", arguments: [program, "x=1"], printed: true),
        Case(id: "csv", arguments: ["--format", "csv", program, "x=1"], printed: true),
        Case(id: "tsv", arguments: ["--format", "tsv", program, "x=1"], printed: true),
        Case(id: "markdown", arguments: ["--format", "markdown", program, "x=1"], printed: true),
        Case(id: "dot", arguments: ["--format", "dot", program, "x=1"], printed: true),
        Case(id: "json", arguments: ["--format", "json", program, "x=1"], printed: true),
        Case(id: "json-wrt", arguments: ["--format", "json", "--wrt", "x", program, "x=1"], printed: true),
        Case(id: "tangent", arguments: ["--tangent", "x=1", program, "x=1"], printed: true),
        Case(id: "forward-mode", arguments: ["--mode", "forward", program, "x=1"], printed: true),
        Case(id: "wrt-explain-forward", arguments: ["--wrt", "x", "--explain=forward", program, "x=1"], printed: true),
        Case(id: "quiet", arguments: ["-q", program, "x=1"], printed: false),
        Case(id: "quiet-wrt", arguments: ["-q", "--wrt", "x", program, "x=1"], printed: false),
        Case(id: "quiet-tangent", arguments: ["-q", "--tangent", "x=1", program, "x=1"], printed: false),
        Case(id: "json-nodes-inputs", arguments: ["--format", "json", "--nodes", "inputs", program, "x=1"], printed: false),
        Case(id: "json-nodes-none", arguments: ["--format", "json", "--nodes", "none", program, "x=1"], printed: false),
        Case(id: "forward-json-nodes-none", arguments: ["--mode", "forward", "--format", "json", "--nodes", "none", program, "x=1"],
             printed: false),
        Case(id: "wrt", arguments: ["--wrt", "x", program, "x=1"], printed: false),
        Case(id: "wrt-explain-backward", arguments: ["--wrt", "x", "--explain", program, "x=1"], printed: false),
        Case(id: "hessian", arguments: ["--hessian", program, "x=1"], printed: false),
        Case(id: "hessian-json", arguments: ["--hessian", "--format", "json", program, "x=1"], printed: false),
        Case(id: "order", arguments: ["--order", "2", program, "x=1"], printed: false),
        Case(id: "check", arguments: ["--check", program, "x=1"], printed: false),
        Case(id: "batch", arguments: ["--batch", "-", program], input: table, printed: false),
        Case(id: "batch-quiet", arguments: ["--batch", "-", "-q", program], input: table, printed: false),
        Case(id: "batch-json", arguments: ["--batch", "-", "--format", "json", program], input: table, printed: false),
        Case(id: "batch-tsv", arguments: ["--batch", "-", "--format", "tsv", program], input: "x\n1\n", printed: false),
        Case(id: "diff", arguments: ["diff", program, "x=1"], printed: false),
        Case(id: "render", arguments: [program, "x=1"], printed: true, drawn: true),
        Case(id: "quiet-render", arguments: ["-q", program, "x=1"], printed: false, drawn: true),
    ]

    @Test(arguments: cases) func helpSaysWhatTheOutputShows(_ test: Case) throws {
        var arguments = test.arguments
        var folder: URL? = nil
        if test.drawn {
            folder = try makeTemporaryDirectory()
            arguments = ["--render", folder!.appendingPathComponent("graph.html").path] + arguments
        }
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let result = try GraddiffProcess.run(arguments, input: test.input)
        #expect(result.status == 0, "\(result.stderr)")
        let help = switch (test.printed, test.drawn) {
        case (true, _): "help: it is still computed and printed; --output NAME differentiates another step"
        case (false, false): "help: it is still computed, but not printed; --output NAME differentiates another step"
        case (false, true): "help: it is still computed and drawn, but not printed; --output NAME differentiates another step"
        }
        #expect(result.stderr.contains("warning: 'p' is not used by the output"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").contains { $0 == help }, "\(result.stderr)")
    }
}
