#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GraphvizRenderer {
    /// Runs `program` with `arguments` (argv[0] first), `input` on its standard input
    /// and `output` as its standard output; its standard error is ours. Returns its exit
    /// status (128 + N if signal N ended it).
    static func run(_ program: String, _ arguments: [String], input: String, output: Int32) throws(Failure) -> Int32 {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            throw Failure(message: "cannot start \(program): \(String(cString: strerror(errno)))", status: .software)
        }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        posix_spawn_file_actions_addclose(&actions, readEnd)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, program, &actions, nil, argv, environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            throw Failure(message: "cannot start \(program): \(String(cString: strerror(spawned)))", status: .unavailable)
        }
        // SIGPIPE is ignored (StandardStreams), so a child that exits early shows as EPIPE.
        var text = input
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(writeEnd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += written
            }
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else {
                throw Failure(message: "lost track of \(program): \(String(cString: strerror(errno)))", status: .software)
            }
        }
        // WIFEXITED/WEXITSTATUS are C macros Swift cannot import: the same bit tests.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
