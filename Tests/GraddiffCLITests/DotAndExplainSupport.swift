import Foundation
import Testing

// Helpers for the --explain, --format dot and --render tests: running the built binary
// and Graphviz's dot as processes, and golden files that fail when missing or different.

/// What a finished process left: its exit status and everything it wrote.
struct BinaryResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum GraddiffBinary {
    /// The built `graddiff`: $GRADDIFF_BIN, else the `graddiff` beside the running test
    /// bundle (or in a `debug` directory above it).
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["GRADDIFF_BIN"], !path.isEmpty { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [directory.appendingPathComponent("graddiff"),
                              directory.appendingPathComponent("debug/graddiff")]
            where FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.path
            }
            directory.deleteLastPathComponent()
        }
        return "graddiff-not-found-set-GRADDIFF_BIN"
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:],
                    directory: URL? = nil) throws -> BinaryResult {
        try runProcess(path, arguments, environment: environment, directory: directory)
    }
}

/// Runs `executable` to completion, feeding it `input`; the environment is ours plus
/// `environment`. Output is read while the process runs, so large output cannot block it.
func runProcess(_ executable: String, _ arguments: [String], input: Data? = nil,
                environment: [String: String] = [:], directory: URL? = nil) throws -> BinaryResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let (output, errors, feed) = (Pipe(), Pipe(), Pipe())
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input == nil ? FileHandle.nullDevice : feed
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
    if let input {
        DispatchQueue.global().async(group: group) {
            try? feed.fileHandleForWriting.write(contentsOf: input)
            try? feed.fileHandleForWriting.close()
        }
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return BinaryResult(status: process.terminationStatus,
                        stdout: String(decoding: outputData, as: UTF8.self),
                        stderr: String(decoding: errorData, as: UTF8.self))
}

enum Graphviz {
    /// Graphviz's `dot`, or nil when it is not installed.
    static let dot: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether a test that needs `dot` should run: a missing `dot` fails the test with
    /// how to install it, unless GRADDIFF_SKIP_GRAPHVIZ=1 says to skip such tests.
    static func isAvailable(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if dot != nil { return true }
        if ProcessInfo.processInfo.environment["GRADDIFF_SKIP_GRAPHVIZ"] == "1" { return false }
        Issue.record("Graphviz's dot is not installed: apt-get install graphviz (or set GRADDIFF_SKIP_GRAPHVIZ=1 to skip)",
                     sourceLocation: sourceLocation)
        return false
    }

    static var skipped: Bool { dot == nil && ProcessInfo.processInfo.environment["GRADDIFF_SKIP_GRAPHVIZ"] == "1" }
}

/// Expected output kept in files under Goldens/, reviewed in diffs. A missing or
/// different golden fails the test. GRADDIFF_RECORD_GOLDENS=1 writes the actual output
/// as the new golden, and still fails, so a recorded baseline never passes unreviewed.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// The README's example, `(x+y)*z` at x=1 y=3 z=-3, as the node table: written once,
    /// here, and read by every test that prints it.
    static let readmeTable = (try? String(contentsOf: directory.appendingPathComponent("computational-graph-g.table.txt"),
                                          encoding: .utf8)) ?? "missing Goldens/computational-graph-g.table.txt"

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GRADDIFF_RECORD_GOLDENS"] == "1" {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                Issue.record("recorded \(name): review it (git diff), then run again without GRADDIFF_RECORD_GOLDENS",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden \(name): run with GRADDIFF_RECORD_GOLDENS=1 to record it, then review",
                         sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
        let wanted = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
        Issue.record("\(name) differs from its golden at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)",
                     sourceLocation: sourceLocation)
    }
}

/// A fresh empty directory for files a test writes.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("graddiff-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
