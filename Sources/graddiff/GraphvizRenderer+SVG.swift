#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import ChildProcess

extension GraphvizRenderer {
    /// Graphviz's SVG of `dot`, as text, for a page that draws it inline (`path` is the
    /// page, named in messages): dot's standard output, read back, so no file is made.
    static func svgText(_ dot: String, for path: String) throws(Failure) -> String {
        let program = try dotProgram()
        let finished: ChildProcess.Finished
        do throws(ChildProcess.Failure) {
            finished = try ChildProcess.run(program, ["-Tsvg"], input: Array(dot.utf8), output: .captured)
        } catch {
            throw Failure(message: "cannot start \(program): \(error.reason)",
                          status: error.call == "posix_spawn" ? .unavailable : .software)
        }
        guard finished.ending == .exited(0) else {
            throw Failure(message: "Graphviz's dot failed (\(describe(finished.ending.shellStatus))), so '\(path)' was not written",
                          help: "this is a bug in graddiff's DOT output; --format dot shows what dot was given",
                          status: .software)
        }
        return String(decoding: finished.output, as: UTF8.self)
    }
}
