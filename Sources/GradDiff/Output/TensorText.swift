/// Each row of a `TensorView` as an expression, in the program's own syntax: `W @ x + b`,
/// `sigmoid(z)`, `sum((a - t)^2)`, `Wᵀ`, `0.5 * t4`. A named row is read by its name;
/// an unnamed one is written out while the text stays under `maximumWidth`, else read by
/// its label (`t4`, `n12`). One loop over the rows, no recursion.
struct TensorText {
    let view: TensorView
    var maximumWidth = 48
    /// Each row's text and the precedence it prints at.
    private(set) var texts: [String] = []
    private var precedences: [Int] = []

    init(_ view: TensorView, maximumWidth: Int = 48) {
        self.view = view
        self.maximumWidth = maximumWidth
        for row in view.rows {
            let (text, precedence) = render(row)
            texts.append(text)
            precedences.append(precedence)
        }
    }

    /// How row `index` reads where another row uses it: its label if it has a name (or
    /// its text is long), else its text.
    func operand(_ index: Int) -> InfixText.Operand {
        let row = view.rows[index]
        if isNamed(row) || texts[index].count > maximumWidth { return (row.label, Precedence.atom) }
        return (texts[index], precedences[index])
    }

    /// How a tape node reads: its row, or an element of a vector's or matrix's row (`z[2]`).
    func operand(node: NodeID) -> InfixText.Operand {
        guard let index = view.row(of: node) else { return ("n\(node)", Precedence.atom) }
        let row = view.rows[index]
        if case .tensor = row.kind, !row.shape.isScalar {
            return (row.label + row.shape.indexText(Int(view.elementIndex[Int(node)])), Precedence.atom)
        }
        return operand(index)
    }

    /// Whether the user named the row: an input, a named step, or a constant (its own name).
    func isNamed(_ row: TensorView.Row) -> Bool {
        switch row.kind {
        case .scalar(let node):
            let tape = view.result.tape
            return tape.stepNames[node] != nil || tape.ops[Int(node)] == .variable || tape.ops[Int(node)] == .constant
        case .tensor(let id):
            return view.result.tensors.names[id] != nil || (row.shape.isScalar && view.result.tape.stepNames[row.elements[0]] != nil)
        }
    }

    private func render(_ row: TensorView.Row) -> (String, Int) {
        switch row.kind {
        case .scalar(let node):
            let tape = view.result.tape
            let op = tape.ops[Int(node)]
            guard op.arity > 0 else { return (row.label, Precedence.atom) }
            return compose(op, tape.inputs(of: node).map { operand(node: $0) })
        case .tensor(let id):
            return render(view.result.tensors[id], row)
        }
    }

    private func render(_ node: TensorNode, _ row: TensorView.Row) -> (String, Int) {
        let inputs = node.inputs.map { input -> InfixText.Operand in
            if let tensor = input.tensor, view.rowOfTensor[Int(tensor)] >= 0 { return operand(Int(view.rowOfTensor[Int(tensor)])) }
            return operand(node: input.scalar ?? -1)
        }
        switch node.op {
        case .input:
            return (row.label, Precedence.atom)
        case .constant, .literal:
            return (node.text.isEmpty ? "[… \(row.shape.text)]" : node.text, Precedence.atom)
        case .map(let op):
            return compose(op, inputs)
        case .call(let name, _):
            return (InfixText.call(name, inputs.map(\.text)), Precedence.atom)
        case .matmul:
            let left = inputs[0].precedence < Precedence.product ? "(\(inputs[0].text))" : inputs[0].text
            let right = inputs[1].precedence <= Precedence.product ? "(\(inputs[1].text))" : inputs[1].text
            return ("\(left) @ \(right)", Precedence.product)
        case .transpose:
            return ((inputs[0].precedence < Precedence.atom ? "(\(inputs[0].text))" : inputs[0].text) + "ᵀ", Precedence.atom)
        case .sum(let dimension) where dimension > 0:
            return (InfixText.call("sum", [inputs[0].text, "\(dimension)"]), Precedence.atom)
        default:
            return (InfixText.call(node.op.name, inputs.map(\.text)), Precedence.atom)
        }
    }

    private func compose(_ op: Op, _ parts: [InfixText.Operand]) -> (String, Int) {
        switch op {
        case .negate: return (InfixText.negate(parts[0]), Precedence.of(op))
        case .add, .subtract, .multiply, .divide, .power: return (InfixText.binary(op, parts[0], parts[1]), Precedence.of(op))
        default: return (InfixText.call(op.functionSpelling ?? op.name, parts.map(\.text)), Precedence.atom)
        }
    }
}
