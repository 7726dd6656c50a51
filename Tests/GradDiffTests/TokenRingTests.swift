import Testing
@testable import GradDiff

/// Lexing ahead on a second core (`TokenRing`) changes nothing a parser reads: the same
/// tokens in the same order, however the lexers of a parse copy, peek and go back, and
/// the same programs, warnings and errors from large texts.
struct TokenRingTests {
    /// A token as a lexer gives it, with where the lexer is after it.
    struct Lexed: Equatable {
        var kind: TokenKind
        var start: Int32
        var end: Int32
        var number: UInt64
        var offset: Int
    }

    /// A large text of random tokens in the language: names (Unicode ones, and `ᵀ`),
    /// numbers, operators, comments, newlines; `1e999` (a warning) and `$` (an error)
    /// late in the text when asked.
    static func randomText(bytes: Int, seed: UInt64, warning: Bool = false, error: Bool = false) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        let pieces = ["x", "y1", "θ", "tanh", "(", ")", "+", "-", "*", "/", "^", "**", ",", "[", "]", "@", "Wᵀ",
                      "=", ";", "\n", " ", "  ", "\t", "# a comment\n", "0.978693", "12", ".5", "3.25e-3", "1e5",
                      "0.1234567890123", "123456789", "7.", "_a_b", "a", "z9"]
        var text: [UInt8] = []
        while text.count < bytes {
            text += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
            text.append(UInt8(ascii: " "))
        }
        if warning { text += Array(" 1e999 + 2 ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 1) }
        if error { text += Array(" + $ ".utf8) }
        text += Array(" x + y".utf8)
        return text
    }

    /// Every token of `source` lexed here, up to the end or the first error.
    static func reference(_ source: SourceText) -> [Lexed] {
        var lexer = Lexer(source)
        var tokens: [Lexed] = []
        while let token = try? lexer.next() {
            tokens.append(Lexed(token, lexer))
            if token.kind == .end { break }
        }
        return tokens
    }

    @Test func tokensLexedAheadAreTheTokensLexedHere() {
        for seed in 1...3 as ClosedRange<UInt64> {
            let source = SourceText(name: "ring", bytes: Self.randomText(bytes: 300_000, seed: seed, warning: seed == 2))
            let expected = Self.reference(source)
            let (read, taken) = TokenRing.lexingAhead(source, from: 0) { ring in
                var lexer = Lexer(source, lexedAheadIn: ring)
                var read: [Lexed] = []
                while let token = try? lexer.next() {
                    read.append(Lexed(token, lexer))
                    if token.kind == .end { break }
                }
                return (read, ring?.taken ?? 0)
            }
            #expect(read == expected)
            if Threads.available > 1 { #expect(taken > read.count / 2) }
        }
    }

    /// A reader that peeks (a copy reads on), goes back to a copy made earlier, and
    /// jumps ahead to a copy that read further, as the parser's lexers do.
    @Test func readersThatPeekGoBackAndJumpReadTheSameTokens() {
        let source = SourceText(name: "ring", bytes: Self.randomText(bytes: 300_000, seed: 7))
        let expected = Self.reference(source)
        var generator = SplitMix64(seed: 11)
        let mismatches = TokenRing.lexingAhead(source, from: 0) { ring in
            var lexer = Lexer(source, lexedAheadIn: ring)
            var position = 0
            var mismatches = 0
            func check(_ token: Token?, _ after: Lexer, at index: Int) {
                guard index < expected.count, let token else { return }
                if Lexed(token, after) != expected[index] { mismatches += 1 }
            }
            while position < expected.count - 1 {
                switch generator.next() % 16 {
                case 0:
                    // Peek a few tokens ahead on a copy, then go on with the original.
                    var copy = lexer
                    for ahead in 0..<Int(generator.next() % 4) {
                        let token = try? copy.next()
                        check(token, copy, at: position + ahead)
                    }
                case 1:
                    // Read on, then go back to where we were (further back than the ring keeps, at times).
                    let saved = lexer
                    let distance = Int(generator.next() % 300)
                    for ahead in 0..<distance where position + ahead < expected.count - 1 {
                        let token = try? lexer.next()
                        check(token, lexer, at: position + ahead)
                    }
                    lexer = saved
                case 2:
                    // A copy reads on, and the reader jumps to it.
                    var copy = lexer
                    let distance = Int(generator.next() % 50)
                    var reached = position
                    for _ in 0..<distance where reached < expected.count - 1 {
                        let token = try? copy.next()
                        check(token, copy, at: reached)
                        reached += 1
                    }
                    lexer = copy
                    position = reached
                default:
                    let token = try? lexer.next()
                    check(token, lexer, at: position)
                    position += 1
                }
            }
            return mismatches
        }
        #expect(mismatches == 0)
    }

    /// A parse that stops early (an error at the start) leaves a producer waiting on a
    /// full ring: it must end, and the call return.
    @Test func aReaderThatStopsEarlyEndsTheProducer() {
        let source = SourceText(name: "ring", bytes: Self.randomText(bytes: 400_000, seed: 5))
        for _ in 0..<20 {
            let first = TokenRing.lexingAhead(source, from: 0) { ring in
                var lexer = Lexer(source, lexedAheadIn: ring)
                return try? lexer.next()
            }
            #expect(first?.kind == Self.reference(source).first?.kind)
        }
    }

    /// Large programs: statements, steps, functions, comments, a warning and an error
    /// far into the text: the same program, warnings and diagnostics either way.
    @Test func largeProgramsParseTheSameLexedAheadOrNot() throws {
        var lines = ["f(a, b) = a * tanh(b) + 0.5  # a function", "w = 0.25"]
        var generator = SplitMix64(seed: 3)
        for index in 0..<4000 {
            let constant = Double(generator.next() % 1_000_000) / 1_000_000
            lines.append("p\(index) = f(x\(index % 7), \(constant)) * w + sigmoid(\(constant) * y - θ)  # step \(index)")
        }
        lines.append("big = 1e999 * p3999")
        let program = lines.joined(separator: "\n") + "\np0 + p3999 + big\n"
        #expect(program.utf8.count > TokenRing.minimumBytes)
        func parse(_ text: String, lexingAhead: Bool) -> Result<Program, UserError> {
            var parsed = Program(source: SourceText(name: "big", bytes: []))
            return Result { () throws(UserError) in
                try ProgramParser.parse(SourceText(name: "big", text: text), into: &parsed, lexingAhead: lexingAhead)
                return parsed
            }
        }
        let ahead = try parse(program, lexingAhead: true).get()
        let here = try parse(program, lexingAhead: false).get()
        #expect(ahead.tape.ops == here.tape.ops && ahead.tape.first == here.tape.first && ahead.tape.second == here.tape.second)
        #expect(ahead.tape.spans == here.tape.spans && ahead.tape.constants == here.tape.constants)
        #expect(ahead.tape.variableNames == here.tape.variableNames && ahead.output == here.output)
        #expect(ahead.warnings.map(\.message) == here.warnings.map(\.message))
        #expect(ahead.warnings.map(\.message).contains { $0.contains("1e999") })
        #expect(ahead.tape.count > 10_000)

        let broken = program + "p1 + (p2 * $ x)\n"
        let errorAhead = parse(broken, lexingAhead: true), errorHere = parse(broken, lexingAhead: false)
        guard case .failure(let one) = errorAhead, case .failure(let other) = errorHere else {
            Issue.record("the program with `$` parsed")
            return
        }
        #expect(one.diagnostics.map(\.diagnostic.message) == other.diagnostics.map(\.diagnostic.message))
        #expect(one.diagnostics.map(\.diagnostic.span) == other.diagnostics.map(\.diagnostic.span))
    }
}

extension TokenRingTests.Lexed {
    init(_ token: Token, _ lexer: Lexer) {
        self.init(kind: token.kind, start: token.span.start, end: token.span.end,
                  number: token.number.bitPattern, offset: lexer.offset)
    }
}
