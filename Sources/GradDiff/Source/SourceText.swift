#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A half-open range of UTF-8 byte offsets into a `SourceText`.
///
/// Offsets are `Int32` so that the tape can keep one span per node cheaply; a source
/// longer than 2 GiB is refused before parsing.
public struct SourceSpan: Hashable, Sendable, BitwiseCopyable {
    public var start: Int32
    public var end: Int32

    public init(start: Int, end: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    /// The smallest span covering both.
    func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }
}

/// The text a user wrote, with its name ("expression", a file path, "<stdin>") and the
/// offsets where its lines start, so spans can be shown as line and character column.
public struct SourceText: Sendable {
    public let name: String
    public private(set) var bytes: [UInt8]
    /// The number shown for the text's first line: 1, except for a piece of a longer
    /// input read piecewise (a REPL entry, a statement read from a pipe), whose
    /// diagnostics name the line where it was read.
    public let firstLine: Int
    private var lineStarts: [Int]

    public init(name: String, text: String, firstLine: Int = 1) {
        self.init(name: name, bytes: Array(text.utf8), firstLine: firstLine)
    }

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
        lineStarts = [0]
        Self.appendLineStarts(of: bytes, at: 0, to: &lineStarts)
    }

    /// Appends where each line after a newline in `bytes` starts (`bytes` placed at
    /// `base`); memchr finds the newlines, many bytes at a time.
    private static func appendLineStarts(of bytes: [UInt8], at base: Int, to starts: inout [Int]) {
        bytes.withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count,
                  let found = memchr(start + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(start) + 1
                starts.append(base + offset)
            }
        }
    }

    /// Appends `more` as a new line (after a newline, unless the text is empty) and
    /// returns the offset where it starts: a session's text grows by its entry alone.
    mutating func appendLine(_ more: [UInt8]) -> Int {
        if !bytes.isEmpty {
            bytes.append(UInt8(ascii: "\n"))
            lineStarts.append(bytes.count)
        }
        let start = bytes.count
        bytes += more
        Self.appendLineStarts(of: more, at: start, to: &lineStarts)
        return start
    }

    /// Drops the bytes from `count` on, undoing `appendLine`.
    mutating func truncate(toByteCount count: Int) {
        guard count < bytes.count else { return }
        bytes.removeLast(bytes.count - count)
        while let last = lineStarts.last, last > count { lineStarts.removeLast() }
    }

    /// The 1-based line holding `offset` and the byte offset where that line starts.
    func line(containing offset: Int) -> (number: Int, start: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, lineStarts[low])
    }

    /// The byte range of line `number` (1-based), without its newline.
    func lineRange(_ number: Int) -> Range<Int> {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// Line and column (both 1-based; the column counts characters, not bytes) of `offset`.
    /// The line is numbered from `firstLine`.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(containing: clamped)
        return (line.number + firstLine - 1, characterCount(from: line.start, to: clamped) + 1)
    }

    /// How many characters the bytes `from..<to` decode to.
    func characterCount(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        return String(decoding: bytes[start..<end], as: UTF8.self).count
    }

    /// The text of `span`, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func text(of span: SourceSpan) -> String {
        let start = max(0, min(Int(span.start), bytes.count))
        let end = max(start, min(Int(span.end), bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
