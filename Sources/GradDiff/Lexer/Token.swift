/// The kinds of token graddiff's language has.
enum TokenKind: Equatable, Sendable {
    case number
    case identifier
    case plus
    case minus
    case star
    case slash
    /// `^` or `**`: both spell power.
    case power
    case leftParen
    case rightParen
    case comma
    /// `[` and `]`: vector and matrix literals, and indexing (`v[2]`, `W[1, 2]`).
    case leftBracket
    case rightBracket
    /// `@`: the matrix product.
    case at
    /// `ᵀ` after an operand: its transpose.
    case transpose
    case equals
    /// `;` or a newline: both end a statement.
    case semicolon
    case newline
    case end
}

/// A token and the span of source it came from. Numbers carry their value.
struct Token: Sendable {
    var kind: TokenKind
    var span: SourceSpan
    var number: Double

    init(_ kind: TokenKind, _ span: SourceSpan, number: Double = 0) {
        self.kind = kind
        self.span = span
        self.number = number
    }

    /// How the token reads in a message: `'+'`, `a number`, `the end of the input`.
    func describe(in source: SourceText) -> String {
        switch kind {
        case .end: return "the end of the input"
        case .newline: return "the end of the line"
        case .number: return "the number '\(source.text(of: span))'"
        case .identifier: return "'\(source.text(of: span))'"
        default: return "'\(source.text(of: span))'"
        }
    }
}
