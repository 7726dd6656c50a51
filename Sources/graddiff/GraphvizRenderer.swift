#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--render FILE`: runs Graphviz's `dot` on the DOT text to write a picture. `dot`
/// writes to its standard output, which is an `AtomicFile`'s temporary file: it is
/// renamed over FILE only once `dot` succeeds, so a failure never leaves a partial or
/// empty FILE behind, and `dot` itself never opens a path.
enum GraphvizRenderer {
    /// The picture formats, by file extension.
    enum Format: String, CaseIterable {
        case svg, png, pdf

        /// The format `path`'s extension names (any case), or nil.
        init?(path: String) {
            guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
            self.init(rawValue: String(path[path.index(after: dot)...]).lowercased())
        }
    }

    struct Failure: Error {
        var message: String
        var help: String?
        var status: ExitStatus
    }

    static func render(_ dot: String, to path: String, format: Format) throws(Failure) {
        let program = try dotProgram()
        let file: AtomicFile
        do throws(AtomicFile.Failure) {
            file = try AtomicFile.create(for: path)
        } catch {
            throw Failure(message: error.message, status: .ioError)
        }
        let status: Int32
        do throws(Failure) {
            status = try run(program, ["-T\(format.rawValue)"], input: dot, output: file.descriptor)
        } catch {
            file.discard()
            throw error
        }
        // dot says only "gvwrite_no_z problem" when its output cannot be written (a full
        // disk, a file size limit): a byte written after it tells that apart from a bug.
        if status != 0, let writeProblem = Self.cannotAppend(to: file.descriptor) {
            file.discard()
            throw Failure(message: "cannot write '\(path)': \(writeProblem)", status: .ioError)
        }
        guard status == 0 else {
            file.discard()
            throw Failure(message: "Graphviz's dot failed (\(describe(status))), so '\(path)' was not written",
                          help: "this is a bug in graddiff's DOT output; --format dot shows what dot was given",
                          status: .software)
        }
        do throws(AtomicFile.Failure) {
            try file.commit()
        } catch {
            throw Failure(message: error.message, status: .ioError)
        }
    }

    /// Where Graphviz's `dot` is, or the failure that says how to install it.
    static func dotProgram() throws(Failure) -> String {
        guard let program = findInPath("dot") else {
            throw Failure(message: "drawing the graph needs Graphviz's 'dot' program, which is not installed",
                          help: "install Graphviz (Debian and Ubuntu: apt-get install graphviz; macOS: brew install graphviz), "
                              + "or write the graph with --format dot",
                          status: .unavailable)
        }
        return program
    }

    /// Why one more byte cannot be written at the end of `file`, or nil if it can.
    static func cannotAppend(to file: Int32) -> String? {
        lseek(file, 0, SEEK_END)
        var byte: UInt8 = 10
        return write(file, &byte, 1) == 1 ? nil : reason()
    }

    /// The first executable `name` in the directories of PATH.
    private static func findInPath(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func reason() -> String {
        String(cString: strerror(errno))
    }

    static func describe(_ status: Int32) -> String {
        status >= 128 ? "killed by signal \(status - 128)" : "exit status \(status)"
    }
}
