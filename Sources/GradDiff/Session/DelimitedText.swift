/// Tables of numbers as CSV or TSV text, read the same way by `--batch` and by
/// `minimize --data`: a header line naming the columns (a tab in it makes the table
/// tab-separated), then rows of numbers, with the same errors for a bad row.
public enum DelimitedText {
    /// What is wrong with one row, and in which field (nil: the row as a whole); the
    /// caller says where the row is (`located(in:lineNumber:name:delimiter:)`).
    public struct RowError: Error {
        public var message: String
        public var help: String?
        public var field: Int?

        init(_ message: Message, field: Int? = nil) {
            self.message = message.text
            self.help = message.help
            self.field = field
        }

        /// The diagnostic, pointing at the field in the row's own line (`t.csv:3:5`).
        public func located(_ severity: Diagnostic.Severity = .error, in line: Substring, lineNumber: Int, name: String,
                            delimiter: Character) -> LocatedDiagnostic {
            let source = SourceText(name: name, text: String(line), firstLine: lineNumber)
            let span = field.map { DelimitedText.span(ofField: $0, in: source, delimiter: delimiter) }
                ?? SourceSpan(start: 0, end: source.lineRange(1).upperBound)
            return LocatedDiagnostic(Diagnostic(severity, message, at: span, help: help), in: source)
        }
    }

    /// A number out of a double's range: read as inf or 0 with a warning, worded as for
    /// a literal in an expression.
    public typealias RowWarning = RowError

    /// Reads one row's fields as numbers with the one number reader (`NumberReader`),
    /// handing each to `store` with its column; returns the warnings (none, usually). A
    /// column `reading` refuses is any text, and is not read.
    @discardableResult
    static func readNumbers(_ fields: [Substring], columns: Int, reading: (Int) -> Bool = { _ in true },
                            into store: (Int, Double) -> Void) throws(RowError) -> [RowWarning] {
        guard fields.count == columns else { throw RowError(.rowWidth(fields.count, header: columns)) }
        var warnings: [RowWarning] = []
        for (column, field) in fields.enumerated() where reading(column) {
            let outcome = NumberReader.field(field)
            switch outcome {
            case .number: break
            case .tooLarge: warnings.append(RowWarning(.numberTooLarge(String(field)), field: column))
            case .tooSmall: warnings.append(RowWarning(.numberTooSmall(String(field)), field: column))
            case .hexadecimal: throw RowError(.hexadecimalNumber, field: column)
            case .notANumber:
                throw RowError(.fieldNotANumber(String(field), column: column + 1, examples: "1.5, -2e-3, nan or inf"),
                               field: column)
            }
            store(column, outcome.value ?? .nan)
        }
        return warnings
    }

    /// The delimiter a header line implies: a tab if it holds one, else a comma.
    public static func delimiter(ofHeader line: Substring) -> Character {
        line.contains("\t") ? "\t" : ","
    }

    /// Splits a line on the delimiter (a comma or a tab), trimming blanks and one level of
    /// double quotes. Bytes, not Characters: a comma followed by a combining mark is one
    /// Character, which would end no field, where the rows' byte-wise reading ends one.
    public static func fields(of line: Substring, delimiter: Character) -> [Substring] {
        let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") }
        return line.utf8.split(separator: separator, omittingEmptySubsequences: false).map { field in
            var trimmed = field.drop(while: isBlank)
            while let last = trimmed.last, isBlank(last) { trimmed = trimmed.dropLast() }
            if trimmed.count >= 2, trimmed.first == UInt8(ascii: "\""), trimmed.last == UInt8(ascii: "\"") {
                trimmed = trimmed.dropFirst().dropLast()
            }
            return Substring(String(decoding: trimmed, as: UTF8.self))
        }
    }

    /// A field as a number: decimal notation with an optional sign, or nan, inf,
    /// infinity (any case); nil for anything else (`NumberReader.field`).
    public static func number(_ field: Substring) -> Double? {
        NumberReader.field(field).value
    }

    /// The span of field `index` of the line `source`, without the blanks and quotes
    /// around it (the whole field when it is only those).
    static func span(ofField index: Int, in source: SourceText, delimiter: Character) -> SourceSpan {
        let delimiterByte = UInt8(ascii: delimiter.unicodeScalars.first!)
        var start = 0
        var field = 0
        for (offset, byte) in source.bytes.enumerated() where byte == delimiterByte {
            if field == index { return trimmed(SourceSpan(start: start, end: offset), in: source) }
            field += 1
            start = offset + 1
        }
        var end = source.bytes.count
        while end > start, source.bytes[end - 1] == 10 || source.bytes[end - 1] == 13 { end -= 1 }
        return trimmed(SourceSpan(start: start, end: end), in: source)
    }

    private static func trimmed(_ span: SourceSpan, in source: SourceText) -> SourceSpan {
        var (start, end) = (Int(span.start), Int(span.end))
        let blanks: Set<UInt8> = [32, 9, 13, 34]
        while start < end, blanks.contains(source.bytes[start]) { start += 1 }
        while end > start, blanks.contains(source.bytes[end - 1]) { end -= 1 }
        return start < end ? SourceSpan(start: start, end: end) : span
    }
}
