import Foundation
import Testing

/// Input nobody should write but somebody will pipe in: each case either works or fails
/// with a clear message and a documented exit status, never a signal, and within the
/// memory bound the man page states (LIMITS): 64 MB plus 40 bytes per byte of input.
/// The big cases run the release binary (built here once, into `.build-release`): the
/// debug build takes a minute where the release one takes seconds. How long each took is
/// printed, not asserted; speed targets live in `graddiff-bench`.
@Suite(.serialized) struct HostileInputTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var kilobytes: Int
        var seconds: Double
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The release binary: `$GRADDIFF_RELEASE_BIN`, or built from this checkout.
    static let releaseBinary: Result<String, BuildFailure> = {
        if let path = ProcessInfo.processInfo.environment["GRADDIFF_RELEASE_BIN"] { return .success(path) }
        let scratch = root.appendingPathComponent(".build-release").path
        guard let build = try? GraddiffProcess.runExecutable("/usr/bin/env", [
            "swift", "build", "-c", "release", "--product", "graddiff", "--package-path", root.path, "--scratch-path", scratch,
        ]), build.status == 0 else { return .failure(BuildFailure()) }
        return .success(scratch + "/release/graddiff")
    }()

    struct BuildFailure: Error {}

    /// Runs the release binary on `input` (written to a file and read with -f, or with
    /// `piped` fed on standard input: a session), under GNU time for the peak resident
    /// memory.
    func run(_ input: [UInt8], _ arguments: [String] = [], piped: Bool = false, maximumKilobytes: Int? = nil,
             maximumErrorBytes: Int = 64 * 1024) throws -> Outcome {
        let binary = try Self.releaseBinary.get()
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.gd")
        try Data(input).write(to: file)
        let report = directory.appendingPathComponent("time")
        let started = Date()
        let result = try GraddiffProcess.runExecutable("/usr/bin/time", [
            "-f", "%M", "-o", report.path, binary] + (piped ? [] : ["-f", file.path]) + arguments,
            input: piped ? Data(input) : nil)
        let seconds = Date().timeIntervalSince(started)
        let kilobytes = Int(try String(contentsOf: report, encoding: .utf8)
            .split(separator: "\n").last.map(String.init) ?? "") ?? -1
        print("hostile input of \(input.count) bytes: status \(result.status), \(kilobytes) KB, \(String(format: "%.2f", seconds)) s")
        let outcome = Outcome(status: result.status, stdout: result.stdout, stderr: result.stderr,
                              kilobytes: kilobytes, seconds: seconds)
        #expect(outcome.kilobytes > 0)
        #expect(outcome.kilobytes <= maximumKilobytes ?? (64 * 1024 + 40 * input.count / 1024), "memory beyond the documented bound")
        #expect(result.stderr.count < maximumErrorBytes, "a diagnostic should not repeat the input")
        #expect([0, 1, 65].contains(result.status), "status \(result.status): \(result.stderr.prefix(500))")
        return outcome
    }

    func text(_ string: String) -> [UInt8] { Array(string.utf8) }

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

    @Test func aHundredThousandStatements() throws {
        let statements = (0..<100_000).map { "s\($0) = x * \($0)" }.joined(separator: "\n")
        let outcome = try run(text(statements + "\ns99999 + s1\n"), ["-q", "x=1"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("100000\n"))
        #expect(outcome.stderr.contains("more steps are not used by the output"))
    }

    @Test func aFunctionCalledAHundredThousandTimesInAChain() throws {
        let depth = 100_000
        let program = "f(a) = a + 1\n" + String(repeating: "f(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n"
        let outcome = try run(text(program), ["-q", "--wrt", "x", "x=0"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "1\n")
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

    @Test func aHundredThousandChainedDefinitions() throws {
        // f_i calls f_(i-1): each definition costs its own text, the call 10^5 nodes.
        let count = 100_000
        let definitions = (1..<count).map { "f\($0)(a) = f\($0 - 1)(a) + 1" }.joined(separator: "\n")
        let outcome = try run(text("f0(a) = a\n" + definitions + "\nf\(count - 1)(x)\n"), ["-q", "x=1"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "\(count)\n")
    }

    @Test func callsNestedAHundredThousandDeepInABody() throws {
        let depth = 100_000
        let program = "f(a) = a + 1\ng(a) = " + String(repeating: "f(", count: depth) + "a" + String(repeating: ")", count: depth) + "\ng(x)\n"
        let outcome = try run(text(program), ["-q", "--wrt", "x", "x=0"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "1\n")
    }

    @Test func twentyThousandVariablesWithoutValues() throws {
        let sum = (0..<20_000).map { "x\($0)*x\($0 + 1)" }.joined(separator: "+")
        let outcome = try run(text(sum))
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("no values for the variables 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7' and 19993 more"))
        #expect(outcome.stderr.count < 2_000, "\(outcome.stderr.prefix(500))")
    }

    @Test func maxNodesStopsARunawayExpansion() throws {
        // Each function doubles the graph: f30 would need 2^30 nodes. Defining them is
        // quick; the call stops at the limit as it expands.
        // (sin and cos of every path differ, so hash-consing cannot share them).
        var lines = ["f0(a) = a"]
        for level in 1...30 { lines.append("f\(level)(a) = f\(level - 1)(sin(a)) * f\(level - 1)(cos(a))") }
        lines.append("f30(x)")
        // Memory follows the nodes expanded, which --max-nodes bounds (LIMITS: about 40
        // bytes each; 100 allowed here).
        let outcome = try run(text(lines.joined(separator: "\n")), ["--max-nodes", "100000", "x=1"],
                              maximumKilobytes: 64 * 1024 + 100_000 * 100 / 1024)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("100000"))
    }

    /// User functions whose calls merge or multiply (issue 14). The work of expanding
    /// calls is counted (each body node visited, each call made), not only the nodes it
    /// adds, against --max-nodes; so each shape ends with status 65 and the limit named,
    /// under the 1 GB the man page promises (LIMITS), whatever it would have cost.
    struct ExpansionShape: Sendable, CustomTestStringConvertible {
        var name: String
        var program: String
        var bindings: [String]
        var testDescription: String { name }

        static let diamond = "f0(a, b) = a*b\n" + (1...59).map { "f\($0)(a, b) = f\($0 - 1)(f\($0 - 1)(a, b), f\($0 - 1)(b, a))" }
            .joined(separator: "\n")
        static let all: [ExpansionShape] = [
            // Calls that meet again: each level's calls share arguments with the last's.
            ExpansionShape(name: "diamond", program: diamond + "\nf59(x, y)\n", bindings: ["x=1", "y=2"]),
            // Calls that never meet: every argument is a new node, so the graph doubles.
            ExpansionShape(name: "doubling", program: "f0(a) = a\n"
                + (1...59).map { "f\($0)(a) = f\($0 - 1)(a*2) + f\($0 - 1)(a*3)" }.joined(separator: "\n") + "\nf59(x)\n",
                bindings: ["x=1"]),
            // Eight parameters, each level doubling on new argument nodes: long memo keys.
            ExpansionShape(name: "eight parameters", program: "f0(p1, p2, p3, p4, p5, p6, p7, p8) = p1*p2 + p3*p4 + p5*p6 + p7*p8\n"
                + (1...40).map { "f\($0)(p1, p2, p3, p4, p5, p6, p7, p8) = f\($0 - 1)(p2, p3, p4, p5, p6, p7, p8, p1*2) "
                    + "* f\($0 - 1)(p8, p1, p2, p3, p4, p5, p6, p7*3)" }
                    .joined(separator: "\n") + "\nf40(x1, x2, x3, x4, x5, x6, x7, x8)\n",
                bindings: (1...8).map { "x\($0)=1" }),
            // A large body called again and again on new arguments.
            ExpansionShape(name: "large body", program: "g0(a) = " + (1...2000).map { "a*\($0).5" }.joined(separator: " + ") + "\n"
                + (1...40).map { "g\($0)(a) = g\($0 - 1)(a + 1) - g\($0 - 1)(a - 1)" }.joined(separator: "\n") + "\ng40(x)\n",
                bindings: ["x=1"]),
            // The same runaway call in 200 statements: the count is the program's, not a call's.
            ExpansionShape(name: "repeated", program: diamond + "\n" + (1...200).map { "y\($0) = f59(x, y) + \($0)" }.joined(separator: "\n") + "\n",
                bindings: ["x=1", "y=2"]),
        ]
    }

    @Test(arguments: ExpansionShape.all)
    func aRunawayExpansionEndsWithinTheLimits(_ shape: ExpansionShape) throws {
        let outcome = try run(text(shape.program), shape.bindings, maximumKilobytes: 1024 * 1024)
        #expect(outcome.status == 65, "\(outcome.stderr.prefix(500))")
        #expect(outcome.stderr.contains("20000000"), "\(outcome.stderr.prefix(500))")
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

    @Test func callsThatMeetAgainCostTheirDistinctCalls() throws {
        // 2^100000 calls as written; 10^5 distinct ones, each a node.
        let program = "f0(a) = a\n" + (1...100_000).map { "f\($0)(a) = f\($0 - 1)(a) * f\($0 - 1)(a)" }.joined(separator: "\n")
        let outcome = try run(text(program + "\nf100000(x)\n"), ["-q", "x=1"])
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(500))")
        #expect(outcome.stdout == "1\n")
    }

    /// An endless input: reading stops at the 2 GiB limit with status 66, for a file, a
    /// batch table and a piped session (whose lines are read one by one).
    @Test(arguments: [["-f", "/dev/zero"], ["--batch", "/dev/zero", "x"], ["--keep-going"]])
    func anEndlessInputStopsAtTheLimit(_ arguments: [String]) throws {
        let binary = try Self.releaseBinary.get()
        let script = "exec '\(binary)' \(arguments.map { "'\($0)'" }.joined(separator: " ")) < /dev/zero"
        let started = Date()
        let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
        print("endless input \(arguments): status \(result.status), \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        #expect(result.status == 66, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("larger than 2 GiB, which graddiff does not read"), "\(result.stderr.prefix(300))")
    }

    /// A full disk, simulated by a file size limit (`ulimit -f`, with SIGXFSZ ignored so
    /// that writes fail with EFBIG as they would with ENOSPC): a clear error, status 74,
    /// and no file (finished or temporary) left behind.
    @Test(arguments: [
        ["--render", "out.svg", "(x+y)*z", "x=1", "y=3", "z=-3"],
        ["minimize", "--steps", "300", "--history", "out.csv", "(w-3)^2", "w=0"],
        ["minimize", "--steps", "300", "--plot", "out.svg", "(w-3)^2", "w=0"],
    ])
    func aFullDiskLeavesNoPartialFile(_ arguments: [String]) throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        // Only graddiff runs under the limit; its messages go through a pipe, which has none.
        let script = "cd '\(directory.path)' && trap '' XFSZ && { ulimit -f 1; exec '\(GraddiffProcess.binary)' \(quoted) 2>&1; } | cat; exit ${PIPESTATUS[0]}"
        let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
        #expect(result.status == 74, "\(result.stdout.suffix(300))")
        #expect(result.stdout.contains("cannot write 'out."))
        #expect(result.stdout.contains("File too large"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
