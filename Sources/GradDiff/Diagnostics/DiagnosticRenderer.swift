/// Renders a diagnostic the way compilers do: a `name:line:column: severity: message`
/// header, the source line, a caret line under the span, and a `help:` line (only the
/// header for a diagnostic that must not quote its source).
///
///     expression:1:5: error: expected ')' to close '(' from column 1
///       1 | (x+y
///         | ^   ^
///
/// Columns count characters, not bytes; tabs in the source are copied into the caret
/// line so the caret stays under the right character.
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
        var carets: [Character] = []
        for mark in marks.sorted(by: { $0.start < $1.start }) {
            let start = max(mark.start, windowStart)
            let end = min(max(mark.end, start), windowEnd)
            let startColumn = source.characterCount(from: windowStart, to: start) + prefix.count
            let width = max(1, source.characterCount(from: start, to: end))
            while carets.count < startColumn {
                let index = carets.count - prefix.count
                let byteIndex = windowStart + max(0, index)
                carets.append(index >= 0 && byteIndex < windowEnd && source.bytes[byteIndex] == 9 ? "\t" : " ")
            }
            for offset in 0..<width where carets.count <= startColumn + offset {
                carets.append(offset == 0 ? "^" : "~")
            }
        }
        var text = " \(number) | \(prefix)\(lineText)\(suffix)\n"
        text += " \(gutter) | " + paint(String(carets), .green) + "\n"
        return text
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
