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
        /// The bytes of the row's line at fault, when they are fewer than the field's: the
        /// text after a closing quote, or a quote that is never closed.
        public var bytes: Range<Int>?
        /// Whether lines ending in CR alone may be the cause (a row too wide, or a field
        /// that is no number): then a CR inside the line is named instead (`located`).
        var mayBeCarriageReturns = false

        init(_ message: Message, field: Int? = nil, bytes: Range<Int>? = nil) {
            self.message = message.text
            self.help = message.help
            self.field = field
            self.bytes = bytes
        }

        /// The diagnostic, pointing at the field (or its bytes at fault) in the row's own
        /// line (`t.csv:3:5`); pointing at a carriage return with text after it, outside
        /// quotes, when that explains the error (the rows end in CR alone, and several
        /// were read as this one).
        public func located(_ severity: Diagnostic.Severity = .error, in line: Substring, lineNumber: Int, name: String,
                            delimiter: Character) -> LocatedDiagnostic {
            if mayBeCarriageReturns,
               let lineEnds = DelimitedText.carriageReturnLineEnds(in: line, described: "this row", lineNumber: lineNumber,
                                                                   name: name, delimiter: delimiter) {
                return lineEnds
            }
            let source = SourceText(name: name, text: String(line), firstLine: lineNumber)
            let span = bytes.map { SourceSpan(start: $0.lowerBound, end: $0.upperBound) }
                ?? field.map { DelimitedText.span(ofField: $0, in: source, delimiter: delimiter) }
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
        guard fields.count == columns else {
            var error = RowError(.rowWidth(fields.count, header: columns))
            error.mayBeCarriageReturns = true
            throw error
        }
        var warnings: [RowWarning] = []
        for (column, field) in fields.enumerated() where reading(column) {
            let outcome = NumberReader.field(field)
            switch outcome {
            case .number: break
            case .tooLarge: warnings.append(RowWarning(.numberTooLarge(String(field)), field: column))
            case .tooSmall: warnings.append(RowWarning(.numberTooSmall(String(field)), field: column))
            case .hexadecimal: throw RowError(.hexadecimalNumber, field: column)
            case .notANumber:
                var error = RowError(.fieldNotANumber(String(field), column: column + 1, examples: "1.5, -2e-3, nan or inf"),
                                     field: column)
                error.mayBeCarriageReturns = true
                throw error
            }
            store(column, outcome.value ?? .nan)
        }
        return warnings
    }

    /// The delimiter a header line implies: a tab if it holds one, else a comma.
    public static func delimiter(ofHeader line: Substring) -> Character {
        line.contains("\t") ? "\t" : ","
    }

    /// Splits a line on the delimiter (a comma or a tab) as CSV does: a field that
    /// starts with a double quote runs to its closing quote, delimiters and all, and `""`
    /// in it is one quote; blanks around a field and its quotes are dropped. Bytes, not
    /// Characters: a comma followed by a combining mark is one Character, which would
    /// end no field, where the rows' byte-wise reading ends one.
    public static func fields(of line: Substring, delimiter: Character) -> [Substring] {
        let bytes = Array(line.utf8)
        return texts(of: bytes, fieldRanges(of: bytes, separator: delimiter.asciiValue ?? UInt8(ascii: ",")))
    }

    private static func texts(of bytes: [UInt8], _ ranges: [Range<Int>]) -> [Substring] {
        ranges.map { Substring(String(decoding: unquoted(bytes[$0]), as: UTF8.self)) }
    }

    /// `fields(of:delimiter:)` of a row, refusing a quoted field that CSV does not
    /// allow: text after its closing quote (`"1"2`, which read as 12) or no closing
    /// quote (`"a`, which ran to the line's end). The error points at that text, or at
    /// the quote left open, not at the whole field.
    static func checkedFields(of line: Substring, delimiter: Character) throws(RowError) -> [Substring] {
        let bytes = Array(line.utf8)
        let ranges = fieldRanges(of: bytes, separator: delimiter.asciiValue ?? UInt8(ascii: ","))
        // A tab around a comma-separated field is a blank too, as in a line of blanks.
        func isPadding(_ byte: UInt8) -> Bool { isBlank(byte) || (byte == UInt8(ascii: "\t") && delimiter != "\t") }
        for (index, range) in ranges.enumerated() {
            var field = bytes[range].drop(while: isPadding)
            while let last = field.last, isPadding(last) { field = field.dropLast() }
            guard field.first == quote else { continue }
            var at = field.startIndex + 1
            var closed = false
            while at < field.endIndex {
                if field[at] == quote {
                    if at + 1 < field.endIndex, field[at + 1] == quote { at += 2; continue }
                    closed = true
                    at += 1
                    break
                }
                at += 1
            }
            if !closed {
                throw RowError(.fieldQuoteMalformed(closed: false), field: index, bytes: field.startIndex..<(field.startIndex + 1))
            }
            // Blanks between the quote and the stray text are padding: the caret starts at the text.
            let stray = field[at...].drop(while: isPadding)
            if !stray.isEmpty {
                throw RowError(.fieldQuoteMalformed(closed: true), field: index, bytes: stray.startIndex..<stray.endIndex)
            }
        }
        return texts(of: bytes, ranges)
    }

    private static let quote = UInt8(ascii: "\"")
    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") }

    /// Each field's bytes, blanks and quotes included: split at `separator` outside quotes.
    static func fieldRanges(of bytes: [UInt8], separator: UInt8) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        forEachUnquoted(bytes, separator: separator) { index, byte in
            if byte == separator {
                ranges.append(start..<index)
                start = index + 1
            }
            return true
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// Calls `visit` with each byte outside quoted text, and its index, until it returns
    /// false. Only a quote that opens a field starts quoted text, and `""` inside is a quote.
    @inline(__always)
    static func forEachUnquoted(_ bytes: [UInt8], separator: UInt8, _ visit: (Int, UInt8) -> Bool) {
        var (inQuotes, atFieldStart, index) = (false, true, 0)
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote { index += 1 } else { inQuotes = false }
                }
                continue
            }
            guard visit(index - 1, byte) else { return }
            if byte == separator {
                atFieldStart = true
            } else if !isBlank(byte) {
                inQuotes = atFieldStart && byte == quote
                atFieldStart = false
            }
        }
    }

    /// A field's text: without the blanks around it, and, quoted, without its quotes and
    /// with `""` read as `"` (anything after the closing quote is kept as it is).
    private static func unquoted(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var trimmed = field.drop(while: isBlank)
        while let last = trimmed.last, isBlank(last) { trimmed = trimmed.dropLast() }
        guard trimmed.first == quote else { return trimmed }
        var text: [UInt8] = []
        var index = trimmed.startIndex + 1
        while index < trimmed.endIndex {
            let byte = trimmed[index]
            index += 1
            if byte == quote {
                guard index < trimmed.endIndex, trimmed[index] == quote else { break }
                index += 1
            }
            text.append(byte)
        }
        text += trimmed[index...]
        return text[...]
    }

    /// `text` as a field of output: quoted (its quotes doubled) when it holds the
    /// delimiter, a quote, a line end, or blanks at an end, which would otherwise read back
    /// differently; else as it is.
    public static func quoted(_ text: Substring, delimiter: Character) -> String {
        let needsQuotes = text.utf8.contains { $0 == delimiter.asciiValue || $0 == quote || $0 == 10 || $0 == 13 }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return String(text) }
        return "\"" + String(text).replacingAll("\"", with: "\"\"") + "\""
    }

    /// A field as a number: decimal notation with an optional sign, or nan, inf,
    /// infinity (any case); nil for anything else (`NumberReader.field`).
    public static func number(_ field: Substring) -> Double? {
        NumberReader.field(field).value
    }

    /// The span of field `index` of the line `source`, without the blanks and quotes
    /// around it (the whole field when it is only those).
    static func span(ofField index: Int, in source: SourceText, delimiter: Character) -> SourceSpan {
        var bytes = source.bytes
        while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }
        let ranges = fieldRanges(of: bytes, separator: delimiter.asciiValue ?? UInt8(ascii: ","))
        let range = index < ranges.count ? ranges[index] : bytes.count..<bytes.count
        return trimmed(SourceSpan(start: range.lowerBound, end: range.upperBound), in: source)
    }

    private static func trimmed(_ span: SourceSpan, in source: SourceText) -> SourceSpan {
        var (start, end) = (Int(span.start), Int(span.end))
        let blanks: Set<UInt8> = [32, 9, 13, 34]
        while start < end, blanks.contains(source.bytes[start]) { start += 1 }
        while end > start, blanks.contains(source.bytes[end - 1]) { end -= 1 }
        return start < end ? SourceSpan(start: start, end: end) : span
    }
}
