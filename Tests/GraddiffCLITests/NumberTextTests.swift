import Foundation
import Testing

/// Numbers in and out of the built binary (issue 14): what `-q` and `--wrt` print reads
/// back as the same double in bc, awk and the shell's printf; -0 keeps its sign where
/// the output promises round-trip text; every table, binding and expression reads
/// numbers with one reader and the same diagnostics.
struct NumberTextTests {
    static let values: [Double] = [1.23456789012345, 2e-7, -1.5e-10, 1e300, .leastNonzeroMagnitude, -1234.5, 0.1, 123456789012345680]

    /// Runs `script` with /bin/sh, `number` as $1.
    func shell(_ script: String, _ number: String) throws -> String {
        try GraddiffProcess.runExecutable("/bin/sh", ["-c", script, "sh", number], environment: ["BC_LINE_LENGTH": "0"]).stdout
    }

    @Test(arguments: values)
    func quietOutputReadsBackInBcAwkAndPrintf(_ value: Double) throws {
        let result = try GraddiffProcess.run(["-q", "x", "x=\(value)"])
        #expect(result.status == 0)
        let printed = String(result.stdout.dropLast())
        #expect(Double(printed)?.bitPattern == value.bitPattern, "\(value) printed as \(printed)")
        // bc prints what it read (without a leading 0 before the point).
        var fromBc = try shell("echo \"$1\" | bc", printed).trimmingCharacters(in: .whitespacesAndNewlines)
        if fromBc.hasPrefix(".") { fromBc = "0" + fromBc } else if fromBc.hasPrefix("-.") { fromBc = "-0" + fromBc.dropFirst() }
        #expect(Double(fromBc)?.bitPattern == value.bitPattern, "bc read \(printed) as \(fromBc)")
        let fromAwk = try shell("echo \"$1\" | awk '{ printf \"%.17g\", $1 + 0 }'", printed)
        #expect(Double(fromAwk)?.bitPattern == value.bitPattern, "awk read \(printed) as \(fromAwk)")
        let fromPrintf = try shell("printf '%.17g' \"$1\"", printed)
        #expect(Double(fromPrintf)?.bitPattern == value.bitPattern, "printf read \(printed) as \(fromPrintf)")
    }

    @Test func wrtLinesAreExactAndPrecisionRoundsThem() throws {
        let exact = try GraddiffProcess.run(["--wrt", "x,y", "x*y", "x=1.23456789012345", "y=2e-7"])
        #expect(exact.stdout == "x 0.0000002\ny 1.23456789012345\n")
        let rounded = try GraddiffProcess.run(["--wrt", "y", "--precision", "3", "x*y", "x=1.23456789012345", "y=2e-7"])
        #expect(rounded.stdout == "y 1.23\n")
        let quiet = try GraddiffProcess.run(["-q", "--precision", "3", "x", "x=2.0001e-7"])
        #expect(quiet.stdout == "0.0000002\n")
        // The table for people keeps its 10 digits.
        let table = try GraddiffProcess.run(["x", "x=1.23456789012345"])
        #expect(table.stdout.contains("1.23456789"))
        #expect(!table.stdout.contains("1.23456789012345"))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let json = try GraddiffProcess.run(["--format", "json", "--", "-x", "x=0"])
        #expect(try GraddiffProcess.json(json.stdout)["value"] != nil)
        #expect(json.stdout.hasPrefix("{\"value\": -0, "), "\(json.stdout)")
        let csv = try GraddiffProcess.run(["--format", "csv", "--", "-x", "x=0"])
        #expect(csv.stdout.hasSuffix("1,,neg,-x,-0,1\n"), "\(csv.stdout)")
        let quiet = try GraddiffProcess.run(["-q", "--", "-x", "x=0"])
        #expect(quiet.stdout == "-0\n")
        let batch = try GraddiffProcess.run(["--batch", "-", "--", "-x"], input: "x\n0\n")
        #expect(batch.stdout == "x,value,d_x\n0,-0,-1\n")
    }

    @Test func aBindingOutOfRangeWarnsAndIsQuotedAsTyped() throws {
        let huge = try GraddiffProcess.run(["-q", "x", "x=1e400"])
        #expect(huge.status == 0)
        #expect(huge.stdout == "inf\n")
        #expect(huge.stderr.contains("binding:1:3: warning: 1e400 is too large for a double and becomes inf"), "\(huge.stderr)")
        #expect(!huge.stderr.contains("given as inf"))
        #expect(try GraddiffProcess.run(["--strict", "x", "x=1e400"]).status == 1)
        let tiny = try GraddiffProcess.run(["-q", "x", "x=1e-400"])
        #expect(tiny.stderr.contains("1e-400 is too small for a double and becomes 0"))
        let divided = try GraddiffProcess.run(["-q", "x", "x=1/0"])
        #expect(divided.stderr.contains("help: its value was given as 1/0"), "\(divided.stderr)")
        let declared = try GraddiffProcess.run(["-q", "w = -1/0; w*2"])
        #expect(declared.stderr.contains("help: its value was given as -1/0"), "\(declared.stderr)")
    }

