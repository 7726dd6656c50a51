#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How numbers are written: for people (significant digits, trailing zeros trimmed)
/// and for machines (shortest text that reads back to the same double).
public enum NumberFormat {
    /// `value` to `digits` significant digits, like C's `%.{digits}g`: 0.7310585786,
    /// -12, 1e+20. Negative zero prints as 0; non-finite values as nan, inf, -inf.
    public static func significant(_ value: Double, digits: Int) -> String {
        text(maximumLength) { writeSignificant(value, digits: digits, to: $0) }
    }

    static let powersOfTen: [Double] = (0...17).map { Glibc.pow(10, Double($0)) }

    /// The shortest decimal that reads back as exactly `value` (Swift's own algorithm),
    /// without a trailing ".0": 220, 3.3000000000000003, 1e-05; negative zero is -0.
    public static func shortest(_ value: Double) -> String {
        text(maximumLength) { writeShortest(value, to: $0) }
    }

    /// A string made of at most `capacity` bytes that `write` puts down.
    private static func text(_ capacity: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes.baseAddress!, count: write(bytes.baseAddress!)), as: UTF8.self)
        }
    }

    /// `value` in plain decimal notation, with no exponent, for scripts: `-q` and `--wrt`
    /// output. bc reads no exponent at all (it reads `2e-07` as a syntax error and
    /// `1.5E3` as 1.5 followed by the hexadecimal digit E), while awk, the shell's
    /// printf and strtod read plain decimals too, so this is the one form all of them
    /// take: 0.0000002, 1500, -0. With `significantDigits` nil the digits are the
    /// shortest that read back as exactly `value` (as `shortest`); otherwise `value` is
    /// rounded to that many significant digits, trailing zeros dropped. Non-finite
    /// values are nan, inf and -inf (awk and printf read them; bc has no such numbers).
    /// The longest text, for 4.9e-324, has 327 characters.
    public static func plain(_ value: Double, significantDigits: Int? = nil) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let scientific: String
        if let digits = significantDigits {
            scientific = formatted(value, "%.\(Swift.max(0, Swift.min(digits, 17) - 1))e")
        } else {
            scientific = value.description
        }
        // Split d.ddd[e±x] into the sign, the digits and the exponent of the first digit.
        var text = Substring(scientific)
        let negative = text.first == "-"
        if negative { text.removeFirst() }
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        let point = text.firstIndex(of: ".")
        let whole = point.map { text[..<$0] } ?? text
        let fraction = point.map { text[text.index(after: $0)...] } ?? ""
        var digits = Array(whole) + Array(fraction)
        var before = whole.count + exponent  // digits before the point
        while digits.first == "0", digits.count > 1 { digits.removeFirst(); before -= 1 }
        while digits.last == "0", digits.count > 1 { digits.removeLast() }
        var result = negative ? "-" : ""
        if before <= 0 {
            result += "0." + String(repeating: "0", count: -before) + String(digits)
        } else if before >= digits.count {
            result += String(digits) + String(repeating: "0", count: before - digits.count)
        } else {
            result += String(digits[..<before]) + "." + String(digits[before...])
        }
        return result
    }

    /// `value` formatted by C's printf with `format` (one double conversion).
    private static func formatted(_ value: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, 64, format, arguments)
            }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "nan", "inf" or "-inf", or nil for a finite value.
    public static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }
}
