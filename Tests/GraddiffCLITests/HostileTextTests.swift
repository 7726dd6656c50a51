import Foundation
import Testing

extension HostileInputTests {
    /// Text that is not what it should be: invalid UTF-8, a NUL byte, a huge name in an
    /// error, numbers out of a double's range, thousands of variables without values.
    @Suite struct HostileTextTests {
        @Test func invalidUTF8IsRefusedWithItsPlace() throws {
            let outcome = try run([0x78, 0x2B, 0xFF, 0xFE, 0x2A, 0x79], ["x=1", "y=2"])
            #expect(outcome.status == 65)
            #expect(outcome.stderr.contains("UTF-8"))
        }

        @Test func aNulByteIsRefused() throws {
            let outcome = try run([0x78, 0x2B, 0x00, 0x79], ["x=1", "y=2"])
            #expect(outcome.status == 65)
            #expect(outcome.stderr.contains("NUL"))
        }

        @Test func aMillionCharacterNameInAnError() throws {
            let name = String(repeating: "a", count: 1_000_000)
            let outcome = try run(text("x + \(name)(2)\n"), ["x=1"])
            #expect(outcome.status == 65)
            #expect(outcome.stderr.contains("unknown function 'aaaa"))
            #expect(outcome.stderr.count < 1_000, "\(outcome.stderr.prefix(300))")
        }

        @Test func numbersOutOfRangeWarnAndHexadecimalIsRefused() throws {
            let huge = try run(text("1e999 * x"), ["-q", "x=1"])
            #expect(huge.status == 0)
            #expect(huge.stdout == "inf\n")
            #expect(huge.stderr.contains("1e999 is too large for a double and becomes inf"))
            #expect(try run(text("1e999 * x"), ["--strict", "x=1"]).status == 1)
            let tiny = try run(text("1e-999 + x"), ["-q", "x=1"])
            #expect(tiny.status == 0)
            #expect(tiny.stdout == "1\n")
            #expect(tiny.stderr.contains("becomes 0"))
            let hex = try run(text("0x10 + x"), ["x=1"])
            #expect(hex.status == 65)
            #expect(hex.stderr.contains("hexadecimal numbers are not supported"))
        }

        @Test func aHundredThousandNumbersOutOfRange() throws {
            // Each literal warns, in declarations and in the sum alike: three say it, one line
            // counts the rest, and the inputs they make infinite are counted the same way.
            let count = 100_000
            let program = (0..<count).map { "w\($0) = 1e999" }.joined(separator: "\n") + "\n"
                + (0..<count).map { "w\($0) * 1e-999" }.joined(separator: " + ") + "\n"
            let outcome = try run(text(program), ["-q"])
            #expect(outcome.status == 0)
            #expect(outcome.stderr.contains("more numbers are out of a double's range"))
            #expect(outcome.stderr.contains("more nodes became nan or inf"))
        }

        @Test func twentyThousandVariablesWithoutValues() throws {
            let sum = (0..<20_000).map { "x\($0)*x\($0 + 1)" }.joined(separator: "+")
            let outcome = try run(text(sum))
            #expect(outcome.status == 65)
            #expect(outcome.stderr.contains("no values for the variables 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7' and 19993 more"))
            #expect(outcome.stderr.count < 2_000, "\(outcome.stderr.prefix(500))")
        }
    }
}
