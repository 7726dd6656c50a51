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
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0" }
        let digits = Swift.max(1, Swift.min(digits, 17))
        // Whole numbers that fit the digits print as integers without a trip through printf.
        if value.rounded() == value, Swift.abs(value) < powersOfTen[digits] {
            return String(Int64(value))
        }
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, 64, "%.\(digits)g", arguments)
            }
        }
        let bytes = buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let powersOfTen: [Double] = (0...17).map { Glibc.pow(10, Double($0)) }

    /// The shortest decimal that reads back as exactly `value` (Swift's own algorithm),
    /// without a trailing ".0": 220, 3.3000000000000003, 1e-05.
    public static func shortest(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// "nan", "inf" or "-inf", or nil for a finite value.
    public static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }
}
