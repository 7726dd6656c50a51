/// Turns source bytes into tokens, one at a time, on demand: a 100 MB expression is
/// never held as an array of tokens.
///
/// Identifiers are letters (Unicode letters too: `θ`, `η`, `π`), digits and `_`, not
/// starting with a digit. Numbers are `3`, `1.5`, `.5`, `1e-3`, `2E+10`. `#` starts a
/// comment to the end of the line.
struct Lexer: Sendable {
    let source: SourceText
    private var offset = 0
    /// Problems that do not stop lexing (a number that overflows to inf): the first few.
    private(set) var warnings: [Diagnostic] = []
    /// How many more there were: 10^5 literals of 1e999 warn three times and count the rest.
    private(set) var unshownWarnings = 0
    static let shownWarnings = 3

    /// A lexer reading `source` from byte `offset` on.
    init(_ source: SourceText, startingAt offset: Int = 0) {
        self.source = source
        self.offset = offset
    }

    mutating func next() throws(UserError) -> Token {
        let bytes = source.bytes
        skipBlanksAndComments()
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
        case UInt8(ascii: "\n"): return Token(.newline, span(start))
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
            if byte == 0xE1, isTransposeMark(at: start) {
                offset = start + 3
                return Token(.transpose, span(start))
            }
            offset = start
            if let scalarLength = identifierStartLength(at: start) {
                offset += scalarLength
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
                if let error = superscriptAfter(start) { throw error }
                return Token(.identifier, span(start))
            }
            throw unexpectedCharacter(at: start)
        }
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

    private func span(_ start: Int) -> SourceSpan {
        SourceSpan(start: start, end: offset)
    }

    private mutating func skipBlanksAndComments() {
        let bytes = source.bytes
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "#"):
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            default:
                return
            }
        }
    }

    /// A number token, read by the one number reader (`NumberReader`) that batch rows
    /// and data tables share; a number out of a double's range warns.
    private mutating func number() throws(UserError) -> Token {
        let start = offset
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

    private mutating func warn(_ warning: Diagnostic) {
        if warnings.count < Self.shownWarnings { warnings.append(warning) } else { unshownWarnings += 1 }
    }

    /// `x²` written for `x^2`: the superscripts after the name that ends here, as an
    /// error that gives the power as graddiff writes it.
    private func superscriptAfter(_ start: Int) -> UserError? {
        // Superscripts are not ASCII: the usual byte after a name says no at once.
        guard offset < source.bytes.count, source.bytes[offset] >= 0x80 else { return nil }
        var end = offset
        var exponent = ""
        while end < source.bytes.count, let (scalar, length) = decodeScalar(at: end), let plain = Self.superscript(scalar) {
            exponent.append(plain)
            end += length
        }
        guard !exponent.isEmpty else { return nil }
        let name = source.text(of: span(start))
        return UserError(.error(.superscriptPower(String(source.text(of: SourceSpan(start: offset, end: end))),
                                                  after: name, exponent: exponent),
                                at: SourceSpan(start: offset, end: end)), in: source)
    }

    /// The digit or sign a superscript stands for (`²` is 2, `⁻` is -), or nil.
    static func superscript(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x00B2: return "2"
        case 0x00B3: return "3"
        case 0x00B9: return "1"
        case 0x2070: return "0"
        case 0x2074...0x2079: return Character(Unicode.Scalar(scalar.value - 0x2074 + 0x34)!)
        case 0x207A: return "+"
        case 0x207B: return "-"
        default: return nil
        }
    }

    private func unexpectedCharacter(at start: Int) -> UserError {
        guard let (scalar, length) = decodeScalar(at: start) else {
            return UserError(.error(.invalidUTF8, at: SourceSpan(start: start, end: start + 1)), in: source)
        }
        let where_ = SourceSpan(start: start, end: start + length)
        let shown = scalar.properties.generalCategory == .control
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
        return UserError(.error(.unexpectedCharacter(shown, scalar), at: where_), in: source)
    }

    /// Decodes the Unicode scalar starting at `index`, or nil for invalid UTF-8.
    func decodeScalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let bytes = source.bytes
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return nil
    }

    /// Whether `ᵀ` (U+1D40, UTF-8 E1 B5 80), the transpose mark, starts at `index`: it
    /// ends a name (`Wᵀ` is W transposed).
    @inline(__always)
    private func isTransposeMark(at index: Int) -> Bool {
        let bytes = source.bytes
        return index + 2 < bytes.count && bytes[index] == 0xE1 && bytes[index + 1] == 0xB5 && bytes[index + 2] == 0x80
    }

    private func identifierStartLength(at index: Int) -> Int? {
        guard index < source.bytes.count else { return nil }
        let byte = source.bytes[index]
        if byte < 0x80 { return Self.isNameByte(byte, continuing: false) ? 1 : nil }
        if byte == 0xE1, isTransposeMark(at: index) { return nil }
        guard let (scalar, length) = decodeScalar(at: index), scalar.properties.isAlphabetic else { return nil }
        return length
    }

    /// Whether ASCII `byte` starts a name (a letter or `_`) or, `continuing` one, also a digit.
    private static func isNameByte(_ byte: UInt8, continuing: Bool) -> Bool {
        let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        return isLetter || byte == UInt8(ascii: "_") || (continuing && byte &- UInt8(ascii: "0") < 10)
    }

    private func identifierContinueLength(at index: Int) -> Int? {
        guard index < source.bytes.count else { return nil }
        let byte = source.bytes[index]
        if byte < 0x80 { return Self.isNameByte(byte, continuing: true) ? 1 : nil }
        if let length = identifierStartLength(at: index) { return length }
        guard byte >= 0x80, let (scalar, length) = decodeScalar(at: index),
            scalar.properties.numericType != nil, Self.superscript(scalar) == nil
        else { return nil }
        return length
    }
}
