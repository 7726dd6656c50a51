import Foundation

/// Runs the built `graddiff` binary as a process, the way a user or a script does.
struct GraddiffProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (SwiftPM builds it because the test target
    /// depends on it), or `$GRADDIFF_BIN`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["GRADDIFF_BIN"] { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("graddiff").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        fatalError("cannot find the graddiff binary near \(CommandLine.arguments[0]); set GRADDIFF_BIN")
    }()

    /// Runs graddiff with `arguments`, feeding `input` on stdin, with `environment`
    /// added to a clean environment (no NO_COLOR unless given).
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try runExecutable(binary, arguments, input: input.map { Data($0.utf8) }, environment: environment)
    }

    /// Runs the executable at `path`. A script a test has just written can fail to start
    /// with ETXTBSY ("Text file busy") while a process that another test forked at that
    /// moment still holds the writing descriptor; that start is retried, for up to a second.
    static func runExecutable(_ path: String, _ arguments: [String], input: Data? = nil,
                              environment: [String: String] = [:]) throws -> Result {
        let deadline = Date().addingTimeInterval(1)
        while true {
            do {
                return try runOnce(path, arguments, input: input, environment: environment)
            } catch let error as NSError where Date() < deadline
                && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    private static func runOnce(_ path: String, _ arguments: [String], input: Data?,
                                environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ["PATH": (binaryDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")),
                   "HOME": NSTemporaryDirectory(), "TERM": "dumb", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        // stdin and stderr go through files, stdout through a pipe: nothing can fill
        // up and dead-lock while the test waits.
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("stdin")
        let errorFile = directory.appendingPathComponent("stderr")
        try (input ?? Data()).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let stdout = Pipe()
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = stdout
        process.standardError = errorHandle
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        try process.run()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errorData = try Data(contentsOf: errorFile)
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self))
    }

    static var binaryDirectory: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().path
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graddiff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Parses a JSON document printed by graddiff.
    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}
