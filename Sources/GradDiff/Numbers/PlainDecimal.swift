/// Reading the plain decimals that fill tables and expressions (`0.618033`, `-12`,
/// `1.5e-3`) straight from bytes, exactly, without a `String`: the fast path in front of
/// the full number readers, which keep every other form (nan, inf, hexadecimal, long or
/// far-out numbers, anything odd) and all the diagnostics.
///
/// A decimal of at most 19 significant digits is an integer w times 10^e. When w fits in
/// 53 bits and |e| <= 22, both w and 10^|e| are exact doubles, so one multiplication or
/// division rounds once, correctly (Clinger, "How to read floating point numbers
/// accurately", 1990): the same double `Double(text)` gives.
enum PlainDecimal {
    /// The value of `bytes` if they are `[+-]digits[.digits][(e|E)[+-]digits]` (at least
    /// one digit before the exponent) and the fast path is exact; nil otherwise, which
    /// means "ask the full reader", not "not a number".
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var significand: UInt64 = 0
        var digits = 0  // significant digits taken (leading zeros skipped)
        var sawDigit = false
        var exponent = 0
        while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
            let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
            sawDigit = true
            if significand != 0 || digit != 0 { digits += 1 }
            significand = significand &* 10 &+ digit
            index += 1
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                sawDigit = true
                if significand != 0 || digit != 0 { digits += 1 }
                significand = significand &* 10 &+ digit
                exponent -= 1
                index += 1
            }
        }
        guard sawDigit, digits <= 19 else { return nil }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                written = written &* 10 &+ Int(bytes[index] &- UInt8(ascii: "0"))
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0, exponentDigits <= 4 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == count, significand <= 1 << 53 else { return nil }
        let value: Double
        if significand == 0 {
            value = 0
        } else if exponent >= 0 {
            guard exponent <= 22 else { return nil }
            value = Double(significand) * exactPowersOfTen[exponent]
        } else {
            guard exponent >= -22 else { return nil }
            value = Double(significand) / exactPowersOfTen[-exponent]
        }
        return negative ? -value : value
    }

    /// The literal at `start` if it is the commonest kind, `digits[.digits]` with at most
    /// 15 digits in all, not followed by an exponent, `x` or another point (whose rules
    /// the full reader keeps): its value, exact as `parse` gives it, and where it ends.
    /// Nil means "ask the full reader". For the lexer: a word of eight bytes at a time
    /// (`EightDigits`) where 16 bytes can be read, else a byte at a time.
    @inline(__always)
    static func leading(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        // Two words of eight bytes readable from `start` (all but the text's last few literals).
        if start >= 0, bytes.count - start >= 16, let base = bytes.baseAddress {
            return EightDigits.leading(UnsafeRawPointer(base + start), start: start, count: bytes.count)
        }
        return leadingByBytes(bytes, from: start)
    }

    /// `leading`, a byte at a time: for literals near the text's end, and as the
    /// reference the word-at-a-time reading is tested against.
    static func leadingByBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        let count = bytes.count
        var index = start
        var significand: UInt64 = 0
        while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
            significand = significand &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        var digits = index - start
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                significand = significand &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                index += 1
            }
            fractionDigits = index - fractionStart
            digits += fractionDigits
        }
        if index < count {
            let next = bytes[index]
            guard next | 0x20 != UInt8(ascii: "e"), next | 0x20 != UInt8(ascii: "x"), next != UInt8(ascii: ".") else { return nil }
        }
        // Fewer than 10^15 is exact, as is 10^fractionDigits (at most 10^15).
        guard digits > 0, digits <= 15 else { return nil }
        return (Double(significand) / exactPowersOfTen[fractionDigits], index)
    }

    /// 10^0 … 10^22, each exactly a double.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]
}
