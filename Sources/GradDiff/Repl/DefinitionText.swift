/// An entry's text on one line, as it would have been typed on one: a definition as
/// `:vars` and the confirmations show it, and an entry as the history keeps it. Text
/// typed on one line is kept as it is.
public enum DefinitionText {
    /// `text` with each line break between two tokens, and the blanks and comments
    /// around it, replaced as a person writing on one line would: by nothing after `(`
    /// or `[` and before `)`, `]` or `,`, else by one space. `f(a,\n b) = a*b` reads
    /// `f(a, b) = a*b`; a gap within a line is kept as typed, and so is a comment after
    /// the last token (`(x +\n1) # done` reads `(x + 1) # done`).
    public static func oneLine(_ text: String) -> String {
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
            // An entry that does not lex (kept in the history all the same): its lines joined.
            return joinedLines(text)
        }
        var trailing = source.bytes[Int(previous?.span.end ?? 0)...]
        while let last = trailing.last, isLineBreak(last) { trailing.removeLast() }
        if !trailing.contains(where: isLineBreak) { line += trailing }
        return String(decoding: line, as: UTF8.self)
    }

    /// The lines joined by a space, each comment dropped but the last line's.
    private static func joinedLines(_ text: String) -> String {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).filter { !$0.isEmpty }
        return lines.enumerated().compactMap { index, line -> Substring? in
            guard index < lines.count - 1, let comment = line.firstIndex(of: "#") else { return line }
            var kept = line[..<comment]
            while kept.last == " " || kept.last == "\t" { kept.removeLast() }
            return kept.isEmpty ? nil : kept  // a line that was only a comment leaves nothing
        }.joined(separator: " ")
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func joinsWithoutSpace(_ before: TokenKind, _ after: TokenKind) -> Bool {
        before == .leftParen || before == .leftBracket || after == .rightParen || after == .rightBracket || after == .comma
    }
}
