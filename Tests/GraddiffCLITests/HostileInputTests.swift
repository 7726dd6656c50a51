import Foundation
import Testing

/// Input nobody should write but somebody will pipe in: each case either works or fails
/// with a clear message and a documented exit status, never a signal, and within the
/// memory bound the man page states (LIMITS): 64 MB plus 40 bytes per byte of input.
/// The big cases run the release binary (built here once, into `.build-release`): the
/// debug build takes a minute where the release one takes seconds. How long each took is
/// printed, not asserted; speed targets live in `graddiff-bench`.
/// The cases are in the suites nested here (HostileTextTests, HostileSizeTests,
/// HostileExpansionTests, HostileResourceTests), so they too run one at a time.
@Suite(.serialized) struct HostileInputTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var kilobytes: Int
        var seconds: Double
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The release binary: `$GRADDIFF_RELEASE_BIN`, or built from this checkout.
    static let releaseBinary: Result<String, BuildFailure> = {
        if let path = ProcessInfo.processInfo.environment["GRADDIFF_RELEASE_BIN"] { return .success(path) }
        let scratch = root.appendingPathComponent(".build-release").path
        guard let build = try? GraddiffProcess.runExecutable("/usr/bin/env", [
            "swift", "build", "-c", "release", "--product", "graddiff", "--package-path", root.path, "--scratch-path", scratch,
        ]), build.status == 0 else { return .failure(BuildFailure()) }
        return .success(scratch + "/release/graddiff")
    }()

    struct BuildFailure: Error {}

    /// Runs the release binary on `input` (written to a file and read with -f, or with
    /// `piped` fed on standard input: a session), under GNU time for the peak resident
    /// memory.
    static func run(_ input: [UInt8], _ arguments: [String] = [], piped: Bool = false, maximumKilobytes: Int? = nil,
                    maximumErrorBytes: Int = 64 * 1024) throws -> Outcome {
        let binary = try Self.releaseBinary.get()
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.gd")
        try Data(input).write(to: file)
        let report = directory.appendingPathComponent("time")
        let started = Date()
        let result = try GraddiffProcess.runExecutable("/usr/bin/time", [
            "-f", "%M", "-o", report.path, binary] + (piped ? [] : ["-f", file.path]) + arguments,
            input: piped ? Data(input) : nil)
        let seconds = Date().timeIntervalSince(started)
        let kilobytes = Int(try String(contentsOf: report, encoding: .utf8)
            .split(separator: "\n").last.map(String.init) ?? "") ?? -1
        print("hostile input of \(input.count) bytes: status \(result.status), \(kilobytes) KB, \(String(format: "%.2f", seconds)) s")
        let outcome = Outcome(status: result.status, stdout: result.stdout, stderr: result.stderr,
                              kilobytes: kilobytes, seconds: seconds)
        #expect(outcome.kilobytes > 0)
        #expect(outcome.kilobytes <= maximumKilobytes ?? (64 * 1024 + 40 * input.count / 1024), "memory beyond the documented bound")
        #expect(result.stderr.count < maximumErrorBytes, "a diagnostic should not repeat the input")
        #expect([0, 1, 65].contains(result.status), "status \(result.status): \(result.stderr.prefix(500))")
        return outcome
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }
}
