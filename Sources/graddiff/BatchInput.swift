#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A batch table's rows after its header, read in large pieces of whole lines: what
/// `BatchPipeline` evaluates a round at a time. It waits for input only when it has no
/// whole line, so a slow pipe's rows are evaluated as they come; and it checks that the
/// rows are text (no NUL byte, valid UTF-8), as `LineReader` does line by line.
struct BatchInput {
    private let descriptor: Int32
    /// How messages name the input: `standard input` or `'path'`.
    private let displayName: String
    private var pending: [UInt8]
    private var atEnd: Bool
    /// The number of the last line handed out (the header is line 1).
    var lineNumber: Int

    init(rest: (bytes: [UInt8], descriptor: Int32, atEnd: Bool, lines: Int), path: String) {
        descriptor = rest.descriptor
        displayName = path == "-" ? "standard input" : "'\(path)'"
        pending = rest.bytes
        atEnd = rest.atEnd
        lineNumber = rest.lines
    }

    /// The next whole lines: at least `target` bytes of them if the input has them ready,
    /// fewer rather than wait, but always at least one line (however long) until the
    /// end, where there are none: an empty answer means the end. Lines before one that
    /// is not text come with that line's failure, to throw once they are done.
    mutating func nextLines(atLeast target: Int) throws(InputFile.Failure) -> (BatchLines, InputFile.Failure?) {
        var hasWholeLine = pending.contains(UInt8(ascii: "\n"))
        // Without a whole line, read on whatever `target` says: a line longer than it
        // (a 600 KB field) must not end the table.
        while !atEnd, !hasWholeLine || (pending.count < target && isReadable()) {
            let start = pending.count
            try readMore(upTo: target)
            hasWholeLine = hasWholeLine || pending[start...].contains(UInt8(ascii: "\n"))
        }
        var cut = atEnd ? pending.count : (pending.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
        var failure: InputFile.Failure?
        if let problem = Self.firstNonText(in: pending[..<cut]) {
            // Hand out the lines before the bad one; its failure follows them.
            let lineStart = pending[..<problem.offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let badLine = lineNumber + 1 + pending[..<lineStart].count(where: { $0 == UInt8(ascii: "\n") })
            let column = pending[lineStart..<problem.offset].count(where: { $0 & 0xC0 != 0x80 }) + 1
            failure = InputFile.notText(displayName, line: badLine, column: column, isNul: problem.isNul)
            cut = lineStart
            atEnd = true
        }
        let lines = BatchLines(bytes: Array(pending[..<cut]))
        pending.removeFirst(cut)
        if failure != nil { pending = [] }
        return (lines, failure)
    }

    /// Whether a read would return at once (more of a pipe is already there).
    private func isReadable() -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    private mutating func readMore(upTo target: Int) throws(InputFile.Failure) {
        if pending.count > InputFile.maximumSize { throw InputFile.tooLarge("a line of \(displayName)") }
        let want = Swift.max(1 << 16, target - pending.count)
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: want))
        let count = pending.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + start, want) }
        pending.removeLast(want - Swift.max(count, 0))
        if count < 0 {
            if errno == EINTR { return }
            throw InputFile.Failure(message: "cannot read \(displayName): \(String(cString: strerror(errno)))")
        }
        if count == 0 { atEnd = true }
    }

    /// The first byte that is not text, as an offset into the array.
    static func firstNonText(in bytes: ArraySlice<UInt8>) -> (offset: Int, isNul: Bool)? {
        InputFile.firstNonText(in: bytes).map { ($0.offset + bytes.startIndex, $0.isNul) }
    }
}

/// Whole lines of a batch table, and their division into chunks for the threads.
struct BatchLines {
    let bytes: [UInt8]

    var isEmpty: Bool { bytes.isEmpty }

    /// Consecutive ranges of about `size` bytes, each ending after a newline (the last
    /// at the end).
    func chunks(size: Int) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = Swift.min(start + size, bytes.count)
            while end < bytes.count, bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
            chunks.append(start..<end)
            start = end
        }
        return chunks
    }
}
