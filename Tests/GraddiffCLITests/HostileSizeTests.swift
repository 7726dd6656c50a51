import Foundation
import Testing

extension HostileInputTests {
    /// Sheer size: a 100 MB expression, a million nested parentheses, ten million terms,
    /// a million-character name, 10^5 statements (from a file or piped into a session) and a
    /// batch table of 200,000 columns.
    @Suite struct HostileSizeTests {
        @Test func aHundredMegabyteExpression() throws {
            let terms = 100_000_000 / 6
            var bytes = [UInt8]()
            bytes.reserveCapacity(terms * 6)
            for index in 0..<terms { bytes += index == 0 ? text("1.5*x") : text("+1.5*x") }
            let outcome = try run(bytes, ["-q", "--wrt", "x", "x=1"])
            #expect(outcome.status == 0)
            #expect(Double(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == 1.5 * Double(terms))
        }

        @Test func aMillionNestedParentheses() throws {
            let depth = 1_000_000
            let outcome = try run([UInt8](repeating: 0x28, count: depth) + text("x") + [UInt8](repeating: 0x29, count: depth),
                                  ["-q", "x=2"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "2\n")
        }

        @Test func aTenMillionTermSum() throws {
            let terms = 10_000_000
            var bytes = text("x")
            bytes.reserveCapacity(terms * 2)
            for _ in 1..<terms { bytes += text("+x") }
            let outcome = try run(bytes, ["-q", "--wrt", "x", "x=1"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "10000000\n")
        }

        @Test func aMillionCharacterIdentifier() throws {
            let name = String(repeating: "a", count: 1_000_000)
            let outcome = try run(text("\(name) = 2\n\(name) * 3\n"), ["-q"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "6\n")
        }

        @Test func aHundredThousandStatements() throws {
            let statements = (0..<100_000).map { "s\($0) = x * \($0)" }.joined(separator: "\n")
            let outcome = try run(text(statements + "\ns99999 + s1\n"), ["-q", "x=1"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout.hasSuffix("100000\n"))
            #expect(outcome.stderr.contains("more steps are not used by the output"))
        }

        @Test func aHundredThousandStatementsAndExpressionsPipedIntoASession() throws {
            // Each entry is parsed into the session in place, and each expression's table
            // visits only its own nodes: the 10^5th entry costs what the first did.
            let statements = (0..<100_000).map { "s\($0) = x * \($0)" }.joined(separator: "\n")
            let expressions = (0..<100_000).map { "s\($0) + 1" }.joined(separator: "\n")
            let outcome = try run(text("x = 1\n" + statements + "\n" + expressions + "\n"), ["--format", "csv"], piped: true)
            #expect(outcome.status == 0)
            #expect(outcome.stdout.hasSuffix(",add,s99999 + 1,100000,1\n"), "\(outcome.stdout.suffix(200))")
            #expect(outcome.stdout.components(separatedBy: "id,name,op").count == 100_001)
            // Failed entries are taken back at the cost of the entry, not of the session.
            // Some fail after defining and calling a function (their note texts go too).
            let failures = (0..<2_000).map { "w\($0) = )\nq * \($0)\ng(a) = a*x + \($0); g(x); q" }.joined(separator: "\n")
            let failing = try run(text("x = 1\n" + statements + "\nq = r + 1\n" + failures + "\ns5 + 1\n"),
                                  ["--format", "csv", "--keep-going"], piped: true, maximumErrorBytes: 4 << 20)
            #expect(failing.status == 65)
            #expect(failing.stdout.hasSuffix(",add,s5 + 1,6,1\n"))
            #expect(failing.stderr.components(separatedBy: "error:").count == 6_001)
        }

        @Test func aBatchTableOfTwoHundredThousandColumns() throws {
            let count = 200_000
            let directory = try GraddiffProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let expression = directory.appendingPathComponent("sum.gd")
            let sum = Array((0..<count).map { "x\($0)" }.joined(separator: "+").utf8)
            try Data(sum).write(to: expression)
            let header = (0..<count).map { "x\($0)" }.joined(separator: ",")
            let row = Array(repeating: "1", count: count).joined(separator: ",")
            let table = text(header + "\n" + row + "\n")
            // The documented bound counts both inputs, the program and the table.
            let bound = 64 * 1024 + 40 * (table.count + sum.count) / 1024
            let outcome = try run(table, ["-f", expression.path, "--batch", "-"], piped: true, maximumKilobytes: bound)
            #expect(outcome.status == 0)
            // The inputs, the value, then every gradient.
            #expect(outcome.stdout.contains(",1,\(count),1,1,"))
            // A header whose every column names no variable: one error names eight of the
            // variables left without a value and counts the rest, found quickly.
            let wrong = try run(text(header.replacingOccurrences(of: "x", with: "y") + "\n" + row + "\n"),
                                ["-f", expression.path, "--batch", "-"], piped: true, maximumKilobytes: bound)
            #expect(wrong.status == 65)
            #expect(wrong.stderr.contains("error: no values for the variables 'x0', 'x1'"), "\(wrong.stderr.prefix(500))")
            #expect(wrong.stderr.contains("and 199992 more"))
            // Every column no name: all carried, and the first near miss of the variable left
            // without a value is named, found quickly.
            let invalid = try run(text(header.replacingOccurrences(of: "x", with: "2") + "\n" + row + "\n"),
                                  ["--batch", "-", "x0"], piped: true, maximumKilobytes: bound)
            #expect(invalid.status == 65)
            #expect(invalid.stderr.contains("the column '20' is not a variable of the expression, and 'x0' has no value"),
                    "\(invalid.stderr.prefix(500))")
            // Every column repeated: eight errors and a count.
            let repeated = try run(text(Array(repeating: "x0", count: count).joined(separator: ",") + "\n" + row + "\n"),
                                   ["--batch", "-", "x0"], piped: true, maximumKilobytes: bound)
            #expect(repeated.status == 65)
            #expect(repeated.stderr.contains("199991 more columns have such problems"), "\(repeated.stderr.prefix(500))")
        }
    }
}
