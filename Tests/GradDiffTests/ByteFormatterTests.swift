import Testing
@testable import GradDiff

/// The node table, JSON, CSV and TSV write bytes now; they must print exactly what the
/// string formatters printed (`ReferenceFormatters`), on random expressions and on the
/// programs where the old code had its subtleties: named steps, user functions' notes,
/// names beyond ASCII, texts past the 48-character width, pi and e, nan and inf.
@Suite struct ByteFormatterTests {
    static let programs: [(text: String, bindings: String)] = [
        ("p = x + y; g = p * z", "x=1 y=3 z=-3"),
        ("θ = 2*x; η = θ^2 + sin(θ); η * π - e", "x=0.3"),
        ("naïve = x; naïve * 2 + x", "x=1.5"),
        ("f(a, b) = a*b + sin(a); f(x, y) + f(y, x)", "x=0.5 y=2"),
        ("sqrt(x) + log(x) + 1/x", "x=0"),
        ("x*1e308*10 - x*1e308*10 + -pi*x - e/x", "x=2"),
        ("(x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12)^2 - -(x1 * x2)^(-x3)", """
            x1=1 x2=2 x3=3 x4=4 x5=5 x6=6 x7=7 x8=8 x9=9 x10=10 x11=11 x12=12
            """),
        ("a_very_long_variable_name_number_one * a_very_long_variable_name_number_two + 1e-7", """
            a_very_long_variable_name_number_one=1e-300 a_very_long_variable_name_number_two=123456.789
            """),
        ("s = sigmoid(w1*x + w2*y + b); s = s*s; max(s, 0.5) + min(x, y) + relu(-x) + abs(y)", "x=0.1 y=-0.2 w1=3 w2=4 b=0"),
        // A noted node's own text, wider than its note, does not widen the table's column.
        ("f(a) = a*a; f(sin(cos(y)))", "y=1"),
        // About 60,000 nodes: texts in several segments, made on several threads, reading
        // inputs' texts from earlier segments (θ, x), notes, a name beyond ASCII.
        ("f(a, b) = a*b + sin(a); θ = x + y; " + (0..<6000).map { "f(θ, \($0).5)*cos(x*\($0).25)" }.joined(separator: " + "),
         "x=0.25 y=2"),
    ]

    static func results() throws -> [(name: String, result: PassResult)] {
        var results: [(String, PassResult)] = []
        for (text, bindings) in programs {
            results.append((text, try evaluate(text, bindings).result))
        }
        for index in 0..<60 {
            var generator = ExpressionGenerator(seed: 0xB17E5 &+ UInt64(index))
            let text = generator.expression(depth: 6)
            let point = generator.point()
            let bindings = point.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            results.append((text, try evaluate(text, bindings).result))
        }
        return results
    }

    /// The eight-at-a-time test for bytes JSON must escape agrees with a byte-by-byte one,
    /// wherever the byte sits and whatever surrounds it (bytes next to the special ones).
    @Test func escapingTestAgreesWithBytes() {
        var generator = SplitMix64(seed: 0x5EED)
        let interesting: [UInt8] = [0, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ in
                generator.next() % 4 == 0 ? interesting[Int(generator.next() % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: generator.next() | 0x40)
            }
            let naive = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            #expect(bytes.withUnsafeBufferPointer { JSONFormatter.needsEscaping($0) } == naive, "\(bytes)")
        }
    }

    /// Widths read eight bytes at a time agree with decoding the text and counting its columns.
    @Test func widthsAgreeWithBytes() {
        var generator = SplitMix64(seed: 0x3D7)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next() % 8 == 0 ? generator.next() | 0x80 : generator.next() & 0x7F) }
            let columns = TerminalColumns.width(of: String(decoding: bytes, as: UTF8.self))
            bytes.withUnsafeBufferPointer { bytes in
                #expect(TextWidth.isASCII(bytes) == bytes.allSatisfy { $0 < 0x80 }, "\(Array(bytes))")
                #expect(TextWidth.columns(bytes) == columns, "\(Array(bytes))")
            }
        }
    }

    @Test func jsonCSVAndTSVAreUnchanged() throws {
        for (name, result) in try Self.results() {
            for wrt in [nil, ["y", "x"]] as [[String]?] {
                let options = OutputOptions(wrt: wrt)
                #expect(JSONFormatter.render(result, options) == ReferenceFormatters.json(result, options), "\(name)")
            }
            #expect(DelimitedFormatter.csv(result) == ReferenceFormatters.delimited(result, tabs: false), "\(name)")
            #expect(DelimitedFormatter.tsv(result) == ReferenceFormatters.delimited(result, tabs: true), "\(name)")
        }
    }

    @Test(arguments: [1, 3, 10, 17])
    func tableIsUnchanged(precision: Int) throws {
        for (name, result) in try Self.results() {
            for useColor in [false, true] {
                let options = OutputOptions(precision: precision, useColor: useColor)
                #expect(TableFormatter.render(result, options) == ReferenceFormatters.table(result, options), "\(name)")
            }
        }
    }

    /// `--nodes inputs` lists the variables' entries exactly as `all` does, and `none` an
    /// empty list; the value and gradient stay.
    @Test func jsonNodeSelection() throws {
        let result = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3").result
        var options = OutputOptions()
        options.nodes = .inputs
        #expect(JSONFormatter.render(result, options) == """
            {"value": -12, "gradient": {"x": -3, "y": -3, "z": 4}, "nodes": [\
            {"id": 0, "op": "var", "name": "x", "text": "x", "inputs": [], "value": 1, "grad": -3}, \
            {"id": 1, "op": "var", "name": "y", "text": "y", "inputs": [], "value": 3, "grad": -3}, \
            {"id": 3, "op": "var", "name": "z", "text": "z", "inputs": [], "value": -3, "grad": 4}]}

            """)
        options.nodes = .none
        #expect(JSONFormatter.render(result, options) == "{\"value\": -12, \"gradient\": {\"x\": -3, \"y\": -3, \"z\": 4}, \"nodes\": []}\n")
    }
}
