import Testing
@testable import GradDiff

/// Groups and calls written again are taken from `GroupMemo` instead of read again: the
/// program must come out exactly as reading everything makes it (every node, input,
/// span and constant, the steps' names, the notes and the warnings), on random
/// programs made of repeated groups with every kind of effect among them.
struct GroupMemoTests {
    /// A program whose statements repeat a few random groups in random wrappers.
    static func program(seed: UInt64) -> String {
        var generator = ExpressionGenerator(seed: seed)
        var random = SplitMix64(seed: seed ^ 0x5EED)
        // Each piece is at least 24 bytes once parenthesized, with effects mixed in:
        // overflowing literals warn, a user function expands, vectors make tensor nodes,
        // randn draws numbers.
        var pieces = (0..<4).map { _ in "(\(generator.expression(depth: 3)) + 0.123456789)" }
        pieces += ["(f(x, y) * 2.5 + 0.000001234)", "(1e999 * x + y * 0.7654321)", "(sum([x, y, 3]) * 0.33333333)",
                   "(sum(randn(2)) + x * 0.123456789)", "tanh(0.618033*x - 0.236066*y + 0.854099*z)"]
        var statements = ["f(a, b) = a * b + sin(a) * 0.1234567"]
        for index in 0..<6 {
            var terms: [String] = []
            for _ in 0..<(2 + random.below(5)) {
                let piece = pieces[random.below(pieces.count)]
                switch random.below(5) {
                case 0: terms.append(piece)
                case 1: terms.append("sin(\(piece))")
                case 2: terms.append("\(piece) * \(pieces[random.below(pieces.count)])")
                case 3: terms.append("-\(piece)")
                default: terms.append("(\(piece) - x)")
                }
            }
            // Reassigning x changes what the same text means in later statements.
            statements.append(index == 3 ? "x = x * 2 + 0.5" : "s\(index) = " + terms.joined(separator: " + "))
        }
        return statements.joined(separator: "\n")
    }

    static func parse(_ text: String, remembering: Bool) throws -> Program {
        var program = Program(source: SourceText(name: "p", bytes: []))
        program.prepareTensors(bindings: [], seed: 7)
        program.context.builder.remembersGroups = remembering
        try ProgramParser.parse(SourceText(name: "p", text: text), into: &program)
        return program
    }

    @Test func readingAGroupOnceMakesTheSameProgram() throws {
        for index in 0..<300 {
            let text = Self.program(seed: 0x6E0 &+ UInt64(index))
            let read = try Self.parse(text, remembering: false)
            let remembered = try Self.parse(text, remembering: true)
            let (a, b) = (read.tape, remembered.tape)
            #expect(a.ops == b.ops && a.first == b.first && a.second == b.second, "\(text)")
            #expect(a.spans == b.spans && a.constants.map(\.bitPattern) == b.constants.map(\.bitPattern), "\(text)")
            #expect(a.variableNames == b.variableNames && a.stepNames == b.stepNames, "\(text)")
            #expect((0..<a.count).map { a.note(of: NodeID($0)) } == (0..<b.count).map { b.note(of: NodeID($0)) }, "\(text)")
            #expect(read.warnings == remembered.warnings && read.output == remembered.output, "\(text)")
            #expect(read.tensors.count == remembered.tensors.count, "\(text)")
        }
    }

    /// The memo does take repeated groups: a sum of 2,000 copies of one call reads the call once.
    @Test func aRepeatedCallIsReadOnce() throws {
        let call = "tanh(0.618033*x - 0.236066*y + 0.854099*z - 0.090165)"
        let text = (0..<2_000).map { "\(Double($0)) * \(call)" }.joined(separator: " + ")
        let remembered = try Self.parse(text, remembering: true)
        let read = try Self.parse(text, remembering: false)
        #expect(remembered.tape.ops == read.tape.ops && remembered.tape.spans == read.tape.spans)
        var parser = try Parser(source: SourceText(name: "p", text: text))
        _ = try parser.parseOperand()
        #expect(parser.lexer.offset == text.utf8.count)
        #expect(parser.groupMemo.hits == 1_999)
    }
}
