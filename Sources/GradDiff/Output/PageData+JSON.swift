/// The page's data as JSON, for a `<script type="application/json">` element:
///
///     {"format": "graddiff-page", "version": 1, "sourceName": "expression",
///      "source": "(x+y)*z", "sourceIsCut": false, "output": 4, "nodeCount": 5,
///      "stepping": true, "steppingLimit": 2000, "precision": 10, "kink": "zero",
///      "notes": ["..."],
///      "nodes": [{"id": 2, "label": "n2", "op": "add", "text": "x + y", "span": [1, 4],
///                 "value": 4, "gradient": -3, "valueText": "4", "gradientText": "-3",
///                 "onPaths": true, "inputs": [{"node": 0, "formula": "1", "partial": "1"}, ...],
///                 "forward": "n2 = x + y = 1 + 3 = 4\n", "backward": "n2 = x + y   dn4/dn2 = -3\n...",
///                 "arrivals": [{"from": 4, "slot": 0, "product": "-3", "sum": "-3",
///                               "edge": "1 · (-3) = -3"}],
///                 "meanings": [], "notes": []}, ...],
///      "steps": [{"pass": "forward", "node": 0}, ..., {"pass": "seed", "node": 4},
///                {"pass": "backward", "node": 4, "sends": [{"to": 2, "arrival": 0, "slot": 0}, ...]},
///                ..., {"pass": "done"}]}
///
/// Numbers are shortest round-trip decimals (non-finite ones the strings "nan", "inf",
/// "-inf"); the `...Text` fields and every text are written as the terminal writes
/// them. Every `<` is written `\u003c`, so no text can end the script element.
extension PageData {
    public func json() -> String {
        var fields = [
            ("format", string("graddiff-page")), ("version", "1"),
            ("sourceName", string(sourceName)), ("source", string(source)), ("sourceIsCut", String(sourceIsCut)),
            ("output", String(output)), ("nodeCount", String(nodeCount)), ("stepping", String(stepping)),
            ("steppingLimit", String(steppingLimit)), ("precision", String(precision)), ("kink", string(kink)),
            ("notes", array(notes.map(string))),
        ]
        fields.append(("nodes", array(nodes.indices.map { nodeJSON($0) }, separator: ",\n")))
        fields.append(("steps", array(steps.map(stepJSON), separator: ",\n")))
        return object(fields) + "\n"
    }

    private func nodeJSON(_ index: Int) -> String {
        let node = nodes[index]
        return object([
            ("id", String(index)), ("label", string(node.label)), ("op", string(node.op)), ("text", string(node.text)),
            ("span", node.span.map { "[\($0.start), \($0.end)]" } ?? "null"),
            ("value", JSONFormatter.number(node.value)), ("gradient", JSONFormatter.number(node.gradient)),
            ("valueText", string(node.valueText)), ("gradientText", string(node.gradientText)),
            ("onPaths", String(node.onPaths)),
            ("inputs", array(node.inputs.map { input in
                object([("node", String(input.node)), ("formula", string(input.formula)), ("partial", string(input.partial))])
            })),
            ("forward", node.forward.map(string) ?? "null"), ("backward", node.backward.map(string) ?? "null"),
            ("arrivals", array(node.arrivals.map { arrival in
                object([("from", String(arrival.from)), ("slot", String(arrival.slot)), ("product", string(arrival.product)),
                        ("sum", string(arrival.sum)), ("edge", string(arrival.edge))])
            })),
            ("meanings", array(node.meanings.map(string))), ("notes", array(node.notes.map(string))),
        ])
    }

    private func stepJSON(_ step: Step) -> String {
        switch step {
        case .forward(let node): return object([("pass", string("forward")), ("node", String(node))])
        case .seed(let node): return object([("pass", string("seed")), ("node", String(node))])
        case .backward(let node, let sends):
            return object([("pass", string("backward")), ("node", String(node)), ("sends", array(sends.map { send in
                object([("to", String(send.to)), ("arrival", String(send.arrival)), ("slot", String(send.slot))])
            }))])
        case .done: return object([("pass", string("done"))])
        }
    }

    private func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func array(_ elements: [String], separator: String = ", ") -> String {
        "[" + elements.joined(separator: separator) + "]"
    }

    /// A JSON string with `<` escaped: safe inside an HTML script element.
    private func string(_ text: String) -> String {
        let quoted = JSONFormatter.string(text)
        guard quoted.contains("<") else { return quoted }
        var escaped = ""
        for character in quoted.unicodeScalars {
            if character == "<" { escaped += "\\u003c" } else { escaped.unicodeScalars.append(character) }
        }
        return escaped
    }
}
