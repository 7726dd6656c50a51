/// Renders a diagnostic the way compilers do: a `name:line:column: severity: message`
/// header, the source line, a caret line under the span, and a `help:` line (only the
/// header for a diagnostic that must not quote its source).
///
///     expression:1:5: error: expected ')' to close '(' from column 1
///       1 | (x+y
///         | ^   ^
///
/// The header's column counts characters, not bytes; the caret line counts terminal
/// columns (two under a CJK character), and tabs in the source are copied into it so
/// the caret stays under the right character.
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool
    /// Source lines longer than this are shown as a window around the span.
    var maximumLineWidth = 100

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    public func render(_ located: LocatedDiagnostic) -> String {
        let diagnostic = located.diagnostic
        var header = ""
        if let source = located.source {
            if let span = diagnostic.span {
                let location = source.location(of: Int(span.start))
                header = "\(source.name):\(location.line):\(location.column): "
            } else {
                header = "\(source.name): "
            }
        }
        var text = paint(header, .bold)
        text += paint("\(diagnostic.severity.rawValue):", severityStyle(diagnostic.severity))
        text += paint(" \(MessageText.printable(diagnostic.message))", .bold) + "\n"
        if located.quotesSource, let source = located.source, let span = diagnostic.span {
            text += excerpt(source, span: span, others: diagnostic.otherSpans)
        }
        if located.quotesSource, let help = diagnostic.help {
            text += paint("help:", .cyan) + " \(MessageText.printable(help))\n"
        }
        return text
    }

    private func excerpt(_ source: SourceText, span: SourceSpan, others: [SourceSpan]) -> String {
        let line = source.line(containing: Int(span.start))
        let range = source.lineRange(line.number)
        var marks: [(start: Int, end: Int)] = []
        for mark in [span] + others where source.line(containing: Int(mark.start)).number == line.number {
            let start = min(max(Int(mark.start), range.lowerBound), range.upperBound)
            let end = min(max(Int(mark.end), start), range.upperBound)
            marks.append((start, end))
        }
        // A window around the first mark keeps a 100 MB one-line source readable.
        var windowStart = range.lowerBound
        var windowEnd = range.upperBound
        if windowEnd - windowStart > maximumLineWidth * 4 {
            windowStart = max(range.lowerBound, marks[0].start - maximumLineWidth)
            windowEnd = min(range.upperBound, marks[0].start + maximumLineWidth)
            windowStart = source.characterBoundary(atOrBefore: windowStart)
            windowEnd = source.characterBoundary(atOrBefore: windowEnd)
            // Marks outside the window would put carets past the text shown.
            marks = marks.filter { $0.end >= windowStart && $0.start <= windowEnd }
        }
        let lineText = String(String(decoding: source.bytes[windowStart..<windowEnd], as: UTF8.self).map(MessageText.picture))
        let prefix = (windowStart > range.lowerBound ? "…" : "")
        let suffix = (windowEnd < range.upperBound ? "…" : "")
        let number = String(line.number + source.firstLine - 1)
        let gutter = String(repeating: " ", count: number.count)
        // The caret line counts terminal columns: each character of the line shown stands
        // over its columns of blanks (a tab over a tab, so the terminal moves both lines
        // alike), and a mark over the columns of its characters.
        var blanks: [Character] = Array(repeating: " ", count: prefix.count)
        var columnAt = Array(repeating: 0, count: windowEnd - windowStart + 1)  // by byte
        // Scalar by scalar, with their bytes: an invalid sequence is shown as one U+FFFD
        // (as the line's decoding shows it) however many bytes it spans.
        var byte = windowStart
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = source.bytes[windowStart..<windowEnd].makeIterator()
        reading: while true {
            let (scalar, length): (Unicode.Scalar, Int)
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded): (scalar, length) = (Unicode.UTF8.decode(encoded), encoded.count)
            case .error(let bad): (scalar, length) = ("\u{FFFD}", bad)
            case .emptyInput: break reading
            }
            let columns = Self.columns(of: scalar)
            blanks += scalar == "\t" ? ["\t"] : Array(repeating: " ", count: columns)
            for index in byte..<(byte + length) { columnAt[index - windowStart] = blanks.count - prefix.count - columns }
            byte += length
        }
        columnAt[windowEnd - windowStart] = blanks.count - prefix.count
        var carets: [Character] = []
        for mark in marks.sorted(by: { $0.start < $1.start }) {
            let start = max(mark.start, windowStart)
            let end = min(max(mark.end, start), windowEnd)
            let startColumn = columnAt[start - windowStart] + prefix.count
            let width = max(1, columnAt[end - windowStart] + prefix.count - startColumn)
            while carets.count < startColumn { carets.append(carets.count < blanks.count ? blanks[carets.count] : " ") }
            for offset in 0..<width where carets.count <= startColumn + offset {
                carets.append(offset == 0 ? "^" : "~")
            }
        }
        var text = " \(number) | \(prefix)\(lineText)\(suffix)\n"
        text += " \(gutter) | " + paint(String(carets), .green) + "\n"
        return text
    }

    /// The columns `scalar` takes as the line shows it (a control as its picture).
    private static func columns(of scalar: Unicode.Scalar) -> Int {
        TerminalColumns.width(of: String(MessageText.picture(of: Character(scalar))))
    }

    private enum Style: String {
        case bold = "1"
        case red = "1;31"
        case magenta = "1;35"
        case cyan = "1;36"
        case green = "1;32"
    }

    private func severityStyle(_ severity: Diagnostic.Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .magenta
        case .note: return .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        guard useColor, !text.isEmpty else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }
}

extension SourceText {
    /// The nearest offset at or before `offset` that starts a UTF-8 scalar.
    func characterBoundary(atOrBefore offset: Int) -> Int {
        var index = min(offset, bytes.count)
        while index > 0, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
