/// Turns source bytes into tokens, one at a time, on demand: a 100 MB expression is
/// never held as an array of tokens.
///
/// Identifiers are letters (Unicode letters too: `θ`, `η`, `π`), digits and `_`, not
/// starting with a digit. Numbers are `3`, `1.5`, `.5`, `1e-3`, `2E+10`. `#` starts a
/// comment to the end of the line.
struct Lexer: Sendable {
    let source: SourceText
    /// Where the next token's blanks start.
    private(set) var offset = 0
    /// Problems that do not stop lexing (a number that overflows to inf): the first few.
    private(set) var warnings: [Diagnostic] = []
    /// How many more there were: 10^5 literals of 1e999 warn three times and count the rest.
    private(set) var unshownWarnings = 0
    static let shownWarnings = 3
    /// The plain literal after the last one read, read early so the parser can start
    /// loading where its constant will be looked up (`readLiteralAhead`); none (value 0)
    /// after a literal the full reader reads.
    var ahead = LiteralAhead()

    /// A lexer reading `source` from byte `offset` on.
    init(_ source: SourceText, startingAt offset: Int = 0) {
        self.source = source
        self.offset = offset
    }

    /// Continues from byte `offset` (past text the parser has already read once).
    mutating func skip(to offset: Int) {
        self.offset = offset
    }

