import Testing
@testable import GradDiff

/// The lexer reads the literal after each one early (`LiteralAhead`), so the parser can
/// start loading its constant's slot, and takes that reading when it reaches the
/// literal. A token read that way must be the token a lexer starting right there reads.
struct LiteralAheadTests {
    private func source(_ text: String) -> SourceText { SourceText(name: "", text: text) }

    /// The tokens of `text` up to its end or its first error.
    private func tokens(_ text: String) -> [Token] {
        var lexer = Lexer(source(text))
        var read: [Token] = []
        while let token = try? lexer.next(), token.kind != .end { read.append(token) }
        return read
    }

    @Test func theLiteralAheadIsNotADigitOfAName() {
        let text = source("x1 + y_2*3.25 - θ4")
        let ahead = text.bytes.withUnsafeBufferPointer { LiteralAhead.after(0, in: $0) }
        #expect(ahead.start == 9 && ahead.end == 13 && ahead.value == 3.25)
        let none = text.bytes.withUnsafeBufferPointer { LiteralAhead.after(13, in: $0) }
        #expect(none.start == -1)
    }

    @Test func aLiteralBeyondTheWindowIsNotReadAhead() {
        let text = "1" + String(repeating: " ", count: LiteralAhead.window) + "+ 2"
        let ahead = source(text).bytes.withUnsafeBufferPointer { LiteralAhead.after(1, in: $0) }
        #expect(ahead.start == -1)
        #expect(tokens(text).filter { $0.kind == .number }.map(\.number) == [1, 2])
    }

    /// A guess in a comment is read ahead but never taken: the lexer does not stop there.
    @Test func aDigitInACommentIsAGuessNeverTaken() {
        let numbers = tokens("1 # 5 and x9\n 7 * 2e3 + .5").filter { $0.kind == .number }.map(\.number)
        #expect(numbers == [1, 7, 2000, 0.5])
    }

    /// Random texts of literals in every form, names with digits, comments and Unicode:
    /// every token equals the one a fresh lexer (with nothing read ahead) reads at its start.
    @Test func everyTokenIsTheOneAFreshLexerReadsThere() throws {
        var random = SplitMix64(seed: 2026)
        let pieces = ["1.5", "0.618033", "3", ".25", "12345678901234567", "1e3", "2.5E-2", "7.", "0.000001",
                      "x1", "h1_2", "θ2", "w", " ", "  ", "+", "-", "*", "/", "(", ")", ",", "^", "\n",
                      "# 42 comment\n", "1.0000001", "99999999999999999999", "5e999"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 60)) {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
                if random.next() % 3 == 0 { text += " " }
            }
            let lexed = tokens(text)
            for token in lexed {
                var fresh = Lexer(source(text), startingAt: Int(token.span.start))
                let alone = try fresh.next()
                #expect(alone.kind == token.kind && alone.span == token.span, "\(text)")
                #expect(alone.number.bitPattern == token.number.bitPattern, "\(text) at \(token.span.start)")
            }
        }
    }
}