    @Test func batchRowsReadNumbersLikeTheGrammar() throws {
        let hexadecimal = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\n1,2\n0x10,1\n")
        #expect(hexadecimal.status == 65)
        #expect(hexadecimal.stdout == "x,y,value,d_x,d_y\n1,2,2,2,1\n")
        #expect(hexadecimal.stderr.hasPrefix("<stdin>:3:1: error: hexadecimal numbers are not supported\n 3 | 0x10,1\n   | ^~~~\n"),
                "\(hexadecimal.stderr)")
        let float = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\n1, 0x1p-2\n")
        #expect(float.status == 65)
        #expect(float.stderr.contains("<stdin>:2:4: error: hexadecimal numbers are not supported"))
        let range = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\n1e400,1\n1e-400,1\n")
        #expect(range.status == 0)
        #expect(range.stdout == "x,y,value,d_x,d_y\n1e400,1,inf,1,inf\n1e-400,1,0,1,0\n")
        #expect(range.stderr.contains("<stdin>:2:1: warning: 1e400 is too large for a double and becomes inf"))
        #expect(range.stderr.contains("<stdin>:3:1: warning: 1e-400 is too small for a double and becomes 0"))
        let many = try GraddiffProcess.run(["--batch", "-", "x"], input: "x\n" + String(repeating: "1e999\n", count: 10))
        #expect(many.stderr.components(separatedBy: "warning:").count == 5)
        #expect(many.stderr.contains("warning: 7 more numbers are out of a double's range"))
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("t.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("x,y\n1,2\n".utf8)).write(to: table)
        let batch = try GraddiffProcess.run(["--batch", table.path, "x*y"])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout == "x,y,value,d_x,d_y\n1,2,2,2,1\n")
        let piped = try GraddiffProcess.runExecutable(GraddiffProcess.binary, ["--batch", "-", "x*y"],
                                                      input: Data([0xEF, 0xBB, 0xBF] + Array("x,y\n3,2\n".utf8)))
        #expect(piped.stdout == "x,y,value,d_x,d_y\n3,2,6,2,3\n", "\(piped.stderr)")
        let program = directory.appendingPathComponent("p.gd")
        try Data([0xEF, 0xBB, 0xBF] + Array("x * 2\n".utf8)).write(to: program)
        #expect(try GraddiffProcess.run(["-q", "-f", program.path, "x=3"]).stdout == "6\n")
        let data = directory.appendingPathComponent("d.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("t\n1\n".utf8)).write(to: data)
        let minimized = try GraddiffProcess.run(["minimize", "(w - t)^2", "w=0", "--data", data.path, "--steps", "1", "-q"])
        #expect(minimized.status == 0, "\(minimized.stderr)")
    }

    @Test func minimizeDataReadsNumbersLikeTheGrammar() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("d.csv")
        try "t\n1\n0x10\n".write(to: data, atomically: true, encoding: .utf8)
        let result = try GraddiffProcess.run(["minimize", "(w - t)^2", "w=0", "--data", data.path, "--steps", "1", "-q"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("d.csv:3:1: error: hexadecimal numbers are not supported\n 3 | 0x10\n   | ^~~~\n"),
                "\(result.stderr)")
    }

    @Test func aConstantHasNoGradient() throws {
        // ∂(r^2)/∂2 = r^2·log(r) is nan for a negative residual r: a literal's gradient
        // nobody can use is neither computed nor printed, nor narrated.
        let table = try GraddiffProcess.run(["x^2", "x=-3"])
        #expect(table.stdout == "node  op     expression  value  gradient\nx     var    x              -3        -6\n2     const  2               2\nn2    pow    x^2             9         1\n",
                "\(table.stdout)")
        let json = try GraddiffProcess.run(["--format", "json", "(x - 2*pi)^2", "x=-3"])
        #expect(!json.stdout.contains("nan"), "\(json.stdout)")
        #expect(json.stdout.contains("\"op\": \"const\", \"name\": null, \"text\": \"2\", \"inputs\": [], \"value\": 2, \"grad\": null}"))
        #expect(json.stdout.contains("\"text\": \"2 * pi\", \"inputs\": [1, 2], \"value\": 6.283185307179586, \"grad\": null}"))
        let csv = try GraddiffProcess.run(["--format", "csv", "x^2", "x=-3"])
        #expect(csv.stdout.contains("\n1,,const,2,2,\n"))
        let explained = try GraddiffProcess.run(["--explain", "x^2", "x=-3"])
        #expect(!explained.stdout.contains("nan") && !explained.stdout.contains("2 ←"), "\(explained.stdout)")
        // A declared input keeps its gradient, negative base or not.
        let declared = try GraddiffProcess.run(["--wrt", "w", "w = 2; x^w", "x=-3"])
        #expect(declared.stdout == "w nan\n")
        // A constant at a kink needs no convention: --kink error has nothing to refuse.
        let kink = try GraddiffProcess.run(["--kink", "error", "-q", "x * abs(0) + x", "x=1"])
        #expect(kink.status == 0, "\(kink.stderr)")
    }
}
