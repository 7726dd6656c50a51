#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// The file system as a session sees it for `:load` and `:save`. A leading `~/` means
/// the home directory, as a shell would read it.
struct SessionFiles: ReplFiles {
    func read(_ path: String) throws(ReplFileError) -> [UInt8] {
        if path == "-" {
            throw ReplFileError("':load -' would read the session's own input; give a file name")
        }
        do {
            return try InputFile.read(expanded(path))
        } catch {
            throw ReplFileError(error.message)
        }
    }

    func write(_ text: String, to path: String) throws(ReplFileError) {
        let descriptor = open(expanded(path), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ReplFileError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard StandardStreams.write(text, to: descriptor) else {
            throw ReplFileError("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    private func expanded(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}
