/// Reading up to eight ASCII digits from one 64-bit word at once (SWAR): which of its
/// bytes are digits, and their value, in a dozen instructions instead of a loop over
/// the bytes with a branch each. The lexer reads 730,000 literals such as `0.978693` in
/// a 10^6-node expression; each is at most two words, the integer part and the fraction.
enum EightDigits {
    /// The literal `digits[.digits]` starting at `text` (byte `start` of `count`, with at
    /// least 16 bytes readable from `start`), as `PlainDecimal.leading` defines it: its
    /// value and end, or nil to ask the full reader. A part of eight digits or more goes
    /// to `PlainDecimal.leadingByBytes`, which reads any length.
    @inline(__always)
    static func leading(_ text: UnsafeRawPointer, start: Int, count: Int) -> (value: Double, end: Int)? {
        let integerWord = UInt64(littleEndian: text.loadUnaligned(as: UInt64.self))
        let integerDigits = leadingDigitCount(integerWord)
        guard integerDigits < 8 else { return fallback(text, start: start, count: count) }
        var significand = value(integerWord, digits: integerDigits)
        var end = start + integerDigits
        var fractionDigits = 0
        // Every byte read below lies within the 16: each part holds at most 7 digits.
        var next = text.load(fromByteOffset: integerDigits, as: UInt8.self)
        if next == UInt8(ascii: ".") {
            let fractionWord = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: integerDigits + 1, as: UInt64.self))
            fractionDigits = leadingDigitCount(fractionWord)
            guard fractionDigits < 8 else { return fallback(text, start: start, count: count) }
            significand = significand &* powersOfTen[fractionDigits] &+ value(fractionWord, digits: fractionDigits)
            end += 1 + fractionDigits
            next = text.load(fromByteOffset: integerDigits + 1 + fractionDigits, as: UInt8.self)
        }
        // The full reader's forms: an exponent, hexadecimal, a second point.
        guard next | 0x20 != UInt8(ascii: "e"), next | 0x20 != UInt8(ascii: "x"), next != UInt8(ascii: "."),
              integerDigits + fractionDigits > 0
        else { return nil }
        // At most 14 digits: the significand and 10^fractionDigits are exact doubles.
        return (Double(significand) / PlainDecimal.exactPowersOfTen[fractionDigits], end)
    }

    private static func fallback(_ text: UnsafeRawPointer, start: Int, count: Int) -> (value: Double, end: Int)? {
        let base = (text - start).assumingMemoryBound(to: UInt8.self)
        return PlainDecimal.leadingByBytes(UnsafeBufferPointer(start: base, count: count), from: start)
    }

    /// How many of the word's bytes, from its first (lowest: the text's first) one, are
    /// ASCII digits: 0…8.
    @inline(__always)
    static func leadingDigitCount(_ word: UInt64) -> Int {
        // A digit is 0x30…0x39: high nibble 3, and adding 6 keeps it 3. A byte's carry
        // reaches only later bytes, past the first non-digit, which is all that counts.
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        let threes: UInt64 = 0x3030_3030_3030_3030
        let nonDigits = (word & high ^ threes) | ((word &+ 0x0606_0606_0606_0606) & high ^ threes)
        return nonDigits.trailingZeroBitCount / 8
    }

    /// The value of the word's first `digits` bytes (0…7, all digits) read as a decimal.
    @inline(__always)
    static func value(_ word: UInt64, digits: Int) -> UInt64 {
        guard digits > 0 else { return 0 }
        // The digits' values, moved to the word's top so zero bytes lead: eight digits.
        var lanes = (word &- 0x3030_3030_3030_3030) << UInt64(8 * (8 - digits))
        lanes = (lanes &* 10 &+ (lanes >> 8)) & 0x00FF_00FF_00FF_00FF
        lanes = (lanes &* 100 &+ (lanes >> 16)) & 0x0000_FFFF_0000_FFFF
        return (lanes &* 10000 &+ (lanes >> 32)) & 0xFFFF_FFFF
    }

    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000]
}
