import Foundation
import Testing

/// `:render` at a terminal: Tab completes the file name after it (a path, not an
/// expression's word), and the page is written with a confirmation.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed"))
struct ReplRenderTerminalTests {
    @Test func renderCompletesFileNamesAndDrawsTheLastExpression() throws {
        guard Graphviz.isAvailable() else { return }
        let terminal = try TerminalSession()
        let folder = terminal.directory.appendingPathComponent("pages-\(UUID().uuidString.prefix(4))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try terminal.run("x = 1; y = 3; z = -3")
        try terminal.run("(x+y)*z")
        try terminal.type(":ren \(terminal.directory.path)/pages-")
        try terminal.press("Tab")
        try terminal.waitUntil("the folder completed") { $0.hasSuffix("\(folder.lastPathComponent)/") }
        let screen = try terminal.run("seed.html")
        // The terminal is 100 columns wide: the long line wraps.
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("drew the last expression's graph (5 nodes) into \(folder.path)/seed.html"),
                "\(screen)")
        let page = try String(contentsOf: folder.appendingPathComponent("seed.html"), encoding: .utf8)
        let data = try PageTests.data(of: page)
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["label"] as? String } == ["x", "y", "n2", "z", "n4"])
        #expect(nodes.map { $0["gradientText"] as? String } == ["-3", "-3", "-3", "4", "1"])
        #expect((data["source"] as? String)?.contains("(x+y)*z") == true)
        // The extension picks the format, as with --render; a format graddiff cannot draw is refused.
        _ = try terminal.run(":render '\(folder.path)/seed.svg'")
        #expect(try String(contentsOf: folder.appendingPathComponent("seed.svg"), encoding: .utf8).hasPrefix("<?xml"))
        let gif = try terminal.run(":render \(folder.path)/a.gif")
        #expect(gif.contains(":render needs a file name ending in .html, .svg, .png or .pdf"), "\(gif)")
        let help = try terminal.run(":help render")
        #expect(help.contains(":render FILE"), "\(help)")
    }
}
