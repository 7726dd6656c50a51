/// Tables of numbers as CSV or TSV text, read the same way by `--batch` and by
/// `minimize --data`: a header line naming the columns (a tab in it makes the table
/// tab-separated), then rows of numbers, with the same errors for a bad row.
public enum DelimitedText {
    /// What is wrong with one row; the caller says where the row is.
    public struct RowError: Error {
        public var message: String
        public var help: String?

        init(_ message: Message) {
            self.message = message.text
            self.help = message.help
        }
    }

    /// The delimiter a header line implies: a tab if it holds one, else a comma.
    public static func delimiter(ofHeader line: Substring) -> Character {
        line.contains("\t") ? "\t" : ","
    }

    /// Reads one row's fields as numbers, handing each to `store` with its column; a
    /// column `reading` refuses is any text, and is not read.
    static func readNumbers(_ fields: [Substring], columns: Int, reading: (Int) -> Bool = { _ in true },
                            into store: (Int, Double) -> Void) throws(RowError) {
        guard fields.count == columns else { throw RowError(.rowWidth(fields.count, header: columns)) }
        for (column, field) in fields.enumerated() where reading(column) {
            guard let value = number(field) else {
                throw RowError(.fieldNotANumber(String(field), column: column + 1, examples: "1.5, -2e-3, nan or inf"))
            }
            store(column, value)
        }
    }

    /// Splits a line on the delimiter, trimming blanks and one level of double quotes.
    public static func fields(of line: Substring, delimiter: Character) -> [Substring] {
        line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
            var trimmed = field
            while let first = trimmed.first, first == " " || first == "\r" { trimmed.removeFirst() }
            while let last = trimmed.last, last == " " || last == "\r" { trimmed.removeLast() }
            if trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" {
                trimmed = trimmed.dropFirst().dropLast()
            }
            return trimmed
        }
    }

    /// A field as a number: decimal notation, or nan, inf, -inf (any case).
    public static func number(_ field: Substring) -> Double? {
        switch field.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default:
            guard let first = field.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(field)
        }
    }

    static func span(ofField index: Int, in source: SourceText, delimiter: Character) -> SourceSpan {
        let delimiterByte = UInt8(ascii: delimiter.unicodeScalars.first!)
        var start = 0
        var field = 0
        for (offset, byte) in source.bytes.enumerated() where byte == delimiterByte {
            if field == index { return SourceSpan(start: start, end: offset) }
            field += 1
            start = offset + 1
        }
        var end = source.bytes.count
        while end > start, source.bytes[end - 1] == 10 || source.bytes[end - 1] == 13 { end -= 1 }
        return SourceSpan(start: start, end: end)
    }
}
