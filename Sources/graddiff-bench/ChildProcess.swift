#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting other processes with `posix_spawn` (no Foundation): the benchmark's own
/// measuring children, and the `graddiff` command for the start-up timing.
enum ChildProcess {
    /// How a child ended: its exit status, or the signal that killed it.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// This executable, for re-running itself; works wherever the binary was moved.
    static let currentExecutable = "/proc/self/exe"

    /// The directory holding this executable, from `/proc/self/exe` (nil elsewhere).
    static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(currentExecutable, &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Runs `path` with `arguments` and returns how it ended and what it wrote to
    /// stdout; stderr passes through, so a crashing child explains itself.
    static func runCapturingOutput(_ path: String, _ arguments: [String]) -> (ending: Ending, output: String)? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        let process = spawn(path, arguments, &actions)
        close(writeEnd)
        defer { close(readEnd) }
        guard let process else { return nil }
        let output = readAll(readEnd)
        return (wait(for: process), output)
    }

    /// Runs `path` with `arguments`, stdout and stderr sent to /dev/null.
    static func runSilently(_ path: String, _ arguments: [String]) -> Ending? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        return spawn(path, arguments, &actions).map(wait(for:))
    }

    /// `runSilently`, and the child's peak resident size in kilobytes (from `wait4`).
    static func runSilentlyMeasuringMemory(_ path: String, _ arguments: [String]) -> (Ending, Int)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        guard let process = spawn(path, arguments, &actions) else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(process, &status, 0, &usage) < 0, errno == EINTR {}
        let signal = status & 0x7f
        return (signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal), Int(usage.ru_maxrss))
    }

    private static func spawn(_ path: String, _ arguments: [String], _ actions: inout posix_spawn_file_actions_t) -> pid_t? {
        // argv must be mutable C strings ending in a null pointer.
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var process = pid_t()
        let status = posix_spawn(&process, path, &actions, nil, argv, environ)
        return status == 0 ? process : nil
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func wait(for process: pid_t) -> Ending {
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
