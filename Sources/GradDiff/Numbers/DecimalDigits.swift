/// Writing unsigned integers as decimal digits, eight at a time: the digit loop under
/// every number graddiff prints. Eight digits are made at once in the bytes of one
/// 64-bit word (split into halves of four, quarters of two, then single digits, each
/// step a multiplication and a shift on all lanes together), which assumes a
/// little-endian processor, as x86-64 and arm64 are.
enum DecimalDigits {
    /// How many decimal digits `value` has (1 for 0).
    @inline(__always)
    static func count(_ value: UInt64) -> Int {
        if value < 10 { return 1 }
        let bits = 64 - (value | 1).leadingZeroBitCount
        let guess = (bits &* 1233) >> 12  // floor(bits · log10(2)), one too small at most
        return guess + (value >= powersOfTen[guess] ? 1 : 0)
    }

    /// 10^0 … 10^19.
    static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000,
        1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// Writes the last `digits` decimal digits of `value` at `pointer`, exactly `digits`
    /// bytes (`digits` at least `count(value)` gives every digit, with leading zeros if
    /// more).
    @inline(__always)
    static func write(_ value: UInt64, count digits: Int, to pointer: UnsafeMutablePointer<UInt8>) {
        var rest = value
        var end = digits
        while end > 8 {
            let (quotient, low) = rest.quotientAndRemainder(dividingBy: 100_000_000)
            rest = quotient
            end -= 8
            UnsafeMutableRawPointer(pointer + end).storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: low)), as: UInt64.self)
        }
        // The last `end` (1 to 8) digits of what is left, the first of them lowest in the word.
        var word = eightDigits(UInt32(truncatingIfNeeded: rest % 100_000_000)) >> UInt64((8 - end) * 8)
        for index in 0..<end {
            pointer[index] = UInt8(truncatingIfNeeded: word)
            word >>= 8
        }
    }

    /// The eight digits of `value` (below 10^8, zero-padded) as ASCII bytes in a word,
    /// the first digit in the lowest byte.
    @inline(__always)
    static func eightDigits(_ value: UInt32) -> UInt64 {
        // Two lanes of 32 bits: the high and low four digits (high ones in the low lane).
        let high = value / 10_000
        let fours = UInt64(high) | UInt64(value &- high &* 10_000) << 32
        // Four lanes of 16 bits: pairs of digits (x / 100 as x · 10486 >> 20, for x < 10^4).
        let hundreds = ((fours &* 10_486) >> 20) & 0x0000_007F_0000_007F
        let pairs = hundreds | (fours &- 100 &* hundreds) << 16
        // Eight lanes of 8 bits: single digits (x / 10 as x · 103 >> 10, for x < 100).
        let tens = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
        let singles = tens | (pairs &- 10 &* tens) << 8
        return singles &+ 0x3030_3030_3030_3030
    }
}
