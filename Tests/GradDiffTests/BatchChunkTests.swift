import Testing
@testable import GradDiff

/// Batch rows read as bytes, a chunk at a time: they must print and fail exactly as the
/// row-by-row string path does, whatever the rows hold.
struct BatchChunkTests {
    static func evaluator(_ program: String, header: String, delimiter: Character = ",") throws -> BatchEvaluator {
        let names = DelimitedText.fields(of: Substring(header), delimiter: delimiter).map(String.init)
        return try BatchEvaluator(program: parseProgram(program), bindings: [], header: names,
                                  headerSource: SourceText(name: "table", text: header), delimiter: delimiter, outputName: nil)
    }

    /// What the string path makes of `lines`: the output, and (line, message) of each failure.
    static func rowByRow(_ evaluator: BatchEvaluator, _ lines: [String], stopAtFailure: Bool) -> (String, [(Int, String)]) {
        var evaluator = evaluator
        var output = ""
        var failures: [(Int, String)] = []
        for (line, text) in lines.enumerated() {
            if text.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" && evaluator.delimiter != "\t" }) { continue }
            do throws(DelimitedText.RowError) {
                try evaluator.evaluate(fields: DelimitedText.fields(of: Substring(text), delimiter: evaluator.delimiter), into: &output)
            } catch {
                failures.append((line, error.message))
                if stopAtFailure { break }
            }
        }
        return (output, failures)
    }

    static func chunked(_ evaluator: BatchEvaluator, _ lines: [String], stopAtFailure: Bool) -> (String, [(Int, String)], Int) {
        var evaluator = evaluator
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let result = bytes.withUnsafeBufferPointer { evaluator.evaluate(chunk: $0, stopAtFailure: stopAtFailure) }
        return (String(decoding: result.output, as: UTF8.self), result.failures.map { ($0.line, $0.error.message) }, result.lines)
    }

    static let awkwardRows = [
        "1,2", "  3 ,\t4", "\"5\",\"6\"", "7,8\r", "", "   ", "nan,1", "-inf,+2", "1e3,-0", "0.1,.5", "1.,2e-3",
        "1,2,3", "x,1", "1", "θ,1", "1_000,2", "0x10,1", "1e400,1e-400", "12345678901234567890123,1", "-,+", "1e,2",
        "\"\",1", " \" 7 \" ,8", "9,10",
    ]

    @Test(arguments: [true, false])
    func chunksPrintAndFailAsRowsDo(stopAtFailure: Bool) throws {
        let batch = try Self.evaluator("x * y + sin(x) - y^2", header: "x,y")
        let (expected, expectedFailures) = Self.rowByRow(batch, Self.awkwardRows, stopAtFailure: stopAtFailure)
        let (output, failures, lines) = Self.chunked(batch, Self.awkwardRows, stopAtFailure: stopAtFailure)
        #expect(output == expected)
        #expect(failures.map(\.0) == expectedFailures.map(\.0))
        #expect(failures.map(\.1) == expectedFailures.map(\.1))
        #expect(lines == (stopAtFailure ? expectedFailures[0].0 + 1 : Self.awkwardRows.count))
    }

    @Test func tabSeparatedChunks() throws {
        let batch = try Self.evaluator("a / b", header: "a\tb", delimiter: "\t")
        let rows = ["1\t2", "3\t\t4", " 5 \t 6 ", "\t", "7\t0", "-7\t0", "0\t0"]
        let (expected, expectedFailures) = Self.rowByRow(batch, rows, stopAtFailure: false)
        let (output, failures, _) = Self.chunked(batch, rows, stopAtFailure: false)
        #expect(output == expected)
        #expect(failures.map(\.0) == expectedFailures.map(\.0))
    }

    /// Main's layouts (table, numbers, JSON Lines), `--wrt` and carried columns: the
    /// byte path copies a carried column as it is and writes the gradients asked for.
    @Test(arguments: [BatchEvaluator.Layout.table, .numbers, .jsonLines], [nil, ["y"], ["y", "x"]] as [[String]?])
    func layoutsPrintAsRowsDo(layout: BatchEvaluator.Layout, wrt: [String]?) throws {
        let header = "id,x,y,note"
        let names = DelimitedText.fields(of: Substring(header), delimiter: ",").map(String.init)
        let batch = try BatchEvaluator(program: parseProgram("x * y + exp(x)"), bindings: [], header: names,
                                       headerSource: SourceText(name: "table", text: header), delimiter: ",", outputName: nil,
                                       wrt: wrt, layout: layout)
        let rows = ["a1,1,2,first", "7,3,4,8.5", " \"q\" ,0.5, -1 ,\"x,y\"", "b,nan,1,", "c,x,1,z", "d,1,2", "é,1,2,ü", "e,1e3,2,",
                    // Quoted fields the byte path reads ("a2", "5"), and ones it leaves to the string path.
                    "\"a2\",\"5\", 6 ,\"\"", "\" s \",1,2,\"t\"\"u\""]
        let (expected, expectedFailures) = Self.rowByRow(batch, rows, stopAtFailure: false)
        let (output, failures, _) = Self.chunked(batch, rows, stopAtFailure: false)
        #expect(output == expected)
        #expect(failures.map(\.0) == expectedFailures.map(\.0))
        #expect(failures.map(\.1) == expectedFailures.map(\.1))
        // Eight rows print (a quoted "x,y" is one field); c (x is no number) and d (a field short) fail.
        #expect(expected.split(separator: "\n").count == 8, "\(expected)")
    }

    /// Plain decimals read from bytes are the doubles `Double(text)` reads, bit for bit;
    /// anything the fast path declines is left to the full reader.
    @Test func plainDecimalsReadAsDoubleDoes() {
        var random = SplitMix64(seed: 0xDEC1_4A1)
        var texts = ["0", "-0", "+0", "1", "-1", ".5", "5.", "0.1", "0.30000000000000004", "9007199254740993",
                     "1e22", "1e23", "1e-22", "4.9e-324", "123456789012345678", "1234567890123456789", "00012.5000",
                     "2.5e+3", "7E-2", "1e0009", "1e", "e1", ".", "-", "+.", "1.2.3", "1e+", "--1", "1 ", " 1"]
        for _ in 0..<20_000 {
            let digits = 1 + random.below(18)
            var text = random.below(3) == 0 ? "-" : ""
            for index in 0..<digits {
                if index == random.below(digits + 1) { text += "." }
                text += String(random.below(10))
            }
            if random.below(3) == 0 { text += "e" + (random.below(2) == 0 ? "-" : "") + String(random.below(30)) }
            texts.append(text)
        }
        for text in texts {
            let bytes = Array(text.utf8)
            guard let fast = bytes.withUnsafeBufferPointer({ PlainDecimal.parse($0) }) else { continue }
            #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        #expect(texts.filter { text in Array(text.utf8).withUnsafeBufferPointer { PlainDecimal.parse($0) } != nil }.count > 10_000, "the fast path reads most of them")
    }
}
