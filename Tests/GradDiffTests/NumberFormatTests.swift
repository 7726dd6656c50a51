import Testing
@testable import GradDiff

/// What graddiff prints must be exactly what it computed: the round-trip forms read back
/// as the same double, sign of zero included, and the plain form for scripts has no
/// exponent for bc to misread.
struct NumberFormatTests {
    /// Doubles from random bit patterns (every exponent, subnormals, both signs), seeded.
    static func randomDoubles(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        var result: [Double] = []
        while result.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = Double(bitPattern: state ^ (state >> 29))
            if value.isFinite { result.append(value) }
        }
        return result
    }

    /// The digits of a decimal's mantissa without leading or trailing zeros: 1.2300e-5 → 123.
    static func significantDigits(_ text: String) -> String {
        let digits = text.split(separator: "e")[0].filter(\.isNumber)
        return String(String(digits.drop { $0 == "0" }.reversed()).drop { $0 == "0" }.reversed())
    }

    @Test func plainTextReadsBackAsTheSameDouble() {
        let values = Self.randomDoubles(count: 20_000, seed: 14)
            + [0, -0.0, 1, -1, 0.1, 2e-7, 1e300, 1e-300, .leastNonzeroMagnitude, -.leastNormalMagnitude,
               .greatestFiniteMagnitude, 1.2345678901234568e20, 1.23456789012345, 0.30000000000000004]
        for value in values {
            let text = NumberFormat.plain(value)
            #expect(Double(text)?.bitPattern == value.bitPattern, "\(value) printed as \(text)")
            #expect(!text.contains("e") && !text.contains("E") && !text.hasPrefix("+") && !text.hasPrefix("."),
                    "\(text) is not plain decimal")
            // The same significant digits as the shortest round-trip form, no more.
            #expect(Self.significantDigits(text) == Self.significantDigits(NumberFormat.shortest(value)), "\(text) for \(value)")
        }
    }

    @Test func plainTextAtAChosenPrecision() {
        for value in Self.randomDoubles(count: 5_000, seed: 15) {
            for digits in [1, 3, 10, 17] {
                let text = NumberFormat.plain(value, significantDigits: digits)
                let rounded = NumberFormat.significant(value, digits: digits)
                #expect(Double(text) == Double(rounded), "\(value) at \(digits) digits: \(text), not \(rounded)")
                #expect(!text.contains("e"))
            }
        }
        #expect(NumberFormat.plain(2.0000001e-7, significantDigits: 3) == "0.0000002")
        #expect(NumberFormat.plain(-1234.5678, significantDigits: 2) == "-1200")
        #expect(NumberFormat.plain(0.99999, significantDigits: 2) == "1")
    }

    @Test func examples() {
        #expect(NumberFormat.plain(2e-7) == "0.0000002")
        #expect(NumberFormat.plain(1.23456789012345) == "1.23456789012345")
        #expect(NumberFormat.plain(-1e21) == "-1000000000000000000000")
        #expect(NumberFormat.plain(-0.0) == "-0")
        #expect(NumberFormat.plain(.nan) == "nan")
        #expect(NumberFormat.plain(-.infinity) == "-inf")
        #expect(NumberFormat.plain(.leastNonzeroMagnitude).count == 326)
    }

    @Test func negativeZeroKeepsItsSign() throws {
        #expect(NumberFormat.shortest(-0.0) == "-0")
        #expect(NumberFormat.shortest(0.0) == "0")
        let evaluation = try evaluate("-x", "x=0")
        let json = JSONFormatter.render(evaluation.result, OutputOptions())
        #expect(json.hasPrefix("{\"value\": -0, "), "\(json)")
        let csv = DelimitedFormatter.csv(evaluation.result)
        #expect(csv.hasSuffix("1,,neg,-x,-0,1\n"), "\(csv)")
        // Tables for people keep printing 0.
        #expect(NumberFormat.significant(-0.0, digits: 10) == "0")
    }

    @Test func scriptNumbersAreExactUnlessAPrecisionIsChosen() {
        #expect(OutputOptions().scriptNumber(1.23456789012345) == "1.23456789012345")
        #expect(OutputOptions(precision: 3).scriptNumber(1.23456789012345) == "1.23")
        var options = OutputOptions()
        options.precision = 4
        #expect(options.scriptNumber(2.000001e-7) == "0.0000002")
    }
}
