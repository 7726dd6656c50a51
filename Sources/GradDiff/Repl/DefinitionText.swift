/// A definition's text as `:vars` and the confirmations show it: on one line, as it
/// would have been typed on one. Text typed on one line is shown as it is.
enum DefinitionText {
    /// `text` with each line break between two tokens, and the blanks and comments
    /// around it, replaced as a person writing on one line would: by nothing after `(`
    /// or `[` and before `)`, `]` or `,`, else by one space. `f(a,\n b) = a*b` reads
    /// `f(a, b) = a*b`; a gap within a line is kept as typed.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: isLineBreak) else { return text }
        let source = SourceText(name: "", text: text)
        var lexer = Lexer(source)
        var line: [UInt8] = []
        var previous: Token?
        do throws(UserError) {
            while case let token = try lexer.next(), token.kind != .end {
                if token.kind == .newline { continue }
                if let previous {
                    let gap = source.bytes[Int(previous.span.end)..<Int(token.span.start)]
                    if !gap.contains(where: isLineBreak) {
                        line += gap
                    } else if !joinsWithoutSpace(previous.kind, token.kind) {
                        line.append(UInt8(ascii: " "))
                    }
                }
                line += source.bytes[Int(token.span.start)..<Int(token.span.end)]
                previous = token
            }
        } catch {
            // Not reached: a definition has been read once already. As typed is a fair fallback.
            return text
        }
        return String(decoding: line, as: UTF8.self)
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func joinsWithoutSpace(_ before: TokenKind, _ after: TokenKind) -> Bool {
        before == .leftParen || before == .leftBracket || after == .rightParen || after == .rightBracket || after == .comma
    }
}
