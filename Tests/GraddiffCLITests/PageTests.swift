import Foundation
import Testing

/// `--render page.html` and `:render`, without a browser: the page is one file that
/// names nothing outside itself and carries the graph and its data; a graph too large
/// to step says so; the session draws its last expression; a missing `dot`, a bad name
/// or an unwritable place fail as `--render` does. PageBrowserTests opens the pages.
@Suite struct PageTests {
    static let seed = ["(x+y)*z", "x=1", "y=3", "z=-3"]

    /// The JSON in the page's `gd-data` script element.
    static func data(of page: String) throws -> [String: Any] {
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"gd-data\">\n"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        return try GraddiffProcess.json(String(page[start.upperBound..<end.lowerBound]))
    }

    @Test func seedPageIsOneFileThatNamesNothingOutsideIt() throws {
        guard Graphviz.isAvailable() else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try GraddiffBinary.run(["--render", "seed.html"] + Self.seed, directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("node  op"), "the table still goes to standard output")
        let page = try String(contentsOf: directory.appendingPathComponent("seed.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n"))
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""))
        #expect(page.contains("<svg"), "Graphviz's picture is inline")
        #expect(!page.contains("<?xml") && !page.contains("<!DOCTYPE svg"))
        for outside in ["src=", "href=", "url(", "@import", "<link", "<iframe", "fetch(", "XMLHttpRequest"] {
            #expect(!page.contains(outside), "the page has \(outside)")
        }
        // The only URLs are the SVG namespaces, which name and fetch nothing.
        let urls = page.components(separatedBy: "://").dropFirst().map { "http://" + $0.prefix(30) }
        #expect(!page.contains("https://"))
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/2000/svg") || $0.hasPrefix("http://www.w3.org/1999/xlink") },
                "\(urls)")

        let data = try Self.data(of: page)
        #expect(data["format"] as? String == "graddiff-page" && data["version"] as? Int == 1)
        #expect(data["source"] as? String == "(x+y)*z" && data["output"] as? Int == 4 && data["stepping"] as? Bool == true)
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["label"] as? String } == ["x", "y", "n2", "z", "n4"])
        #expect(nodes.map { $0["gradientText"] as? String } == ["-3", "-3", "-3", "4", "1"])
        #expect(nodes[2]["span"] as? [Int] == [1, 4], "x+y inside the parentheses, in UTF-16 offsets")
        #expect(nodes[2]["backward"] as? String == "n2 = x + y   dn4/dn2 = -3\n  x ← dn4/dn2 · ∂n2/∂x = -3 · 1 = -3\n  y ← dn4/dn2 · ∂n2/∂y = -3 · 1 = -3\n")
        let steps = try #require(data["steps"] as? [[String: Any]])
        #expect(steps.map { $0["pass"] as? String } == ["forward", "forward", "forward", "forward", "forward",
                                                         "seed", "backward", "backward", "done"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["seed.html"], "no temporary file left")
    }

    /// Spans count UTF-16 code units, as JavaScript does: θ is one, 𝑥 (outside the
    /// Basic Multilingual Plane) two.
    @Test func spansAreJavaScriptOffsets() throws {
        guard Graphviz.isAvailable() else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let program = directory.appendingPathComponent("prog.gd")
        try "# 𝑥 is a variable too\nθ = 2\n𝑥 = 3\nθ * 𝑥\n".write(to: program, atomically: true, encoding: .utf8)
        let result = try GraddiffBinary.run(["-q", "-f", program.path, "--render", "page.HTML"], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Self.data(of: String(contentsOf: directory.appendingPathComponent("page.HTML"), encoding: .utf8))
        let source = try #require(data["source"] as? String)
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        let utf16 = Array(source.utf16)
        for node in nodes {
            let span = try #require(node["span"] as? [Int])
            let text = String(decoding: utf16[span[0]..<span[1]], as: UTF16.self)
            #expect(text == node["text"] as? String || text == node["label"] as? String, "\(text) for \(node)")
        }
    }

    @Test func aGraphTooLargeToStepSaysSo() throws {
        guard Graphviz.isAvailable() else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let program = directory.appendingPathComponent("wide.gd")
        try PageBrowserTests.wideProgram(terms: 700).write(to: program, atomically: true, encoding: .utf8)
        let result = try GraddiffBinary.run(["-q", "-f", program.path, "--render", "wide.html"], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: the graph has 2799 nodes; the page steps through graphs of up to 2000, so it shows only the final values and gradients"))
        #expect(result.stderr.contains("warning: the graph has 2799 nodes; the picture shows the 500 nearest the output"))
        let data = try Self.data(of: String(contentsOf: directory.appendingPathComponent("wide.html"), encoding: .utf8))
        #expect(data["stepping"] as? Bool == false && data["nodeCount"] as? Int == 2799)
        #expect((data["nodes"] as? [Any])?.isEmpty == true && (data["steps"] as? [Any])?.isEmpty == true)
        #expect((data["notes"] as? [String])?.contains { $0.contains("the page steps through graphs of up to 2000") } == true)
    }

    /// Only a session at a terminal writes files (the terminal test draws the page); a
    /// piped session refuses `:render` by name and leaves no file behind.
    @Test func aPipedSessionDrawsNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("s.html").path
        let result = try GraddiffProcess.run(["--format", "csv"],
                                             input: "x = 1; y = 3; z = -3\n(x+y)*z\n:render \(page)\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: a session read from a pipe or a file writes no files: '\(page)' was not drawn"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page))
        let none = try GraddiffProcess.run([], input: "x = 1\n:render \(page)\n")
        #expect(none.status == 65)
        #expect(none.stderr.contains("error: there is no expression yet"), "\(none.stderr)")
    }

    @Test func failuresLeaveNoPage() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("graph.html")
        let missing = try GraddiffBinary.run(["--render", target.path] + Self.seed, environment: ["PATH": directory.path])
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("Graphviz's 'dot' program, which is not installed"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
        guard Graphviz.isAvailable() else { return }
        let unwritable = try GraddiffBinary.run(["--render", "/nonexistent-directory/graph.html"] + Self.seed)
        #expect(unwritable.status == 74)
        #expect(unwritable.stderr.contains("cannot write '/nonexistent-directory/graph.html'"), "\(unwritable.stderr)")
    }
}
