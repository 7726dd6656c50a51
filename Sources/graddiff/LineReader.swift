#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input line by line in 64 KiB chunks, so batch mode runs in
/// constant memory whatever the input's length. A UTF-8 byte-order mark opening the
/// input is skipped. With `requiringText`, a line that is not
/// UTF-8 text (a NUL byte, invalid UTF-8) ends the reading with a failure (status 65)
/// that gives its place and quotes nothing: a table named on the command line may be
/// any file, `/proc/self/environ` say.
struct LineReader {
    private let descriptor: Int32
    /// How messages name the input: `standard input` or `'path'`.
    private let name: String
    private var buffer: [UInt8] = []
    private var start = 0
    /// `buffer[start..<searched]` holds no newline: a long line is searched once, not
    /// once per chunk read.
    private var searched = 0
    private var atEnd = false
    private let requiresText: Bool
    /// Lines returned so far.
    private var lineCount = 0

    init(path: String, requiringText: Bool = false) throws(InputFile.Failure) {
        name = path == "-" ? "standard input" : "'\(path)'"
        requiresText = requiringText
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputFile.Failure(message: "cannot open '\(path)': \(String(cString: strerror(errno)))")
            }
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw InputFile.Failure(message: "'\(path)' is a directory, not a file")
            }
        }
    }

    /// The next line if it is already read in full, without waiting for input.
    mutating func nextBufferedLine() throws(InputFile.Failure) -> Substring? {
        guard let newline = buffer[Swift.max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) else {
            searched = buffer.count
            return nil
        }
        let line = try decoded(buffer[start..<newline])
        start = newline + 1
        searched = start
        return line
    }

    /// The next line without its newline, or nil at the end of the input.
    mutating func nextLine() throws(InputFile.Failure) -> Substring? {
        while true {
            if let line = try nextBufferedLine() { return line }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = try decoded(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            searched -= start
            start = 0
            if buffer.count > InputFile.maximumSize { throw InputFile.tooLarge("a line of \(name)") }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFile.Failure(message: "cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if count == 0 { atEnd = true } else { buffer += chunk[0..<count] }
        }
    }

    /// Hands over what is read but not yet returned, the descriptor, and whether the
    /// input has ended: for a reader of whole chunks (batch rows) after the header line.
    mutating func takeRest() -> (bytes: [UInt8], descriptor: Int32, atEnd: Bool, lines: Int) {
        let rest = Array(buffer[start...])
        buffer = []
        start = 0
        searched = 0
        return (rest, descriptor, atEnd, lineCount)
    }

    /// The line's text: as UTF-8 with bad bytes replaced, or, with `requiresText`, only
    /// if it is text.
    private mutating func decoded(_ bytes: ArraySlice<UInt8>) throws(InputFile.Failure) -> Substring {
        lineCount += 1
        // A byte-order mark opening the input (as some editors write) is not text of it.
        let bytes = lineCount == 1 ? InputFile.withoutByteOrderMark(bytes) : bytes
        if requiresText, let problem = InputFile.firstNonText(in: bytes) {
            let column = bytes.prefix(problem.offset).count(where: { $0 & 0xC0 != 0x80 }) + 1
            throw InputFile.notText(name, line: lineCount, column: column, isNul: problem.isNul)
        }
        return Substring(String(decoding: bytes, as: UTF8.self))
    }
}
