#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// The file system as a session sees it for `:load`, `:save` and `:render`. A leading `~/` means
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

    /// `:render FILE`: as `--render FILE` draws it, warnings returned to the session.
    func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic] {
        guard let kind = GraphPicture.Kind(path: path) else {
            throw ReplFileError(":render needs a file name ending in \(GraphPicture.extensions), not '\(path)'")
        }
        do throws(GraphvizRenderer.Failure) {
            try GraphPicture.write(evaluation, options, kind: kind, backward: false, to: expanded(path))
        } catch {
            throw ReplFileError(error.message, help: error.help)
        }
        return GraphPicture.warnings(evaluation, options, kind: kind, backward: false)
    }

    private func expanded(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}
