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
    /// without a trailing ".0": 220, 3.3000000000000003, 1e-05.
    public static func shortest(_ value: Double) -> String {
        text(maximumLength) { writeShortest(value, to: $0) }
    }

    /// A string made of at most `capacity` bytes that `write` puts down.
    private static func text(_ capacity: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes.baseAddress!, count: write(bytes.baseAddress!)), as: UTF8.self)
        }
    }

    /// "nan", "inf" or "-inf", or nil for a finite value.
    public static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }
}
