extension DotFormatter {
    private var tape: Tape { result.tape }

    private func number(_ value: Double) -> String {
        NumberFormat.significant(value, digits: options.precision)
    }

    /// `n3 [shape=record, label="{ p | value 4 | grad -3 }", ...];` (a constant has no
    /// gradient field).
    func valueNode(_ id: NodeID, reachesOutput: Bool) -> String {
        let i = Int(id)
        let fields = [tape.label(of: id), "value " + number(result.values[i])]
            + (result.hasGradient(id) ? ["grad " + number(result.gradients[i])] : [])
        let label = "{ " + fields.map(DotText.recordField).joined(separator: " | ") + " }"
        var attributes = ["shape=record", "label=\"\(label)\""]
        if id == result.output {
            attributes += ["style=\"filled,bold\"", "fillcolor=\"#ffe08a\"", "penwidth=2"]
        } else if tape.ops[i] == .variable {
            attributes += ["style=filled", "fillcolor=\"#cfe2ff\""]
        } else if tape.ops[i] == .constant {
            attributes += ["style=filled", "fillcolor=\"#eeeeee\""]
        } else if tape.stepNames[id] != nil {
            attributes += ["style=filled", "fillcolor=\"#e3f4e1\""]
        }
        if !reachesOutput { attributes += ["color=gray60", "fontcolor=gray45"] }
        return "  n\(i) [\(attributes.joined(separator: ", "))];\n"
    }

    /// The op's ellipse, an edge into it from each input and one out to the node's record.
    func operationNode(_ id: NodeID, drawn: [Bool], reachesOutput: Bool) -> String {
        let i = Int(id)
        var attributes = ["label=\(DotText.quoted(result.oneLevelText(of: id)))", "shape=ellipse"]
        if !reachesOutput { attributes += ["color=gray60", "fontcolor=gray45"] }
        var text = "  n\(i)op [\(attributes.joined(separator: ", "))];\n"
        var fromElided = false
        for input in tape.inputs(of: id) {
            if drawn[Int(input)] {
                text += "  n\(input) -> n\(i)op;\n"
            } else if !fromElided {
                // A mark of its own beside each operation: edges from the one "… more
                // nodes" box to hundreds of operations across the ranks took Graphviz
                // minutes to lay out.
                text += "  n\(i)elided [shape=plaintext, label=\"…\", fontcolor=gray45];\n"
                text += "  n\(i)elided -> n\(i)op [style=dashed, color=gray60];\n"
                fromElided = true
            }
        }
        return text + "  n\(i)op -> n\(i);\n"
    }

    /// Red dashed edges against the flow, one per drawn input, labelled ∂node/∂input.
    func backwardEdges(_ id: NodeID, drawn: [Bool]) -> String {
        var text = ""
        for partial in result.localPartials(of: id) where drawn[Int(partial.input)] {
            var pieces = ["∂\(tape.label(of: id))/∂\(tape.label(of: partial.input))", partial.formula.text]
            let value = number(partial.value)
            if value != partial.formula.text { pieces.append(value) }
            let label = DotText.quoted(pieces.joined(separator: " = "))
            text += "  n\(id) -> n\(partial.input) [label=\(label), style=dashed, color=\"#c0392b\", "
                + "fontcolor=\"#c0392b\", constraint=false];\n"
        }
        return text
    }
}
