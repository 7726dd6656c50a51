/// A vector or matrix of numbers: what a binding gives an input (`W=[[1, 2], [3, 4]]`,
/// `W=@weights.csv`), and what the output prints.
public struct TensorValue: Sendable, Equatable {
    let shape: TensorShape
    /// Row-major.
    public let values: [Double]

    init(shape: TensorShape, values: [Double]) {
        self.shape = shape
        self.values = values
    }

    /// The sizes, as JSON writes them: [3] for a vector, [2, 3] for a matrix.
    public var dimensions: [Int] { shape.dimensions }

    /// A table of numbers, one row per line, separated by commas, tabs or spaces (no
    /// header): rows × columns, and one row or one column is a vector. Blank lines and
    /// lines starting with `#` are skipped.
    public static func parseTable(_ source: SourceText) throws(UserError) -> TensorValue {
        var rows: [[Double]] = []
        var lineNumber = 0
        for line in source.text(of: SourceSpan(start: 0, end: source.bytes.count)).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(whereSeparator: { $0 == "," || $0 == "\t" || $0 == " " || $0 == "\r" || $0 == ";" })
            var row: [Double] = []
            for (column, field) in fields.enumerated() {
                guard let value = DelimitedNumber.parse(field) else {
                    throw UserError(.error(.tableFieldNotANumber(String(field), row: lineNumber, column: column + 1)),
                                    in: SourceText(name: "\(source.name):\(lineNumber)", text: ""))
                }
                row.append(value)
            }
            if let first = rows.first, first.count != row.count {
                throw UserError(.error(.tableRowLength(row: rows.count + 1, count: row.count, firstCount: first.count)),
                                in: SourceText(name: "\(source.name):\(lineNumber)", text: ""))
            }
            rows.append(row)
        }
        guard let first = rows.first else { throw UserError(.error(.tableEmptyFile(source.name)), in: nil) }
        let values = rows.flatMap { $0 }
        if rows.count == 1 || first.count == 1 { return TensorValue(shape: .vector(values.count), values: values) }
        return TensorValue(shape: .matrix(rows.count, first.count), values: values)
    }
}

/// A number in a table: decimal notation, or nan, inf, -inf in any case.
enum DelimitedNumber {
    static func parse(_ field: Substring) -> Double? {
        switch field.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default:
            guard let first = field.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(field)
        }
    }
}
