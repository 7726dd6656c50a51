#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// The file system as a session sees it for `:load`, `:save` and `:render`. A leading `~/` means
/// the home directory, as a shell would read it.
///
/// The one rule for writing: a session writes files only when its lines are typed at a
/// terminal. Lines piped in or redirected from a file are data that may come from
/// anywhere (a generator, another program, a download), and `graddiff < script` is
/// expected to print results, not to create or replace files; so every write a session
/// makes, whatever the command, is refused here, and the refusal is a failed entry
/// (status 65). Reading (`:load`) works everywhere.
struct SessionFiles: ReplFiles {
    /// Whether the session's lines come from a terminal, and so may write files.
    let isInteractive: Bool

    func read(_ path: String) throws(ReplFileError) -> [UInt8] {
        if path == "-" {
            throw ReplFileError("':load -' would read the session's own input; give a file name")
        }
        do {
            return try InputFile.readText(expanded(path))
        } catch {
            throw ReplFileError(error.message, help: error.help)
        }
    }

    func write(_ text: String, to path: String, replacing: Bool) throws(ReplFileError) {
        guard isInteractive else {
            throw ReplFileError("a session read from a pipe or a file writes no files: '\(path)' was not written",
                                help: "type :save at a terminal; the input piped in already holds these definitions")
        }
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(text, to: expanded(path), replacing: replacing)
        } catch {
            if error.kind == .exists { throw ReplFileError.exists(path) }
            throw ReplFileError(error.message)
        }
    }

    /// `:render FILE`: as `--render FILE` draws it (a page or a picture), warnings
    /// returned to the session; only a session typed at a terminal writes files.
    func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic] {
        guard isInteractive else {
            throw ReplFileError("a session read from a pipe or a file writes no files: '\(path)' was not drawn",
                                help: "type :render at a terminal, or use graddiff --render FILE with the expression")
        }
        guard let kind = GraphPicture.Kind(path: path) else {
            throw ReplFileError(":render needs a file name ending in \(GraphPicture.extensions), not '\(path)'")
        }
        do throws(GraphvizRenderer.Failure) {
            try GraphPicture.write(evaluation, options, kind: kind, backward: false, to: expanded(path))
        } catch {
            throw ReplFileError(error.message.replacingAll("--render", with: ":render"), help: error.help)
        }
        return GraphPicture.warnings(evaluation, options, kind: kind, backward: false)
    }

    private func expanded(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}
