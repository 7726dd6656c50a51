/// `--format dot` and `--render` for a program with vectors and matrices: one record
/// per row of the `TensorView` (a vector or matrix is one box) with its label, shape,
/// and, when it has at most `valueLimit` elements, its value and gradient; one ellipse
/// per operation, read with its inputs' labels (`W @ x`). With `backward`, each step's
/// red dashed edges back to its inputs carry the tensor rule (`W ← δz · xᵀ`).
struct TensorDotFormatter {
    static let valueLimit = 12

    let view: TensorView
    let options: OutputOptions
    let backward: Bool
    var nodeLimit = DotFormatter.defaultNodeLimit

    /// Each row read with its inputs' labels (`W @ x`, `t5 + b`).
    private let oneLevel: TensorText

    init(_ view: TensorView, _ options: OutputOptions, backward: Bool) {
        self.view = view
        self.options = options
        self.backward = backward
        oneLevel = TensorText(view, maximumWidth: 0)
    }

    func render() -> String {
        let explain = TensorExplainFormatter(view, options)
        var drawn = explain.onPaths
        for index in view.rows.indices where explain.onPaths[index] {
            for input in view.rows[index].inputs { drawn[input] = true }
        }
        var kept = 0
        var elided = 0
        for index in drawn.indices.reversed() where drawn[index] {
            if kept < nodeLimit { kept += 1 } else { drawn[index] = false; elided += 1 }
        }
        var text = "digraph graddiff {\n  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
        text += "  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n"
        if elided > 0 {
            text += "  elided [shape=note, style=dashed, label=\(DotText.quoted("… \(elided) more nodes"))];\n"
        }
        for index in view.rows.indices where drawn[index] {
            text += record(index, explain)
            guard !explain.isLeaf(index), explain.onPaths[index] || options.wrt == nil else { continue }
            text += "  r\(index)op [label=\(DotText.quoted(oneLevel.texts[index])), shape=ellipse];\n"
            var fromElided = false
            for input in view.rows[index].inputs {
                if drawn[input] {
                    text += "  r\(input) -> r\(index)op;\n"
                } else if !fromElided {
                    text += "  elided -> r\(index)op;\n"
                    fromElided = true
                }
            }
            text += "  r\(index)op -> r\(index);\n"
            if backward { text += backwardEdges(index, explain, drawn) }
        }
        return text + "}\n"
    }

    /// `r3 [shape=record, label="{ z | 2 | value [4.6, 9.2] | grad [0.2, 0.1] }", ...];`
    private func record(_ index: Int, _ explain: TensorExplainFormatter) -> String {
        let row = view.rows[index]
        var fields = [row.label, row.shape.text]
        if row.shape.count <= Self.valueLimit {
            fields.append("value " + compact(view.values(row), row.shape))
            // A constant has no gradient: no field, as a scalar constant's record has none.
            if view.hasGradient(row) { fields.append("grad " + compact(view.gradients(row), row.shape)) }
        }
        var attributes = ["shape=record", "label=\"{ " + fields.map(DotText.recordField).joined(separator: " | ") + " }\""]
        if index == explain.outputRow {
            attributes += ["style=\"filled,bold\"", "fillcolor=\"#ffe08a\"", "penwidth=2"]
        } else if explain.isConstant(index) {
            attributes += ["style=filled", "fillcolor=\"#eeeeee\""]
        } else if explain.isLeaf(index) {
            attributes += ["style=filled", "fillcolor=\"#cfe2ff\""]
        } else if oneLevel.isNamed(row) {
            attributes += ["style=filled", "fillcolor=\"#e3f4e1\""]
        }
        if !row.elements.contains(where: { view.result.reachesOutput[Int($0)] }) { attributes += ["color=gray60", "fontcolor=gray45"] }
        return "  r\(index) [\(attributes.joined(separator: ", "))];\n"
    }

    /// Red dashed edges against the flow, each labelled with what the input receives.
    private func backwardEdges(_ index: Int, _ explain: TensorExplainFormatter, _ drawn: [Bool]) -> String {
        let row = view.rows[index]
        var text = ""
        let delta = TensorTerm.name("δ" + row.label, scalar: row.shape.isScalar)
        // Constants receive no gradient (a constant exponent's share would be nan at x < 0).
        for send in explain.sends(index, delta: delta, numbers: view.gradients(row))
        where drawn[send.row] && view.hasGradient(view.rows[send.row]) {
            let target = view.rows[send.row]
            var label = target.label + (send.element.map { target.shape.indexText($0) } ?? "") + " ← " + send.term.text
            if send.numbers.count <= Self.valueLimit {
                label += " = " + compact(send.numbers, send.element == nil ? target.shape : .scalar)
            }
            text += "  r\(index) -> r\(send.row) [label=\(DotText.quoted(label)), style=dashed, color=\"#c0392b\", "
                + "fontcolor=\"#c0392b\", constraint=false];\n"
        }
        return text
    }

    private func compact(_ values: [Double], _ shape: TensorShape) -> String {
        TensorValueText.oneLine(values, shape) { NumberFormat.significant($0, digits: options.precision) }
    }
}
