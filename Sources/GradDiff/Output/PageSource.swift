/// The program's text as the HTML page shows it, and where each node's span falls in
/// it. The tape's spans count UTF-8 bytes; the page's script slices JavaScript strings,
/// which count UTF-16 code units, so every byte offset is mapped once here.
///
/// A text longer than `limit` bytes is cut there (at a character boundary): a page
/// carries a program, not a 100 MB expression, and spans past the cut have no place.
struct PageSource {
    private(set) var text = ""
    private(set) var isCut = false
    /// The UTF-16 offset of each byte offset up to the cut (continuation bytes share
    /// their character's), one more for the end.
    private var offsets: [Int32] = []

    init(_ bytes: [UInt8], limit: Int) {
        offsets.reserveCapacity(Swift.min(bytes.count, limit) + 1)
        var position = 0
        var utf16 = 0
        while position < bytes.count {
            if position >= limit {
                isCut = true
                break
            }
            let (scalar, length) = Self.scalar(in: bytes, at: position)
            text.unicodeScalars.append(scalar)
            for _ in 0..<length { offsets.append(Int32(utf16)) }
            utf16 += scalar.utf16.count
            position += length
        }
        offsets.append(Int32(utf16))
    }

    /// The UTF-16 range of `span`, or nil if it reaches past the cut.
    func range(of span: SourceSpan) -> (start: Int, end: Int)? {
        let start = Int(span.start), end = Int(span.end)
        guard start >= 0, start <= end, end < offsets.count else { return nil }
        return (Int(offsets[start]), Int(offsets[end]))
    }

    /// The character starting at `position` and its length in bytes; a byte that does
    /// not start a well-formed UTF-8 sequence reads as U+FFFD, one byte long.
    private static func scalar(in bytes: [UInt8], at position: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let replacement = (Unicode.Scalar(0xFFFD)!, 1)
        let (length, smallest): (Int, UInt32)
        switch lead {
        case 0xC2..<0xE0: (length, smallest) = (2, 0x80)
        case 0xE0..<0xF0: (length, smallest) = (3, 0x800)
        case 0xF0..<0xF5: (length, smallest) = (4, 0x10000)
        default: return replacement
        }
        guard position + length <= bytes.count else { return replacement }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[position + offset]
            guard byte & 0xC0 == 0x80 else { return replacement }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are not characters.
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return replacement }
        return (scalar, length)
    }
}
