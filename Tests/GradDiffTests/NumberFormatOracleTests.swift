#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import GradDiff

/// `NumberFormat` writes digits itself (Schubfach for the shortest form, the shortest
/// digits rounded for `%.Ng`); these tests hold it to two independent oracles on
/// hundreds of thousands of doubles: Swift's own `Double.description` and C's printf.
/// Seeded, so a failure names a value that fails again.
@Suite struct NumberFormatOracleTests {
    /// What `shortest` promised before it wrote its own digits: `description` without ".0".
    static func described(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }  // the sign reads back
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `%.{digits}g` by printf itself, with `significant`'s whole-number and zero rules.
    static func printed(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let digits = Swift.max(1, Swift.min(digits, 17))
        if value.rounded() == value, Swift.abs(value) < Glibc.pow(10, Double(digits)) { return String(Int64(value)) }
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, "%.\(digits)g", arguments) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The hard cases: every power of two with its neighbours (the asymmetric intervals,
    /// subnormals, the ends of the range), powers of ten and their neighbours, the edges of
    /// the plain-decimal range (1e-4, 2^53), ties, and then random bit patterns, random
    /// decimals and random short decimals (the common output).
    static func values(randomCount: Int) -> [Double] {
        var values: [Double] = [0.1, 0.2, 0.3, 1e-4, 1e-5, 0.015625, 2.5, 1e15, 1e16, 1e21, 1e22, 1e23, 9_007_199_254_740_992,
                                9_007_199_254_740_994, 1.7976931348623157e308, .leastNonzeroMagnitude, .leastNormalMagnitude]
        for exponent in -1074...1023 {
            let power = Double(sign: .plus, exponent: exponent, significand: 1)
            values += [power, power.nextUp, power.nextDown]
        }
        for exponent in -323...308 {
            let power = Double("1e\(exponent)")!
            values += [power, power.nextUp, power.nextDown, 5 * power, 1.5 * power]
        }
        for subnormal in 1...64 { values.append(Double(bitPattern: UInt64(subnormal))) }
        var random = SplitMix64(seed: 0x5EED_F0_0D)
        for _ in 0..<randomCount {
            values.append(Double(bitPattern: random.next()))
            values.append(random.uniform(-1000, 1000))
            values.append(Double(random.below(2_000_001) - 1_000_000) / 1_000)
            values.append(Double(random.below(2_000_000_001)) * 1e-6 * Double(1 + random.below(1_000_000)))
        }
        return values.filter { !$0.isNaN }.flatMap { [$0, -$0] }
    }

    @Test func shortestIsWhatDescriptionPrints() {
        var failures: [String] = []
        for value in Self.values(randomCount: 40_000) where NumberFormat.shortest(value) != Self.described(value) {
            failures.append("\(value.bitPattern): \(NumberFormat.shortest(value)) != \(Self.described(value))")
            if failures.count > 10 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test(arguments: [1, 2, 3, 6, 10, 12, 15, 16, 17])
    func significantIsWhatPrintfPrints(digits: Int) {
        var failures: [String] = []
        for value in Self.values(randomCount: 5_000) where NumberFormat.significant(value, digits: digits) != Self.printed(value, digits: digits) {
            failures.append("\(value.bitPattern): \(NumberFormat.significant(value, digits: digits)) != \(Self.printed(value, digits: digits))")
            if failures.count > 10 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Shortest digits that are exactly halfway between two N-digit numbers: the exact
    /// value decides, so these must not be rounded from the digits (0.125 is exact and
    /// rounds to even, 0.15 is below its decimal and rounds down, 2.675 likewise).
    @Test func halfwayDigitsFollowTheExactValue() {
        for (value, digits, expected) in [(0.125, 2, "0.12"), (0.375, 2, "0.38"), (0.15, 1, "0.1"), (2.675, 3, "2.67"),
                                          (1.005, 3, "1"), (1e23, 1, "1e+23"), (-0.125, 2, "-0.12")] {
            #expect(NumberFormat.significant(value, digits: digits) == expected, "\(value) to \(digits) digits")
        }
    }

    /// The bytes written into a buffer are the string's, and a buffer with a sink hands on
    /// chunks that add up to the whole.
    @Test func bytesInABufferAndThroughASink() {
        var chunks: [[UInt8]] = []
        var buffer = ByteBuffer(chunkSize: 64) { chunks.append(Array($0)) }
        var expected = ""
        for value in Self.values(randomCount: 100) {
            NumberFormat.appendShortest(value, to: &buffer)
            buffer.append(UInt8(ascii: " "))
            buffer.appendInteger(Int(value.bitPattern % 1000) - 500)
            buffer.append("\n")
            buffer.flushIfFull()
            expected += NumberFormat.shortest(value) + " \(Int(value.bitPattern % 1000) - 500)\n"
        }
        buffer.flush()
        #expect(chunks.count > 10)
        #expect(String(decoding: chunks.joined(), as: UTF8.self) == expected)
    }

    /// Integers of every length and sign, around each power of ten, as `String` writes them.
    @Test func integersAsStringWritesThem() {
        var values = [0, 1, -1, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        while power <= Int.max / 10 {
            values += [power - 1, power, power + 1, -power, 1 - power]
            power *= 10
        }
        var generator = SplitMix64(seed: 7)
        values += (0..<1000).map { _ in Int(truncatingIfNeeded: generator.next()) >> Int(generator.next() % 63) }
        var buffer = ByteBuffer()
        for value in values {
            buffer.appendInteger(value)
            buffer.append(UInt8(ascii: ","))
        }
        #expect(buffer.string() == values.map { "\($0)," }.joined())
    }
}
