/// The one reader of written numbers: the lexer's number tokens (and so every binding's
/// value, a constant expression), every field of a batch table and of `minimize --data`.
/// Each caller makes its diagnostic from the outcome, with the catalogue's words and its
/// own place (a column in an expression, a row and column in a table).
///
/// The grammar is decimal only: digits with an optional point and fraction (`3`, `1.5`,
/// `.5`, `5.`), then an optional exponent (`e-3`, `2E+10`). There is no hexadecimal
/// (`0x10` and `0x1p-2` are refused, not read as 16 and 0.25), no digit separator, no
/// NUL or other byte inside a number. A number too large for a double becomes inf and
/// one too small becomes 0, and the reader says so, so that each caller warns alike.
enum NumberReader {
    /// What the bytes at an offset are.
    enum Outcome: Equatable, Sendable {
        /// A number that fits a double (subnormals included); `end` is the offset after it.
        case number(Double, end: Int)
        /// Digits too large for a double: the value is inf.
        case tooLarge(end: Int)
        /// Digits too small for a double, not all zero: the value is 0.
        case tooSmall(end: Int)
        /// `0x…`: the grammar has no hexadecimal; `end` is after the letters and digits.
        case hexadecimal(end: Int)
        /// A point with no digit on either side.
        case noDigitAfterPoint(end: Int)
        /// `1e`, `1e+`: an exponent marker with no digits.
        case exponentWithoutDigits(end: Int)

        /// The value a number reads as (inf and 0 out of range), or nil for an error.
        var value: Double? {
            switch self {
            case .number(let value, _): return value
            case .tooLarge: return .infinity
            case .tooSmall: return 0
            case .hexadecimal, .noDigitAfterPoint, .exponentWithoutDigits: return nil
            }
        }

        /// The offset after what was read (the number, or the bytes in error).
        var end: Int {
            switch self {
            case .number(_, let end), .tooLarge(let end), .tooSmall(let end), .hexadecimal(let end),
                 .noDigitAfterPoint(let end), .exponentWithoutDigits(let end):
                return end
            }
        }
    }

    /// Reads the number starting at `start` (a digit or a point). A letter `e` that
    /// starts a name rather than an exponent (`2exp`: `exp` is not an exponent) ends the
    /// number before it; `continuesName(i)` says whether the byte at `i` may continue a
    /// name.
    static func scan(_ bytes: [UInt8], from start: Int, continuesName: (Int) -> Bool) -> Outcome {
        if let (value, end) = bytes.withUnsafeBufferPointer({ PlainDecimal.leading($0, from: start) }) {
            return .number(value, end: end)
        }
        func isDigit(_ index: Int) -> Bool {
            index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
        }
        var offset = start
        if offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "0"), bytes[offset + 1] | 0x20 == UInt8(ascii: "x") {
            var end = offset + 2
            while end < bytes.count, continuesName(end) { end += 1 }
            return .hexadecimal(end: end)
        }
        var sawDigit = false
        var sawNonZero = false
        func digits() {
            while isDigit(offset) {
                if bytes[offset] != UInt8(ascii: "0") { sawNonZero = true }
                offset += 1
                sawDigit = true
            }
        }
        digits()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            digits()
        }
        if !sawDigit { return .noDigitAfterPoint(end: offset) }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            var exponentEnd = offset + 1
            let signed = exponentEnd < bytes.count
                && (bytes[exponentEnd] == UInt8(ascii: "+") || bytes[exponentEnd] == UInt8(ascii: "-"))
            if signed { exponentEnd += 1 }
            if isDigit(exponentEnd) {
                offset = exponentEnd
                while isDigit(offset) { offset += 1 }
            } else if signed || !continuesName(offset + 1) {
                return .exponentWithoutDigits(end: exponentEnd)
            }
        }
        // A plain decimal (nearly every literal) is read from the bytes, exactly.
        if let value = bytes.withUnsafeBufferPointer({ PlainDecimal.parse(UnsafeBufferPointer(rebasing: $0[start..<offset])) }) {
            return .number(value, end: offset)
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        // Only validated decimal text gets here, so the library's reader (which would
        // also take hexadecimal, "nan" and "inf") sees nothing else.
        guard let value = Double(text) else { return .tooLarge(end: offset) }
        if value.isInfinite { return .tooLarge(end: offset) }
        if value == 0 && sawNonZero { return .tooSmall(end: offset) }
        return .number(value, end: offset)
    }

    /// What a whole field of a table is: an optional sign, then a number of the grammar,
    /// or `nan`, `inf` or `infinity` in any case. `.notANumber` when anything else is in
    /// it (a blank field, `1_0`, a NUL byte, text after the number).
    enum FieldOutcome: Equatable, Sendable {
        case number(Double)
        case tooLarge(Double)
        case tooSmall(Double)
        case hexadecimal
        case notANumber

        /// The value (±inf or ±0 out of range), or nil for an error.
        var value: Double? {
            switch self {
            case .number(let value), .tooLarge(let value), .tooSmall(let value): return value
            case .hexadecimal, .notANumber: return nil
            }
        }
    }

    static func field(_ text: Substring) -> FieldOutcome {
        var bytes = Array(text.utf8)
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        func signed(_ value: Double) -> Double { negative ? -value : value }
        if let first = bytes.first, first | 0x20 == UInt8(ascii: "n") || first | 0x20 == UInt8(ascii: "i") {
            switch String(decoding: bytes, as: UTF8.self).lowercased() {
            case "nan": return .number(.nan)
            case "inf", "infinity": return .number(signed(.infinity))
            default: return .notANumber
            }
        }
        guard let first = bytes.first, first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            return .notANumber
        }
        let outcome = scan(bytes, from: 0) { index in
            index < bytes.count && (bytes[index] >= 0x80 || bytes[index] == UInt8(ascii: "_")
                || (bytes[index] | 0x20 >= UInt8(ascii: "a") && bytes[index] | 0x20 <= UInt8(ascii: "z"))
                || (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")))
        }
        if case .hexadecimal = outcome { return .hexadecimal }
        guard outcome.end == bytes.count, let value = outcome.value else { return .notANumber }
        switch outcome {
        case .tooLarge: return .tooLarge(signed(value))
        case .tooSmall: return .tooSmall(signed(value))
        default: return .number(signed(value))
        }
    }
}
