/// Generated expression text, built directly as UTF-8 bytes.
///
/// Bytes rather than a `String`: a string would be copied once more into `SourceText`,
/// and that copy, freed before parsing, would leave room in the already-counted peak
/// resident size for the parser to grow into unseen. For the same reason the buffer
/// is reserved once, up front, by each generator.
struct ExpressionText {
    private(set) var bytes: [UInt8] = []

    init(reservingBytes count: Int) {
        bytes.reserveCapacity(count)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a non-negative integer in decimal.
    mutating func appendInteger(_ value: Int) {
        appendDigits(value, width: Self.digitCount(value))
    }

    /// Appends `whole.fraction`, the fraction zero-padded to `digits` digits, so that
    /// distinct fractions give distinct literals (`1.007`, `1.012`, …).
    mutating func appendFixedPoint(whole: Int, fraction: Int, digits: Int) {
        appendInteger(whole)
        bytes.append(UInt8(ascii: "."))
        appendDigits(fraction, width: digits)
    }

    /// The number of decimal digits `value` needs (1 for 0).
    static func digitCount(_ value: Int) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    private mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
