#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `NumberFormat`'s two forms written straight into bytes, which is how every number is
/// printed; the `String` functions in `NumberFormat.swift` decode these bytes.
///
/// Shortest: the digits of `ShortestDecimal` (the same as `Double.description`'s), laid
/// out as Swift lays them out: plain decimals from 0.0001 up to 2^53, exponent form
/// (`1e-05`, `1.5e+300`) beyond, without the ".0" of a whole number.
///
/// Significant (`%.Ng`): for a normal double and N <= 15 the shortest digits give the
/// answer. If they number N or fewer, rounding the exact value to N digits gives them
/// back (they lie within half an ulp, less than half a unit in the N-th digit); if more,
/// rounding them to N digits rounds the exact value the same way, since no N-digit
/// midpoint can separate the two without being the shortest itself. The one exception,
/// shortest digits that are exactly such a midpoint, and subnormals and N of 16 or 17,
/// go to C's printf, as everything did before.
extension NumberFormat {
    /// The most bytes one number takes in either form ("-2.2250738585072014e-308").
    static let maximumLength = 32

    /// Appends `shortest(value)`.
    public static func appendShortest(_ value: Double, to buffer: inout ByteBuffer) {
        let pointer = buffer.reserve(maximumLength)
        buffer.commit(writeShortest(value, to: pointer))
    }

    /// Appends `significant(value, digits:)`.
    public static func appendSignificant(_ value: Double, digits: Int, to buffer: inout ByteBuffer) {
        let pointer = buffer.reserve(maximumLength)
        buffer.commit(writeSignificant(value, digits: digits, to: pointer))
    }

    /// Writes the shortest form of `value` at `pointer`; returns its length.
    static func writeShortest(_ value: Double, to pointer: UnsafeMutablePointer<UInt8>) -> Int {
        // Negative zero keeps its sign: the text must read back as the same double.
        if value == 0, value.sign == .minus {
            pointer.pointee = UInt8(ascii: "-")
            (pointer + 1).pointee = UInt8(ascii: "0")
            return 2
        }
        if let length = writeSpecial(value, to: pointer) { return length }
        let sign = value.sign == .minus ? 1 : 0
        if sign == 1 { pointer.pointee = UInt8(ascii: "-") }
        let magnitude = Swift.abs(value)
        if magnitude <= twoToThe53, magnitude.rounded(.towardZero) == magnitude {
            let whole = UInt64(magnitude)
            let digits = DecimalDigits.count(whole)
            DecimalDigits.write(whole, count: digits, to: pointer + sign)
            return sign + digits
        }
        let decimal = ShortestDecimal(magnitude)
        let digitCount = decimal.digitCount
        let exponent = decimal.exponent + digitCount - 1
        let exponential = exponent < -4 || magnitude > twoToThe53
        return sign + layOut(decimal.significand, digitCount, exponent, exponential: exponential, to: pointer + sign)
    }

    /// Writes `value` to `digits` significant digits as `%.{digits}g` does; returns its length.
    static func writeSignificant(_ value: Double, digits requested: Int, to pointer: UnsafeMutablePointer<UInt8>) -> Int {
        if let length = writeSpecial(value, to: pointer) { return length }
        let digits = Swift.max(1, Swift.min(requested, 17))
        let sign = value < 0 ? 1 : 0
        if sign == 1 { pointer.pointee = UInt8(ascii: "-") }
        let magnitude = Swift.abs(value)
        if magnitude.rounded() == magnitude, magnitude < powersOfTen[digits] {
            let whole = UInt64(magnitude)
            let count = DecimalDigits.count(whole)
            DecimalDigits.write(whole, count: count, to: pointer + sign)
            return sign + count
        }
        guard digits <= 15, magnitude.isNormal else { return printf(value, digits: digits, to: pointer) }
        let shortest = ShortestDecimal(magnitude)
        var significand = shortest.significand
        var exponent = shortest.exponent
        var digitCount = shortest.digitCount
        if digitCount > digits {
            let dropped = digitCount - digits
            let divisor = DecimalDigits.powersOfTen[dropped]
            let rest = significand % divisor
            let half = divisor / 2
            if rest == half { return printf(value, digits: digits, to: pointer) }
            significand /= divisor
            if rest > half { significand += 1 }
            let rounded = ShortestDecimal(stripping: significand, exponent: exponent + dropped)
            (significand, exponent, digitCount) = (rounded.significand, rounded.exponent, rounded.digitCount)
        }
        let scientific = exponent + digitCount - 1
        let exponential = scientific < -4 || scientific >= digits
        return sign + layOut(significand, digitCount, scientific, exponential: exponential, to: pointer + sign)
    }

