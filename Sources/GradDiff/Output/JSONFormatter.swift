/// The JSON contract scripts rely on (documented in the man page):
///
///     {"value": V, "gradient": {"x": G, ...}, "nodes": [{"id": 0, "op": "var",
///      "name": "x", "text": "x", "inputs": [], "value": 1, "grad": -3}, ...]}
///
/// Variables in `gradient` appear in first-appearance order (or `--wrt` order); nodes in
/// topological order, the output last among those it depends on. Numbers are shortest
/// round-trip decimals; non-finite numbers are the strings "nan", "inf", "-inf". A
/// constant's `grad` is null: it has no gradient.
public enum JSONFormatter {
    public static func render(_ result: PassResult, _ options: OutputOptions) -> String {
        let tape = result.tape
        let text = NodeText(tape)
        var output = "{\"value\": \(number(result.values[Int(result.output)])), \"gradient\": {"
        output += result.reportedVariables(options).map { variable in
            "\(string(variable.name)): \(number(result.gradients[Int(tape.variableNodes[variable.slot])]))"
        }.joined(separator: ", ")
        output += "}, \"nodes\": ["
        for i in 0..<tape.count {
            let id = NodeID(i)
            if i > 0 { output += ", " }
            output += "{\"id\": \(i), \"op\": \(string(tape.ops[i].name)), \"name\": "
            output += tape.name(of: id).map(string) ?? "null"
            output += ", \"text\": \(string(text[id])), \"inputs\": ["
            output += tape.inputs(of: id).map { String($0) }.joined(separator: ", ")
            output += "], \"value\": \(number(result.values[i])), \"grad\": "
            output += result.hasGradient(id) ? "\(number(result.gradients[i]))}" : "null}"
        }
        output += "]}\n"
        return output
    }

    public static func number(_ value: Double) -> String {
        if let special = NumberFormat.nonFinite(value) { return "\"\(special)\"" }
        return NumberFormat.shortest(value)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (Unicode included) as UTF-8.
    public static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
