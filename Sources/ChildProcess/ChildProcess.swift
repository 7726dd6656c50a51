#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting another program with `posix_spawn` (no Foundation), for the command
/// (Graphviz's `dot`) and the benchmark (its measuring children, the start-up timing).
public enum ChildProcess {
    /// How a child ended: its exit status, or the signal that killed it.
    public enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)

        /// The status a shell reports: the exit status, or 128 + the signal.
        public var shellStatus: Int32 {
            switch self {
            case .exited(let status): return status
            case .signalled(let signal): return 128 + signal
            }
        }
    }

    /// Where a child's standard output goes.
    public enum Output: Sendable {
        /// Read back and returned by `run`.
        case captured
        /// Written to this open descriptor.
        case descriptor(Int32)
        /// Thrown away (/dev/null).
        case discarded
    }

    /// How a child ended, what it wrote (for `.captured`), and its peak resident size.
    public struct Finished: Sendable {
        public var ending: Ending
        public var output: [UInt8]
        /// The most memory the child held at once, in kilobytes (`wait4`'s `ru_maxrss`).
        public var peakKilobytes: Int
    }

    /// Why a child could not be run: the call that failed and its errno.
    public struct Failure: Error, Sendable {
        public var call: String
        public var code: Int32
        public var reason: String { String(cString: strerror(code)) }
    }

    /// Runs `path` with `arguments` (not counting argv[0], which is `path`), `input` on
    /// its standard input (none: /dev/null), standard output as `output` says, standard
    /// error ours unless `discardingErrors`.
    public static func run(_ path: String, _ arguments: [String], input: [UInt8]? = nil, output: Output = .captured,
                           discardingErrors: Bool = false) throws(Failure) -> Finished {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var inputPipe: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&inputPipe) == 0 else { throw Failure(call: "pipe", code: errno) }
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], STDIN_FILENO)
            posix_spawn_file_actions_addclose(&actions, inputPipe[0])
            posix_spawn_file_actions_addclose(&actions, inputPipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        }
        switch output {
        case .captured:
            guard pipe(&outputPipe) == 0 else { closeAll(inputPipe); throw Failure(call: "pipe", code: errno) }
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, outputPipe[0])
            posix_spawn_file_actions_addclose(&actions, outputPipe[1])
        case .descriptor(let descriptor):
            posix_spawn_file_actions_adddup2(&actions, descriptor, STDOUT_FILENO)
        case .discarded:
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        if discardingErrors {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }
        // argv must be mutable C strings ending in a null pointer.
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var process = pid_t()
        let spawned = posix_spawn(&process, path, &actions, nil, argv, environ)
        if inputPipe[0] >= 0 { close(inputPipe[0]) }
        if outputPipe[1] >= 0 { close(outputPipe[1]) }
        guard spawned == 0 else {
            closeAll([inputPipe[1], outputPipe[0]])
            throw Failure(call: "posix_spawn", code: spawned)
        }
        // The input is written before the output is read: enough for `dot`, which reads
        // its whole input first. SIGPIPE must be ignored by the caller, so that a child
        // that exits early shows as EPIPE here instead of ending us.
        if let input, inputPipe[1] >= 0 {
            writeAll(input, to: inputPipe[1])
            close(inputPipe[1])
        }
        var captured: [UInt8] = []
        if outputPipe[0] >= 0 {
            captured = readAll(outputPipe[0])
            close(outputPipe[0])
        }
        let (ending, peak) = try wait(for: process)
        return Finished(ending: ending, output: captured, peakKilobytes: peak)
    }

    /// This executable, for re-running itself; works wherever the binary was moved.
    public static let currentExecutable = "/proc/self/exe"

    /// The directory holding this executable, from `/proc/self/exe` (nil elsewhere).
    public static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(currentExecutable, &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    private static func wait(for process: pid_t) throws(Failure) -> (Ending, Int) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(process, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure(call: "wait4", code: errno) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are C macros Swift cannot import: the same bit tests.
        let signal = status & 0x7f
        return (signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal), Int(usage.ru_maxrss))
    }

    private static func closeAll(_ descriptors: [Int32]) {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }
}
