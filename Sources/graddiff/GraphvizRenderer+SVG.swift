#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GraphvizRenderer {
    /// Graphviz's SVG of `dot`, as text, for a page that draws it inline (`path` is the
    /// page, named in messages). `dot` writes into a temporary file that is unlinked as
    /// soon as it is made, so nothing is left behind whatever happens.
    static func svgText(_ dot: String, for path: String) throws(Failure) -> String {
        let program = try dotProgram()
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/graddiff-svg-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else {
            throw Failure(message: "cannot make a temporary file in \(directory) for '\(path)': \(reason())", status: .ioError)
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(file) }
        let status = try run(program, ["dot", "-Tsvg"], input: dot, output: file)
        guard status == 0 else {
            if let problem = cannotAppend(to: file) {
                throw Failure(message: "cannot write the picture for '\(path)': \(problem)", status: .ioError)
            }
            throw Failure(message: "Graphviz's dot failed (\(describe(status))), so '\(path)' was not written",
                          help: "this is a bug in graddiff's DOT output; --format dot shows what dot was given",
                          status: .software)
        }
        lseek(file, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure(message: "cannot read Graphviz's picture for '\(path)': \(reason())", status: .ioError) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
