import Testing
@testable import GradDiff

/// One number reader (`NumberReader`) for expressions, bindings, batch rows and
/// `minimize --data`: the same text is the same number, or the same problem, everywhere.
struct NumberReaderTests {
    /// How a text reads as a table field and as an expression literal: a value, or the
    /// problem (`hexadecimal`, `notANumber`; in an expression, an error).
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var value: Double?
        var warns = false
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(text: "1.5", value: 1.5), Case(text: ".5", value: 0.5), Case(text: "5.", value: 5),
        Case(text: "1e-3", value: 0.001), Case(text: "2E+10", value: 2e10), Case(text: "0", value: 0),
        Case(text: "4.9e-324", value: Double.leastNonzeroMagnitude),
        Case(text: "1e400", value: .infinity, warns: true), Case(text: "1e-400", value: 0, warns: true),
        Case(text: "0x10", value: nil), Case(text: "0x1p-2", value: nil), Case(text: "0X1", value: nil),
        Case(text: "1_0", value: nil), Case(text: "1\u{0}2", value: nil), Case(text: "1e", value: nil),
        Case(text: "1e+", value: nil), Case(text: ".", value: nil), Case(text: "1.2.3", value: nil),
        Case(text: "1 2", value: nil),
    ]

    @Test(arguments: cases)
    func aFieldReadsLikeALiteral(_ example: Case) throws {
        let field = NumberReader.field(Substring(example.text))
        #expect(field.value.map { isClose($0, example.value ?? .nan, relative: 0) } ?? (example.value == nil),
                "the field \(example.text.debugDescription) read as \(field)")
        switch field {
        case .tooLarge, .tooSmall: #expect(example.warns)
        default: #expect(!example.warns)
        }
        // As a binding's value: the same number with the same warning, or an error.
        do {
            let binding = try Binding.parse("x=" + example.text)
            #expect(example.value.map { isClose(binding.value, $0, relative: 0) } == true,
                    "the binding x=\(example.text.debugDescription) read as \(binding.value)")
            #expect(binding.warnings.isEmpty == !example.warns)
        } catch {
            #expect(example.value == nil, "the binding x=\(example.text.debugDescription) failed: \(error.diagnostics[0].diagnostic.message)")
        }
    }

    @Test func signsAndWordsOnlyInFields() {
        #expect(NumberReader.field("-2e-3") == .number(-0.002))
        #expect(NumberReader.field("+4") == .number(4))
        #expect(NumberReader.field("-1e400") == .tooLarge(-.infinity))
        #expect(NumberReader.field("-0").value.map { $0 == 0 && $0.sign == .minus } == true)
        #expect(NumberReader.field("-Infinity") == .number(-.infinity))
        #expect(NumberReader.field("NaN").value?.isNaN == true)
        for text in ["", "-", "--1", "+-1", "nan1", "x1", "1,5", " 1"] {
            #expect(NumberReader.field(Substring(text)) == .notANumber, "\(text.debugDescription)")
        }
    }

    @Test func theLexerStopsBeforeANameStartingWithE() throws {
        // `2exp(x)` is 2 then exp(x) (an operator is missing); `2e` alone has no exponent.
        let missing = userErrors { _ = try parseProgram("2exp(x)") }
        #expect(missing.first?.diagnostic.message == "expected an operator before 'exp'")
        let exponent = userErrors { _ = try parseProgram("2e + x") }
        #expect(exponent.first?.diagnostic.message == "the exponent of this number has no digits")
    }

    @Test func aRowWithHexadecimalIsRefusedAtItsField() throws {
        let fields = DelimitedText.fields(of: "1, 0x10", delimiter: ",")
        do {
            try DelimitedText.readNumbers(fields, columns: 2) { _, _ in }
            Issue.record("0x10 was read as a number")
        } catch {
            #expect(error.message == "hexadecimal numbers are not supported")
            #expect(error.field == 1)
            let located = error.located(in: "1, 0x10", lineNumber: 7, name: "t.csv", delimiter: ",")
            let rendered = DiagnosticRenderer(useColor: false).render(located)
            #expect(rendered.hasPrefix("t.csv:7:4: error: hexadecimal numbers are not supported\n 7 | 1, 0x10\n   |    ^~~~\n"),
                    "\(rendered)")
        }
    }

    @Test func aRowOutOfRangeWarnsAtItsField() throws {
        var read: [Double] = []
        let warnings = try DelimitedText.readNumbers(DelimitedText.fields(of: "1e400,2,1e-999", delimiter: ","), columns: 3) { _, value in
            read.append(value)
        }
        #expect(read == [.infinity, 2, 0])
        #expect(warnings.map(\.message) == ["1e400 is too large for a double and becomes inf",
                                            "1e-999 is too small for a double and becomes 0"])
        #expect(warnings.map(\.field) == [0, 2])
    }

    @Test func aDataTableLocatesItsRowsAndSkipsNothingElse() throws {
        let table = try DataTable.parse(SourceText(name: "d.csv", text: "x,y\n1,2\n1e400,3\n"))
        #expect(table.warnings.map(\.diagnostic.message) == ["1e400 is too large for a double and becomes inf"])
        let errors = userErrors { _ = try DataTable.parse(SourceText(name: "d.csv", text: "x,y\n1,2\n3,0x1p-2\n")) }
        #expect(errors.count == 1)
        let rendered = errors.map(DiagnosticRenderer(useColor: false).render).joined()
        #expect(rendered.hasPrefix("d.csv:3:3: error: hexadecimal numbers are not supported\n 3 | 3,0x1p-2\n   |   ^~~~~~\n"), "\(rendered)")
    }

    @Test func manyLiteralsOutOfRangeWarnThreeTimesAndCountTheRest() throws {
        let program = try parseProgram("1e999 + 2e999 + 1e-999 + 4e999 + 5e999 + x")
        #expect(program.warnings.map(\.message) == [
            "1e999 is too large for a double and becomes inf", "2e999 is too large for a double and becomes inf",
            "1e-999 is too small for a double and becomes 0", "2 more numbers are out of a double's range",
        ])
    }

    @Test func manyWarningsAreCounted() {
        var warnings = RowWarnings()
        let shown = (0..<10).compactMap { _ in warnings.add(LocatedDiagnostic(.warning("w"), in: nil)) }
        #expect(shown.count == RowWarnings.shownCount)
        #expect(warnings.summary?.diagnostic.message == "7 more numbers are out of a double's range")
    }

    /// The lexer's one-pass reading of `digits[.digits]` gives what the exact reader gives
    /// for the same text, ends where that text ends, and declines everything else
    /// (exponents, `0x`, a second point, too many digits) to the full reader.
    @Test func oneParseDecimalsAgreeWithTheExactReader() {
        var generator = SplitMix64(seed: 0xDEC)
        // The second makes long runs of digits, next to the bytes on either side of their
        // range ("/", ":") and bytes that are a digit's plus 0x80.
        let alphabets = [Array("0000123456789....eExX_a+- ".utf8), Array("01234567890123456789.*/:".utf8) + [0xB0, 0xB9]]
        var accepted = 0
        for round in 0..<60_000 {
            let alphabet = alphabets[round % 2]
            let length = 1 + Int(generator.next() % 28)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let start = Int(generator.next() % 3) % length
            bytes.withUnsafeBufferPointer { text in
                guard let (value, end) = PlainDecimal.leading(text, from: start) else { return }
                accepted += 1
                let literal = UnsafeBufferPointer(rebasing: text[start..<end])
                #expect(literal.allSatisfy { $0 == UInt8(ascii: ".") || $0 &- UInt8(ascii: "0") < 10 }, "\(bytes)")
                #expect(end == text.count || !Array(".0123456789eExX".utf8).contains(text[end]), "\(bytes)")
                #expect(PlainDecimal.parse(literal)?.bitPattern == value.bitPattern, "\(bytes)")
                if let described = Double(String(decoding: literal, as: UTF8.self)) {
                    #expect(described.bitPattern == value.bitPattern, "\(bytes)")
                }
            }
        }
        #expect(accepted > 10_000)
        let literal = Array("0.978693*x".utf8)
        #expect(literal.withUnsafeBufferPointer { PlainDecimal.leading($0, from: 0)?.end } == 8)
    }

    /// Reading a word of eight bytes at a time (`EightDigits`, when 16 bytes are readable)
    /// gives what reading a byte at a time gives, for literals of every length of either
    /// part around the word's eight, followed by every kind of byte, with any byte put
    /// anywhere now and then, read from the text's start or a little past it.
    @Test func wordAtATimeDecimalsAgreeWithByteAtATime() {
        var generator = SplitMix64(seed: 0x5EA1)
        let digits = Array("0123456789".utf8)
        let followers = Array(" .eExX*)/:_a".utf8) + [0xB0, 0xFF, 0x00]
        var compared = 0
        for _ in 0..<100_000 {
            var bytes: [UInt8] = []
            let integerLength = Int(generator.next() % 11)
            let fractionLength = Int(generator.next() % 11)
            for _ in 0..<integerLength { bytes.append(digits[Int(generator.next() % 10)]) }
            if generator.next() % 4 != 0 { bytes.append(UInt8(ascii: ".")) }
            for _ in 0..<fractionLength { bytes.append(digits[Int(generator.next() % 10)]) }
            bytes.append(followers[Int(generator.next() % UInt64(followers.count))])
            while bytes.count < 16 + Int(generator.next() % 4) { bytes.append(UInt8(ascii: "9")) }
            // Any byte at any place, a quarter of the time; and a start past a few bytes.
            if generator.next() % 4 == 0 { bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            let start = Int(generator.next() % 3)
            bytes.insert(contentsOf: (0..<start).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, at: 0)
            bytes.withUnsafeBufferPointer { text in
                let word = PlainDecimal.leading(text, from: start)
                let byByte = PlainDecimal.leadingByBytes(text, from: start)
                #expect(word?.value.bitPattern == byByte?.value.bitPattern && word?.end == byByte?.end, "\(bytes)")
                if word != nil { compared += 1 }
            }
        }
        #expect(compared > 30_000)
        #expect(EightDigits.leadingDigitCount(UInt64(littleEndian: 0x3938_3736_3534_3332)) == 8)
        #expect(EightDigits.value(0x3736_3534_3332_3130, digits: 7) == 123_456)
    }
}