    /// nan, inf, -inf and zero (both zeros print as 0), or nil for another number.
    @inline(__always)
    private static func writeSpecial(_ value: Double, to pointer: UnsafeMutablePointer<UInt8>) -> Int? {
        if value.isFinite {
            guard value == 0 else { return nil }
            pointer.pointee = UInt8(ascii: "0")
            return 1
        }
        let text: StaticString = value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
        pointer.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }

    /// Digits d1…dn of a number d1.d2…dn × 10^exponent, written as `1.5e-05` or as a
    /// plain decimal (`0.00015`, `150`, `1.5`); returns the length.
    private static func layOut(_ significand: UInt64, _ count: Int, _ exponent: Int, exponential: Bool,
                               to pointer: UnsafeMutablePointer<UInt8>) -> Int {
        if exponential {
            // d.ddd: the digits one place right, then the first moved back before a point.
            DecimalDigits.write(significand, count: count, to: pointer + 1)
            var length = count
            pointer[0] = pointer[1]
            if count > 1 {
                pointer[1] = UInt8(ascii: ".")
                length += 1
            }
            pointer[length] = UInt8(ascii: "e")
            pointer[length + 1] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            let magnitude = UInt64(exponent.magnitude)
            let width = Swift.max(2, DecimalDigits.count(magnitude))
            DecimalDigits.write(magnitude, count: width, to: pointer + length + 2)
            return length + 2 + width
        }
        if exponent < 0 {
            // 0.000ddd
            let zeros = -exponent - 1
            pointer[0] = UInt8(ascii: "0")
            pointer[1] = UInt8(ascii: ".")
            (pointer + 2).update(repeating: UInt8(ascii: "0"), count: zeros)
            DecimalDigits.write(significand, count: count, to: pointer + 2 + zeros)
            return 2 + zeros + count
        }
        if exponent + 1 < count {
            // ddd.ddd: the whole part moved one place left of where the digits were written.
            DecimalDigits.write(significand, count: count, to: pointer + 1)
            let whole = exponent + 1
            for index in 0..<whole { pointer[index] = pointer[index + 1] }
            pointer[whole] = UInt8(ascii: ".")
            return count + 1
        }
        // A whole number: the digits and trailing zeros.
        DecimalDigits.write(significand, count: count, to: pointer)
        (pointer + count).update(repeating: UInt8(ascii: "0"), count: exponent + 1 - count)
        return exponent + 1
    }

    /// C's `%.{digits}g` (the exact, slower way), for the cases the fast path leaves.
    private static func printf(_ value: Double, digits: Int, to pointer: UnsafeMutablePointer<UInt8>) -> Int {
        var text = [CChar](repeating: 0, count: 64)
        let length = withVaList([value]) { arguments in
            text.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, "%.\(digits)g", arguments) }
        }
        let count = Swift.min(Int(length), maximumLength)
        text.withUnsafeBufferPointer { characters in
            for index in 0..<count { pointer[index] = UInt8(bitPattern: characters[index]) }
        }
        return count
    }

    private static let twoToThe53: Double = 9_007_199_254_740_992
}
