/// The powers of ten that `ShortestDecimal` scales by: for k in -324...292,
///
///     g(k) = floor(10^-k · 2^(125 - floor(-k · log2(10)))) + 1,
///
/// a 126-bit number (2^125 <= g < 2^126) split into its high and low 63 bits. The table
/// is computed from this definition with exact integer arithmetic the first time a
/// number that is not a small integer is printed (about 600 steps of multiplying or
/// dividing a 1,100-bit number by 10), instead of being pasted in as 1,234 constants.
enum PowersOfTen {
    static let smallestK = -324
    static let largestK = 292

    /// g(k) as (high 63 bits, low 63 bits).
    @inline(__always)
    static func scaled(_ k: Int) -> (UInt64, UInt64) {
        let index = 2 * (k - smallestK)
        return table.withUnsafeBufferPointer { ($0[index], $0[index + 1]) }
    }

    /// g(k) for every k, high and low halves interleaved.
    private static let table: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 2 * (largestK - smallestK + 1))
        func store(_ k: Int, _ g: (high: UInt64, low: UInt64)) {
            // g = floor(...) + 1, then split at bit 63.
            let low = g.low &+ 1
            let high = g.high &+ (low == 0 ? 1 : 0)
            table[2 * (k - smallestK)] = high << 1 | low >> 63
            table[2 * (k - smallestK) + 1] = low & ((1 << 63) - 1)
        }
        // 10^n for n = 0...324 (k = -n): its top 126 bits, and its bit length for below.
        var power = BigNumber(words: 18, value: 1)
        var bitLengths: [Int] = []
        for n in 0...(-smallestK) {
            if n > 0 { power.multiply(by: 10) }
            let length = power.bitLength
            bitLengths.append(length)
            store(-n, power.bits126(endingAt: length))
        }
        // floor(2^M / 10^k) for k = 1...292: the 126 bits that end at bit 125 + bitLength(10^k).
        let m = 125 + bitLengths[largestK]
        var quotient = BigNumber(words: 18, value: 0)
        quotient.setBit(m)
        for k in 1...largestK {
            quotient.divide(by: 10)
            store(k, quotient.bits126(endingAt: m + 1 - bitLengths[k]))
        }
        return table
    }()
}

/// A fixed-width unsigned integer, little-endian 64-bit words: just enough arithmetic
/// to build the table above.
struct BigNumber {
    var words: [UInt64]

    init(words count: Int, value: UInt64) {
        words = [UInt64](repeating: 0, count: count)
        words[0] = value
    }

    var bitLength: Int {
        for index in stride(from: words.count - 1, through: 0, by: -1) where words[index] != 0 {
            return index * 64 + 64 - words[index].leadingZeroBitCount
        }
        return 0
    }

    mutating func setBit(_ bit: Int) {
        words[bit / 64] |= 1 << UInt64(bit % 64)
    }

    mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for index in words.indices {
            let (high, low) = words[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            words[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
    }

    mutating func divide(by divisor: UInt64) {
        var remainder: UInt64 = 0
        for index in stride(from: words.count - 1, through: 0, by: -1) {
            let (quotient, rest) = divisor.dividingFullWidth((remainder, words[index]))
            words[index] = quotient
            remainder = rest
        }
    }

    /// The number's bits [end - 126, end) as (high 62 bits, low 64 bits), zeros shifted
    /// in below bit 0: floor(self / 2^(end - 126)).
    func bits126(endingAt end: Int) -> (high: UInt64, low: UInt64) {
        func bit64(from start: Int) -> UInt64 {
            // The 64 bits from bit `start` on (zeros below bit 0 and above the top).
            if start < 0 { return start > -64 ? words[0] << UInt64(-start) : 0 }
            let (index, shift) = (start / 64, UInt64(start % 64))
            let low = index < words.count ? words[index] >> shift : 0
            let high = shift > 0 && index + 1 < words.count ? words[index + 1] << (64 - shift) : 0
            return low | high
        }
        let start = end - 126
        return (bit64(from: start + 64) & ((1 << 62) - 1), bit64(from: start))
    }
}
