#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to stdout and stderr without Foundation, with the Unix conventions: a reader
/// that closes the pipe early (`| head`) ends graddiff quietly; any other write failure
/// is an I/O error.
enum StandardStreams {
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// Whether a run that also writes files (`--render`, `--history`, `--plot`) goes on
    /// when the reader closes standard output, to write them, rather than end there.
    nonisolated(unsafe) static var finishesFilesAfterOutputCloses = false
    /// Standard output's reader has gone: what is left for it is dropped.
    nonisolated(unsafe) private static var outputClosed = false

    static func writeOut(_ text: String) {
        if !outputClosed, !write(text, to: STDOUT_FILENO) { failed() }
    }

    /// Writes bytes to stdout with as few write(2) calls as the kernel allows (one, for
    /// a pipe with room): how the streaming formatters hand on each chunk.
    static func writeOut(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !outputClosed, !write(bytes, to: STDOUT_FILENO) { failed() }
    }

    static func writeError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text`; false (with errno set) if the descriptor refused it.
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { write($0, to: descriptor) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func failed() {
        if errno == EPIPE {
            if finishesFilesAfterOutputCloses {
                outputClosed = true
                return
            }
            exit(ExitStatus.success.rawValue)
        }
        let reason = String(cString: strerror(errno))
        _ = write("graddiff: error: cannot write the output: \(reason)\n", to: STDERR_FILENO)
        exit(ExitStatus.ioError.rawValue)
    }
}

/// Whether to colour: `auto` colours a stream that is a terminal, unless NO_COLOR is set
/// (to anything) or TERM is dumb.
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    func enabled(for descriptor: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return StandardStreams.isTerminal(descriptor)
        }
    }
}
