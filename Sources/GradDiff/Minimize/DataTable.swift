/// A table of numbers read from CSV or TSV text: a header row naming the columns, then
/// one row per example. The values are kept row-major in one flat array, so the
/// objective reads an example without any per-row allocation.
public struct DataTable: Sendable {
    public var header: [String]
    public var headerSource: SourceText
    public var delimiter: Character
    /// Row-major: row `r`, column `c` is `values[r * header.count + c]`.
    public var values: [Double]
    /// Numbers out of a double's range (read as inf or 0), as `--batch` reports them.
    public var warnings: [LocatedDiagnostic] = []

    var rowCount: Int { header.isEmpty ? 0 : values.count / header.count }

    public init(header: [String], headerSource: SourceText? = nil, delimiter: Character = ",", values: [Double]) {
        self.header = header
        self.headerSource = headerSource ?? SourceText(name: "data", text: header.joined(separator: String(delimiter)))
        self.delimiter = delimiter
        self.values = values
    }

    /// Parses `source` (named after its file): blank lines are skipped, the first line is
    /// the header, a tab in it makes the table tab-separated. Only the columns `isRead`
    /// names are read as numbers (the others, an id or a label, hold nan), as `--batch`
    /// reads only the columns that bind variables.
    public static func parse(_ source: SourceText, reading isRead: (String) -> Bool = { _ in true }) throws(UserError) -> DataTable {
        let text = source.text(of: SourceSpan(start: 0, end: source.bytes.count))
        // "\r\n" is one Character, not a "\n": split at both.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated()
            .filter { !$0.element.allSatisfy { $0 == " " || $0 == "\r" || $0 == "\t" } }
            .makeIterator()
        guard let (headerIndex, headerLine) = lines.next() else {
            throw UserError(.error(.tableEmpty(source.name)), in: nil)
        }
        let delimiter = DelimitedText.delimiter(ofHeader: headerLine)
        if let lineEnds = DelimitedText.carriageReturnLineEnds(inHeader: headerLine, lineNumber: headerIndex + 1, name: source.name,
                                                                delimiter: delimiter) {
            throw UserError([lineEnds])
        }
        let header = DelimitedText.fields(of: headerLine, delimiter: delimiter).map(String.init)
        let read = header.map(isRead)
        var values: [Double] = []
        var warnings = RowWarnings()
        var shown: [LocatedDiagnostic] = []
        while let (index, line) = lines.next() {
            do throws(DelimitedText.RowError) {
                let rowStart = values.count
                values.append(contentsOf: repeatElement(.nan, count: header.count))
                let found = try DelimitedText.readNumbers(DelimitedText.checkedFields(of: line, delimiter: delimiter),
                                                          columns: header.count, reading: { read[$0] }) { column, value in
                    values[rowStart + column] = value
                }
                for warning in found {
                    let located = warning.located(.warning, in: line, lineNumber: index + 1, name: source.name, delimiter: delimiter)
                    if let warning = warnings.add(located) { shown.append(warning) }
                }
            } catch {
                throw UserError([error.located(in: line, lineNumber: index + 1, name: source.name, delimiter: delimiter)])
            }
        }
        if values.isEmpty {
            throw UserError(.error(.tableWithoutRows(source.name)), in: nil)
        }
        var table = DataTable(header: header, headerSource: SourceText(name: source.name, text: String(headerLine)),
                              delimiter: delimiter, values: values)
        table.warnings = shown + (warnings.summary.map { [$0] } ?? [])
        return table
    }
}
