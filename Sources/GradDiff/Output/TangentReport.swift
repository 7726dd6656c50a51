/// What forward mode prints: the node table with a tangent column instead of the
/// gradient, its JSON, and the Jacobian of several outputs.
///
///     node  op   expression  value  tangent
///     x     var  x               1        1
///     p     add  x + y           4        1
public enum TangentReport {
    /// ẋ: a label with a dot above its first character, as the notes write tangents.
    public static func dotted(_ label: String) -> String {
        guard let first = label.first else { return label }
        return String(first) + "\u{307}" + label.dropFirst()
    }

    public static func table(_ result: PassResult, tangents: [Double], _ options: OutputOptions) -> String {
        func number(_ value: Double) -> String { NumberFormat.significant(value, digits: options.precision) }
        var rows = TableFormatter.rows(result, numbers: number)
        for index in rows.indices { rows[index][4] = number(tangents[index]) }
        let lines = TextColumns.lines([["node", "op", "expression", "value", "tangent"]] + rows, rightAligned: { $0 >= 3 })
        var output = (options.useColor ? "\u{1B}[1m\(lines[0])\u{1B}[0m" : lines[0]) + "\n"
        for line in lines.dropFirst() { output += line + "\n" }
        return output
    }

    /// `{"value": 12, "tangent": -3, "direction": {"x": 1, "y": 0}, "nodes": [{"node": "x", "value": 1, "tangent": 1}, ...]}`;
    /// `nodes` lists all of them, the variables only, or none, as `--nodes` does for gradients.
    public static func json(_ result: PassResult, tangents: [Double], direction: [Double], nodes listed: NodeSelection = .all) -> String {
        let tape = result.tape
        let output = Int(result.output)
        let speeds = tape.variableNames.enumerated().map { "\(JSONFormatter.string($1)): \(JSONFormatter.number(direction[$0]))" }
        let listed: [Int] = switch listed {
        case .all: Array(0..<tape.count)
        case .inputs: tape.variableNodes.sorted().map { Int($0) }
        case .none: []
        }
        let nodes = listed.map { i in
            "{\"node\": \(JSONFormatter.string(tape.label(of: NodeID(i)))), \"value\": \(JSONFormatter.number(result.values[i])), "
                + "\"tangent\": \(JSONFormatter.number(tangents[i]))}"
        }
        return "{\"value\": \(JSONFormatter.number(result.values[output])), \"tangent\": \(JSONFormatter.number(tangents[output])), "
            + "\"direction\": {\(speeds.joined(separator: ", "))}, \"nodes\": [\(nodes.joined(separator: ", "))]}\n"
    }

    /// The mode and why, then the matrix with labelled rows (outputs) and columns (inputs).
    /// `names` labels the rows as --output names them (an alias, b = a, is a row of its
    /// own: the node's label would be a's); nil labels them by their nodes.
    public static func jacobianTable(_ jacobian: OutputJacobian, _ tape: Tape, names: [String]? = nil, chosen: Bool,
                                     digits: Int) -> String {
        let inputs = jacobian.slots.map { tape.variableNames[$0] }
        var rows = [[""] + inputs]
        for (row, output) in jacobian.outputs.enumerated() {
            rows.append([names?[row] ?? tape.label(of: output)] + jacobian.matrix[row].map { NumberFormat.significant($0, digits: digits) })
        }
        return "# \(jacobian.reason(chosen: chosen))\n" + DerivativeReport.aligned(rows)
    }

    /// `{"outputs": ["p", "g"], "inputs": ["x", "y", "z"], "mode": "reverse", "forward_multiply_adds": 12,
    /// "reverse_multiply_adds": 6, "jacobian": [[1, 1, 0], [-3, -3, 4]]}` (the man page lists every key).
    public static func jacobianJSON(_ jacobian: OutputJacobian, _ tape: Tape, names: [String]? = nil) -> String {
        let outputs = jacobian.outputs.indices.map { JSONFormatter.string(names?[$0] ?? tape.label(of: jacobian.outputs[$0])) }
            .joined(separator: ", ")
        let inputs = jacobian.slots.map { JSONFormatter.string(tape.variableNames[$0]) }.joined(separator: ", ")
        let rows = jacobian.matrix.map { "[" + $0.map(JSONFormatter.number).joined(separator: ", ") + "]" }
        return "{\"outputs\": [\(outputs)], \"inputs\": [\(inputs)], \"mode\": \"\(jacobian.mode.rawValue)\", "
            + "\"forward_multiply_adds\": \(jacobian.costs.forwardMultiplyAdds), \"reverse_multiply_adds\": \(jacobian.costs.reverseMultiplyAdds), "
            + "\"jacobian\": [\(rows.joined(separator: ", "))]}\n"
    }
}
