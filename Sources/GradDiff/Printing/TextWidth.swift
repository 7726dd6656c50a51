/// How wide UTF-8 text is in Unicode scalars, the unit the table pads to; read eight bytes
/// at a time, since nearly all text graddiff prints is ASCII.
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

    /// How many Unicode scalars `bytes` hold: the bytes that do not continue one.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if isASCII(bytes) { return bytes.count }
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
