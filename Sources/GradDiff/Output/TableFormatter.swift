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
        var buffer = ByteBuffer()
        write(result, options, to: &buffer)
        return buffer.string()
    }
}
