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

    /// A table of numbers, one row per line (LF or CRLF), separated by commas, tabs,
    /// spaces or semicolons (no header, and no field left empty): rows × columns, and
    /// one row or one column is a vector. Blank lines and lines starting with `#` are skipped. Each field is read by
    /// the one number reader, as a batch table's are: `0x10` is an error, and a number
    /// out of a double's range becomes inf or 0 with a warning (`warnings`).
    public static func parseTable(_ source: SourceText, warnings: inout [Diagnostic]) throws(UserError) -> TensorValue {
        var rows: [[Double]] = []
        var lineNumber = 0
        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }
        // Split as bytes: as Characters, "\r\n" is one (no line ends) and so is a comma
        // followed by a combining mark (no field ends).
        for line in source.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            // A CR before the line's end would read as a blank, joining two rows of a file
            // with CR line ends into one (2×2 read as a 4-element vector), or hide them in
            // a comment line.
            if line.dropLast(line.last == UInt8(ascii: "\r") ? 1 : 0).contains(UInt8(ascii: "\r")) {
                throw UserError(.error(.carriageReturnInside("row \(lineNumber)")), in: SourceText(name: "\(source.name):\(lineNumber)", text: ""))
            }
            let trimmed = line.drop(while: isBlank)
            if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { continue }
            // A comma or semicolon ends a field, which may not be empty (`1,,2` and `1,2,`
            // are refused, not read as [1, 2]); within one, blanks separate numbers.
            let fields = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") })
                .flatMap { part in
                    let numbers = part.split(whereSeparator: isBlank)
                    return numbers.isEmpty ? [part[part.startIndex..<part.startIndex]] : numbers
                }
            var row: [Double] = []
            for (column, bytes) in fields.enumerated() {
                let field = Substring(String(decoding: bytes, as: UTF8.self))
                func place() -> SourceText { SourceText(name: "\(source.name):\(lineNumber)", text: "") }
                if field.isEmpty {
                    throw UserError(.error(.tableFieldEmpty(row: lineNumber, column: column + 1)), in: place())
                }
                let outcome = NumberReader.field(field)
                switch outcome {
                case .number: break
                case .tooLarge: warnings.append(.warning(.numberTooLarge("'\(field)' in row \(lineNumber), column \(column + 1) of '\(source.name)'")))
                case .tooSmall: warnings.append(.warning(.numberTooSmall("'\(field)' in row \(lineNumber), column \(column + 1) of '\(source.name)'")))
                case .hexadecimal:
                    throw UserError(.error(.tableFieldHexadecimal(String(field), row: lineNumber, column: column + 1)), in: place())
                case .notANumber:
                    throw UserError(.error(.tableFieldNotANumber(String(field), row: lineNumber, column: column + 1)), in: place())
                }
                row.append(outcome.value ?? .nan)
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

