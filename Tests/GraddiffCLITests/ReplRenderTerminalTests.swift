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
        #expect(page.contains("id=\"gd-data\""))
        let help = try terminal.run(":help render")
        #expect(help.contains(":render FILE"), "\(help)")
    }
}
