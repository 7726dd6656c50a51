import Testing
@testable import GradDiff

/// `:render FILE` hands the last expression the session printed to its files' renderer,
/// with the options it was printed with; a failed entry, `:clear` and a session that
/// cannot draw are handled.
@Suite struct ReplRenderTests {
    /// Files that remember what they were asked to draw.
    final class DrawingFiles: ReplFiles, @unchecked Sendable {
        var drawn: [(path: String, value: Double, precision: Int)] = []

        func read(_ path: String) throws(ReplFileError) -> [UInt8] { [] }
        func write(_ text: String, to path: String, replacing: Bool) throws(ReplFileError) {}
        func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic] {
            if path.hasSuffix(".gif") { throw ReplFileError("no gifs", help: "draw .html") }
            drawn.append((path, evaluation.values[Int(evaluation.output)], options.precision))
            return [.warning("drawn in part")]
        }
    }

    func drawing(_ entries: String..., files: DrawingFiles) -> ReplSession {
        var repl = ReplSession(files: files)
        for entry in entries { #expect(!repl.run(entry).failed, "\(entry)") }
        return repl
    }

    @Test func drawsTheLastExpressionPrinted() {
        let files = DrawingFiles()
        var repl = drawing("x = 2", ":precision 4", files: files)
        #expect(!repl.run("x * 3; x + 1").failed)
        let reply = repl.run(":render 'page.html'")
        #expect(!reply.failed)
        #expect(reply.output == "drew the last expression's graph (3 nodes) into page.html\n")
        #expect(reply.messages == ["drawn in part"])
        #expect(files.drawn.map(\.path) == ["page.html"] && files.drawn[0].value == 3 && files.drawn[0].precision == 4)
    }

    @Test func aFailedEntryLeavesTheLastExpression() {
        let files = DrawingFiles()
        var repl = drawing("x = 2", "x * 3", files: files)
        #expect(repl.run("x * 5; 1 +").failed)
        #expect(!repl.run(":render a.html").failed)
        #expect(files.drawn.map(\.value) == [6])
    }

    @Test func clearForgetsItAndErrorsSayWhy() {
        let files = DrawingFiles()
        var repl = drawing("x = 2", "x * 3", files: files)
        let gif = repl.run(":render a.gif")
        #expect(gif.failed && gif.messages == ["no gifs"] && gif.diagnostics[0].diagnostic.help == "draw .html")
        _ = repl.run(":clear")
        #expect(repl.run(":render a.html").messages == ["there is no expression yet"])
        var plain = session("x = 1", "x + 1")
        #expect(plain.run(":render a.html").messages == ["cannot draw 'a.html' here: this session has no picture renderer"])
    }
}
