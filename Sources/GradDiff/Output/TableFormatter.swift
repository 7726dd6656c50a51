/// The node table people read: one row per node in tape order, the output last.
///
///     node  op   expression    value  gradient
///     x     var  x                 1        -3
///     n2    add  x + y             4        -3
enum TableFormatter {
    static let headers = ["node", "op", "expression", "value", "gradient"]

    /// The rows as text cells: label, op, expression, value, gradient (blank for a
    /// constant, which has none).
    static func rows(_ result: PassResult, numbers: (Double) -> String) -> [[String]] {
        let tape = result.tape
        let text = NodeText(tape)
        var rows: [[String]] = []
        rows.reserveCapacity(tape.count)
        for i in 0..<tape.count {
            let id = NodeID(i)
            rows.append([tape.label(of: id), tape.ops[i].name, text[id],
                         numbers(result.values[i]), result.hasGradient(id) ? numbers(result.gradients[i]) : ""])
        }
        return rows
    }

    static func render(_ result: PassResult, _ options: OutputOptions) -> String {
        let rows = rows(result, numbers: { NumberFormat.significant($0, digits: options.precision) })
        // Unicode scalars, not characters: as wide on a terminal for names like θ, and
        // far cheaper than grapheme breaking over a million rows.
        func width(_ cell: String) -> Int { cell.unicodeScalars.count }
        var widths = headers.map(width)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = Swift.max(widths[column], width(cell)) }
        }
        let rightAligned = [false, false, false, true, true]
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - width(cell))
                if rightAligned[column] {
                    parts.append(padding + cell)
                } else {
                    parts.append(column == cells.count - 1 ? cell : cell + padding)
                }
            }
            // A constant's blank gradient leaves no trailing blanks.
            return parts.joined(separator: "  ").trimmedRight()
        }
        var output = ""
        let header = line(headers)
        output += (options.useColor ? "\u{1B}[1m\(header)\u{1B}[0m" : header) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}
