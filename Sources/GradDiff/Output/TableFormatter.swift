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
        let lines = TextColumns.lines([headers] + rows, rightAligned: { $0 >= 3 })
        var output = (options.useColor ? "\u{1B}[1m\(lines[0])\u{1B}[0m" : lines[0]) + "\n"
        for line in lines.dropFirst() { output += line + "\n" }
        return output
    }
}