    mutating func next() throws(UserError) -> Token {
        skipBlanksAndComments()
        let bytes = source.bytes
        let start = offset
        guard offset < bytes.count else { return Token(.end, span(start)) }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "+"): return Token(.plus, span(start))
        case UInt8(ascii: "-"): return Token(.minus, span(start))
        case UInt8(ascii: "/"): return Token(.slash, span(start))
        case UInt8(ascii: "^"): return Token(.power, span(start))
        case UInt8(ascii: "("): return Token(.leftParen, span(start))
        case UInt8(ascii: ")"): return Token(.rightParen, span(start))
        case UInt8(ascii: ","): return Token(.comma, span(start))
        case UInt8(ascii: "["): return Token(.leftBracket, span(start))
        case UInt8(ascii: "]"): return Token(.rightBracket, span(start))
        case UInt8(ascii: "@"): return Token(.at, span(start))
        case UInt8(ascii: "="): return Token(.equals, span(start))
        case UInt8(ascii: ";"): return Token(.semicolon, span(start))
        case UInt8(ascii: "\n"):
            // A CRLF line ends where its CR is: "found the end of the line" at the column after the text.
            let lineEnd = start > 0 && source.bytes[start - 1] == UInt8(ascii: "\r") ? start - 1 : start
            return Token(.newline, SourceSpan(start: lineEnd, end: offset))
        case UInt8(ascii: "*"):
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "*") {
                offset += 1
                return Token(.power, span(start))
            }
            return Token(.star, span(start))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
            offset = start
            return try number()
        default:
            // An ASCII name (nearly every one) is read here with no call (and no
            // retain of the text's storage); the rest of Unicode out of line.
            if byte < 0x80, Self.isNameByte(byte, continuing: false) {
                while offset < bytes.count, bytes[offset] < 0x80, Self.isNameByte(bytes[offset], continuing: true) {
                    offset += 1
                }
                if offset < bytes.count, bytes[offset] >= 0x80 { return try nameBeyondASCII(from: start) }
                return Token(.identifier, span(start))
            }
            return try tokenBeyondASCII(at: start)
        }
    }

    /// A token starting with a byte that starts no ASCII token: `ᵀ`, a name starting
    /// with a Unicode letter, or an error.
    @inline(never)
    private mutating func tokenBeyondASCII(at start: Int) throws(UserError) -> Token {
        if source.bytes[start] == 0xE1, isTransposeMark(at: start) {
            offset = start + 3
            return Token(.transpose, span(start))
        }
        offset = start
        guard let scalarLength = identifierStartLength(at: start) else { throw unexpectedCharacter(at: start) }
        offset += scalarLength
        return try nameBeyondASCII(from: start)
    }

    /// The rest of the name starting at `start`, from `offset` on, which may hold
    /// Unicode letters and digits (and be followed by a superscript, an error).
    @inline(never)
    private mutating func nameBeyondASCII(from start: Int) throws(UserError) -> Token {
        let bytes = source.bytes
        while offset < bytes.count {
            // ASCII without decoding: a letter, digit or `_` continues, the rest ends it.
            let next = bytes[offset]
            if next < 0x80 {
                guard Self.isNameByte(next, continuing: true) else { break }
                offset += 1
            } else if let length = identifierContinueLength(at: offset) {
                offset += length
            } else {
                break
            }
        }
        if offset < bytes.count, bytes[offset] >= 0x80, let error = superscriptAfter(start) { throw error }
        return Token(.identifier, span(start))
    }

    /// The token after the next one would start here; used by the parser to look one
    /// token ahead without consuming it.
    func peek() throws(UserError) -> Token {
        var copy = self
        return try copy.next()
    }

    /// Whether the next token is `(`, when its first byte says so without copying the
    /// lexer (a name followed by `(` is a call, asked at every name of a large
    /// expression); nil when only lexing the token can tell, since it may be an error
    /// that `peek()` reports.
    func nextIsLeftParen() -> Bool? {
        let bytes = source.bytes
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\r") {
            index += 1
        }
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "("):
            return true
        // Tokens of one or two bytes that cannot be errors, and a comment (up to a newline).
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "^"),
             UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "@"), UInt8(ascii: "\n"), UInt8(ascii: "#"):
            return false
        default:
            return nil
        }
    }

    func span(_ start: Int) -> SourceSpan {
        SourceSpan(start: start, end: offset)
    }

    /// Reads the text through `source.bytes` at each step, holding no copy of it across
    /// the comment's call: a copy held there costs a retain and a release on every token.
    @inline(__always)
    private mutating func skipBlanksAndComments() {
        while offset < source.bytes.count {
            switch source.bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "#"):
                skipComment()
            default:
                return
            }
        }
    }

    /// Skips a comment to the end of its line, warning first when it reads as a version label.
    @inline(never)
    private mutating func skipComment() {
        if offset > 0, Self.continuesName(source.bytes[offset - 1]) { warnAboutVersionLabel() }
        let bytes = source.bytes
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
    }

    /// A number token, read as batch rows and data tables read numbers: a plain literal
    /// by `PlainDecimal.leading`, anything else by `NumberReader`; a number out of a
    /// double's range warns.
    private mutating func number() throws(UserError) -> Token {
        let start = offset
        // Read already, as the literal after the last one: `PlainDecimal.leading` of the same bytes.
        if start == ahead.start {
            let value = ahead.value
            offset = ahead.end
            readLiteralAhead()
            return Token(.number, span(start), number: value)
        }
        // The commonest literal in one pass, without the full reader's closure (which copies the lexer).
        if let (value, end) = source.bytes.withUnsafeBufferPointer({ PlainDecimal.leading($0, from: start) }) {
            offset = end
            readLiteralAhead()
            return Token(.number, span(start), number: value)
        }
        ahead = LiteralAhead()
        let outcome = NumberReader.scan(source.bytes, from: start) { identifierContinueLength(at: $0) != nil }
        offset = outcome.end
        switch outcome {
        case .number(let value, _):
            return Token(.number, span(start), number: value)
        case .tooLarge:
            warn(.warning(.numberTooLarge(source.text(of: span(start))), at: span(start)))
            return Token(.number, span(start), number: .infinity)
        case .tooSmall:
            warn(.warning(.numberTooSmall(source.text(of: span(start))), at: span(start)))
            return Token(.number, span(start), number: 0)
        case .hexadecimal:
            throw UserError(.error(.hexadecimalNumber, at: span(start)), in: source)
        case .noDigitAfterPoint:
            throw UserError(.error(.digitAfterPoint, at: span(start)), in: source)
        case .exponentWithoutDigits:
            throw UserError(.error(.exponentWithoutDigits, at: span(start)), in: source)
        }
    }

    /// `c#2 * 10`: a table's label of a version, typed into an expression, where '#'
    /// starts a comment and silently leaves `c` alone. Said when a digit follows.
    private mutating func warnAboutVersionLabel() {
        let bytes = source.bytes
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] &- UInt8(ascii: "0") < 10 }
        guard isDigit(offset + 1) else { return }
        var start = offset
        while start > 0, Self.continuesName(bytes[start - 1]) { start -= 1 }
        var end = offset + 1
        while isDigit(end) { end += 1 }
        let label = SourceSpan(start: start, end: end)
        warn(.warning(.versionLabelInExpression(source.text(of: label), name: source.text(of: SourceSpan(start: start, end: offset))),
                      at: label))
    }

    /// A byte that may continue a name: an ASCII one `isNameByte` takes, or one of a
    /// non-ASCII name (θ).
    private static func continuesName(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isNameByte(byte, continuing: true)
    }

    private mutating func warn(_ warning: Diagnostic) {
        if warnings.count < Self.shownWarnings { warnings.append(warning) } else { unshownWarnings += 1 }
    }
}
