/// The shortest decimal that reads back as a given double: digits `significand` and
/// exponent `exponent`, meaning significand × 10^exponent, with no trailing zeros in
/// `significand`. Among several shortest decimals it is the one closest to the double
/// (an exact tie goes to the even one), which is what Swift's `description` prints, so
/// `NumberFormat` writes the same digits without building a `String`.
///
/// The algorithm is Schubfach (Raffaello Giulietti, "The Schubfach way to render
/// doubles", 2020), as in the JDK's `DoubleToDecimal`: scale the double and the two
/// ends of its rounding interval by a 126-bit approximation of a power of ten, then
/// pick a decimal with one digit fewer than 17, or 17, inside the interval.
struct ShortestDecimal: Equatable {
    var significand: UInt64
    var exponent: Int

    /// How many decimal digits `significand` has (1 to 17).
    var digitCount: Int { DecimalDigits.count(significand) }

    private static let smallestExponent = -1074  // Q_MIN: a subnormal is c × 2^-1074
    private static let hiddenBit: UInt64 = 1 << 52  // C_MIN

    /// The digits of a finite, nonzero double's magnitude (its sign is ignored).
    init(_ value: Double) {
        let bits = value.bitPattern
        let fraction = bits & (Self.hiddenBit - 1)
        let biasedExponent = Int((bits >> 52) & 0x7FF)
        if biasedExponent != 0 {
            let c = Self.hiddenBit | fraction
            let minusQ = 1075 - biasedExponent
            // An integer below 2^53: its own digits.
            if minusQ > 0, minusQ < 53, (c >> UInt64(minusQ)) << UInt64(minusQ) == c {
                self.init(stripping: c >> UInt64(minusQ), exponent: 0)
                return
            }
            self = Self.schubfach(q: -minusQ, c: c, extraExponent: 0)
        } else if fraction < 3 {
            // The three smallest subnormals need one more digit than the scaling gives.
            self = Self.schubfach(q: Self.smallestExponent, c: 10 * fraction, extraExponent: -1)
        } else {
            self = Self.schubfach(q: Self.smallestExponent, c: fraction, extraExponent: 0)
        }
    }

    init(stripping significand: UInt64, exponent: Int) {
        var s = significand
        var e = exponent
        guard s % 10 == 0, s != 0 else {
            self.significand = s
            self.exponent = e
            return
        }
        // Eight zeros at a time, then four, two, one: a short decimal such as 1.000001
        // arrives as 17 digits, 10 of them zeros.
        while s % 100_000_000 == 0 {
            s /= 100_000_000
            e += 8
        }
        if s % 10_000 == 0 {
            s /= 10_000
            e += 4
        }
        if s % 100 == 0 {
            s /= 100
            e += 2
        }
        if s % 10 == 0 {
            s /= 10
            e += 1
        }
        self.significand = s
        self.exponent = e
    }

    /// The double c × 2^q: its shortest decimal in (c·2^q)'s rounding interval.
    private static func schubfach(q: Int, c: UInt64, extraExponent: Int) -> ShortestDecimal {
        let out: UInt64 = c & 1  // an odd significand excludes the interval's ends
        let cb = c << 2
        let cbr = cb + 2
        let cbl: UInt64
        let k: Int
        if c != hiddenBit || q == smallestExponent {
            cbl = cb - 2
            k = floorLog10Pow2(q)
        } else {
            // A power of two: the interval below is half as wide as the one above.
            cbl = cb - 1
            k = floorLog10ThreeQuartersPow2(q)
        }
        let h = q + floorLog2Pow10(-k) + 2
        let (g1, g0) = PowersOfTen.scaled(k)
        let vb = roundToOdd(g1, g0, cb << UInt64(h))
        let vbl = roundToOdd(g1, g0, cbl << UInt64(h))
        let vbr = roundToOdd(g1, g0, cbr << UInt64(h))
        let s = vb >> 2
        // One digit fewer: s' = floor(s / 10), by a multiplication. (The JDK tries this
        // only from s >= 100, since Java prints at least two digits; Swift prints 5e-324.)
        if s >= 10 {
            let sp10 = 10 * s.multipliedFullWidth(by: 115_292_150_460_684_698 << 4).high
            let tp10 = sp10 + 10
            let upIn = vbl + out <= sp10 << 2
            let wpIn = (tp10 << 2) + out <= vbr
            if upIn != wpIn {
                return ShortestDecimal(stripping: upIn ? sp10 : tp10, exponent: k + extraExponent)
            }
        }
        let t = s + 1
        let uIn = vbl + out <= s << 2
        let wIn = (t << 2) + out <= vbr
        if uIn != wIn {
            return ShortestDecimal(stripping: uIn ? s : t, exponent: k + extraExponent)
        }
        // Both in the interval: the closer one, the even one on a tie.
        let comparison = Int64(bitPattern: vb) - Int64(bitPattern: (s + t) << 1)
        let closer = comparison < 0 || (comparison == 0 && s & 1 == 0) ? s : t
        return ShortestDecimal(stripping: closer, exponent: k + extraExponent)
    }

    /// (g × cp) / 2^127 rounded to odd, g = g1·2^63 + g0 (the scaled power of ten).
    @inline(__always)
    private static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
        let x1 = g0.multipliedFullWidth(by: cp).high
        let (y1, y0) = g1.multipliedFullWidth(by: cp)
        let z = (y0 >> 1) &+ x1
        let vbp = y1 &+ (z >> 63)
        let mask: UInt64 = (1 << 63) - 1
        return vbp | (((z & mask) &+ mask) >> 63)
    }

    /// floor(e · log10(2)), exact for |e| <= 5456721.
    static func floorLog10Pow2(_ e: Int) -> Int { (e &* 661_971_961_083) >> 41 }

    /// floor(log10(3/4 · 2^e)), exact for |e| <= 1500 or so (checked for the doubles).
    static func floorLog10ThreeQuartersPow2(_ e: Int) -> Int { (e &* 661_971_961_083 &- 274_743_187_321) >> 41 }

    /// floor(e · log2(10)), exact for |e| <= 1650 or so (checked for the doubles).
    static func floorLog2Pow10(_ e: Int) -> Int { (e &* 913_124_641_741) >> 38 }
}
