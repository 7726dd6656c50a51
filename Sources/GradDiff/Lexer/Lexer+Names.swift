/// How the lexer tells names from other text beyond ASCII: Unicode letters and digits
/// in names, the transpose mark `ᵀ`, superscript powers (`x²`, an error that says how to
/// write it), and characters that start no token.
extension Lexer {
    /// `x²` written for `x^2`: the superscripts after the name that ends here, as an
    /// error that gives the power as graddiff writes it. The lexer asks only when a
    /// byte of 0x80 or more follows the name: superscripts are not ASCII.
    func superscriptAfter(_ start: Int) -> UserError? {
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

    func unexpectedCharacter(at start: Int) -> UserError {
        guard let (scalar, length) = decodeScalar(at: start) else {
            return UserError(.error(.invalidUTF8, at: SourceSpan(start: start, end: start + 1)), in: source)
        }
        let where_ = SourceSpan(start: start, end: start + length)
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let shown = scalar.properties.generalCategory == .control
            ? "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex : String(scalar)
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
    func isTransposeMark(at index: Int) -> Bool {
        let bytes = source.bytes
        return index + 2 < bytes.count && bytes[index] == 0xE1 && bytes[index + 1] == 0xB5 && bytes[index + 2] == 0x80
    }

    /// The length of the character at `index` if it starts a name. Inlined: an ASCII
    /// letter or `_` (nearly every name) is known without the Unicode checks.
    @inline(__always)
    func identifierStartLength(at index: Int) -> Int? {
        guard index < source.bytes.count else { return nil }
        let byte = source.bytes[index]
        if byte < 0x80 { return Self.isNameByte(byte, continuing: false) ? 1 : nil }
        return letterLength(at: index)
    }

    /// The length of the Unicode letter at `index` (not the transpose mark), or nil.
    private func letterLength(at index: Int) -> Int? {
        if source.bytes[index] == 0xE1, isTransposeMark(at: index) { return nil }
        guard let (scalar, length) = decodeScalar(at: index), scalar.properties.isAlphabetic else { return nil }
        return length
    }

    /// Whether ASCII `byte` starts a name (a letter or `_`) or, `continuing` one, also a digit.
    static func isNameByte(_ byte: UInt8, continuing: Bool) -> Bool {
        let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        return isLetter || byte == UInt8(ascii: "_") || (continuing && byte &- UInt8(ascii: "0") < 10)
    }

    func identifierContinueLength(at index: Int) -> Int? {
        guard index < source.bytes.count else { return nil }
        let byte = source.bytes[index]
        if byte < 0x80 { return Self.isNameByte(byte, continuing: true) ? 1 : nil }
        if let length = identifierStartLength(at: index) { return length }
        guard byte >= 0x80, let (scalar, length) = decodeScalar(at: index),
            scalar.properties.numericType != nil, Self.superscript(scalar) == nil
        else { return nil }
        return length
    }

    /// Whether the text of `source` from byte `start` up to `end` reads a name that
    /// `isWanted` picks, as a whole name (not part of a longer one). Text that does not
    /// lex ends the search.
    static func readsName(in source: SourceText, from start: Int = 0, to end: Int = .max,
                          where isWanted: (String) -> Bool) -> Bool {
        var lexer = Lexer(source, startingAt: start)
        while let token = try? lexer.next(), token.kind != .end, token.span.start < end {
            if token.kind == .identifier, isWanted(source.text(of: token.span)) { return true }
        }
        return false
    }
}
