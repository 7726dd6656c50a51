import Foundation
import Testing

/// `--render FILE`: the seed example drawn to SVG naming every node; a missing `dot`
/// (exit status 69, how to install it); an unknown extension (usage error); and a
/// failing `dot` or an unwritable place leaving no partial file behind.
@Suite struct RenderTests {
    static let seed = ["p = x + y; g = p * z", "x=1", "y=3", "z=-3"]

    /// Files in `directory` other than `kept`: temporary files left behind, if any.
    func leftovers(in directory: URL, besides kept: [String]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !kept.contains($0) }
    }

    @Test func seedExampleToSVGNamesEveryNode() throws {
        guard Graphviz.isAvailable() else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("graph.svg")
        let result = try GraddiffBinary.run(["--render", target.path, "--dot-backward"] + Self.seed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("node  op"), "the table still goes to standard output")
        let svg = try String(contentsOf: target, encoding: .utf8)
        #expect(svg.contains("<svg"))
        for name in ["x", "y", "z", "p", "g"] {
            #expect(svg.contains(">\(name)</text>"), "the picture does not name \(name)")
        }
        #expect(svg.contains("∂g/∂p = z = &#45;3") || svg.contains("∂g/∂p = z = -3"), "the backward edge's partial")
        #expect(try leftovers(in: directory, besides: ["graph.svg"]).isEmpty)
    }

    @Test(arguments: ["svg", "png", "pdf", "SVG"])
    func formatFromExtension(_ ext: String) throws {
        guard Graphviz.isAvailable() else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try GraddiffBinary.run(["-q", "--render", "graph.\(ext)"] + Self.seed, directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: directory.appendingPathComponent("graph.\(ext)"))
        let magic: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8)]
        let expected = try #require(magic[ext.lowercased()])
        #expect(Array(bytes.prefix(expected.count)) == expected)
    }

    @Test func unknownExtensionIsAUsageError() throws {
        let result = try GraddiffBinary.run(["--render", "graph.gif"] + Self.seed)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--render needs a file name ending in .html, .svg, .png or .pdf, not 'graph.gif'"))
    }

    @Test func missingDotSaysHowToInstallIt() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("graph.svg")
        let result = try GraddiffBinary.run(["--render", target.path] + Self.seed, environment: ["PATH": directory.path])
        #expect(result.status == 69, "EX_UNAVAILABLE")
        #expect(result.stderr.contains("Graphviz's 'dot' program, which is not installed"))
        #expect(result.stderr.contains("apt-get install graphviz"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    /// `directory/bin/dot`, a shell script of `body` standing in for Graphviz; the bin directory.
    static func fakeDot(_ body: String, in directory: URL) throws -> URL {
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let dot = bin.appendingPathComponent("dot")
        try ("#!/bin/sh\n" + body + "\n").write(to: dot, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dot.path)
        return bin
    }

    /// A `dot` that writes half a picture and fails: the old file stays as it was and
    /// no temporary file is left.
    @Test func failingDotLeavesNoPartialFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bin = try Self.fakeDot("cat > /dev/null\nprintf '<svg partial'\necho 'dot: out of cheese' >&2\nexit 3", in: directory)
        let target = directory.appendingPathComponent("graph.svg")
        try "old picture".write(to: target, atomically: true, encoding: .utf8)
        let result = try GraddiffBinary.run(["--render", target.path] + Self.seed,
                                            environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(result.status == 70)
        #expect(result.stderr.contains("dot: out of cheese"))
        #expect(result.stderr.contains("Graphviz's dot failed (exit status 3)"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "old picture")
        #expect(try leftovers(in: directory, besides: ["bin", "graph.svg"]).isEmpty)
    }

    /// A signal while `dot` draws (Ctrl-C, kill, a closed terminal) ends graddiff as
    /// before, by that signal, but removes the temporary file first: it was left behind.
    @Test(arguments: ["INT", "TERM", "HUP"])
    func aSignalWhileDrawingLeavesNoTemporaryFile(_ signal: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // It marks that it started (the temporary file exists by then), and takes its time.
        _ = try Self.fakeDot("cat > /dev/null\nprintf '<svg partial'\n: > started\nexec sleep 2 2> /dev/null", in: directory)
        // Job control (set -m), so the background job's SIGINT is not ignored; the signals
        // unblocked first (Foundation starts a child with them blocked).
        let script = """
            set -m; cd "$1" || exit
            PATH="$PWD/bin:/usr/bin:/bin" "$0" --render graph.svg "(x+y)*z" x=1 y=3 z=-3 > /dev/null &
            for _ in $(seq 100); do [ -e started ] && break; sleep 0.05; done
            ls -A | grep -c 'graddiff-.*\\.tmp$'; kill -\(signal) $!; wait $!; echo "status $?"; ls -A
            """
        let unblocked = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_UNBLOCK, "
            + "{signal.SIGINT, signal.SIGTERM, signal.SIGHUP}); os.execv('/bin/bash', ['bash'] + sys.argv[1:])"
        let result = try runProcess("/usr/bin/python3", ["-c", unblocked, "-c", script, GraddiffBinary.path, directory.path])
        let status = ["INT": 130, "TERM": 143, "HUP": 129][signal]!
        // One temporary file while dot draws; none after the signal.
        #expect(result.stdout == "1\nstatus \(status)\nbin\nstarted\n", "\(result.stderr)")
    }

    @Test func unwritablePlaceIsAnOutputError() throws {
        let result = try GraddiffBinary.run(["--render", "/nonexistent-directory/graph.svg"] + Self.seed)
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write '/nonexistent-directory/graph.svg'"))
    }

    @Test func largeGraphsWarnAndSuggestWrt() throws {
        let sum = (1...300).map { "x\($0)*y\($0)" }.joined(separator: " + ")
        let bindings = (1...300).flatMap { ["x\($0)=1", "y\($0)=2"] }
        let result = try GraddiffBinary.run(["--format", "dot", sum] + bindings)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the graph has 1199 nodes; the picture shows the 500 nearest the output"))
        #expect(result.stderr.contains("--wrt NAMES"))
        #expect(result.stdout.components(separatedBy: "shape=record").count - 1 == 500)
    }
}
