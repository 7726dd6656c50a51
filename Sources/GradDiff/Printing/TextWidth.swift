/// How wide UTF-8 text is in terminal columns (`TerminalColumns`), the unit the table pads
/// to; read eight bytes at a time, since nearly all text graddiff prints is ASCII.
enum TextWidth {
    private static let tops: UInt64 = 0x8080_8080_8080_8080

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= bytes.count {
            seen |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            seen |= UInt64(base[index])
            index += 1
        }
        return seen & tops == 0
    }

    /// How many terminal columns `bytes` take: a byte each for ASCII.
    static func columns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        isASCII(bytes) ? bytes.count : TerminalColumns.width(ofUTF8: bytes)
    }
}
