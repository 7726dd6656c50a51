/// What each step sends its inputs: a formula and its numbers, by the tensor layer's
/// rules for a tensor node, by the scalar rule table for a scalar node.
extension TensorExplainFormatter {
    /// One input's share: the row it goes to (and the element, when the input is one
    /// element of a vector or matrix row), the formula, and the numbers (shaped like the
    /// input).
    struct Send {
        var row: Int
        var element: Int?
        var term: TensorTerm
        var numbers: [Double]
    }

    /// The row and element an operand reading tape node `node` is.
    func target(of node: NodeID) -> (row: Int, element: Int?)? {
        guard let index = view.row(of: node) else { return nil }
        if case .tensor = view.rows[index].kind, !view.rows[index].shape.isScalar {
            return (index, Int(view.elementIndex[Int(node)]))
        }
        return (index, nil)
    }

    /// The term an input reads as in a formula: its name, or its text while short.
    func term(of target: (row: Int, element: Int?)) -> TensorTerm {
        let row = view.rows[target.row]
        if let element = target.element { return .name(row.label + row.shape.indexText(element), scalar: true) }
        let operand = text.operand(target.row)
        return TensorTerm(text: operand.text, precedence: operand.precedence, isScalar: row.shape.isScalar)
    }

    /// The sends of row `index`, which received `delta` (formula) and `numbers`.
    func sends(_ index: Int, delta: TensorTerm, numbers: [Double]) -> [Send] {
        let row = view.rows[index]
        let result = view.result
        let output = TensorTerm.name(row.label, scalar: row.shape.isScalar)
        switch row.kind {
        case .scalar(let node):
            let tape = result.tape
            let inputs = tape.inputs(of: node)
            let targets = inputs.compactMap(target(of:))
            guard targets.count == inputs.count else { return [] }
            let op = tape.ops[Int(node)]
            let terms = TensorRuleText.sends(.map(op), delta: delta, output: output, inputs: targets.map(term(of:)),
                                             shapes: inputs.map { _ in .scalar })
            let (a, b) = result.inputValues(of: node)
            let partials = NumericPartials(kinks: result.kinkConvention).of(op, a, b, output: result.values[Int(node)])
            return zip(targets, zip(terms, [partials.0, partials.1])).map { target, pair in
                Send(row: target.row, element: target.element, term: pair.0, numbers: [numbers[0] * pair.1])
            }
        case .tensor(let id):
            let node = result.tensors[id]
            if node.op == .literal { return literalSends(row, at: Int(view.rowOfTensor[Int(id)]), delta: delta, numbers: numbers) }
            let targets = node.inputs.map { input -> (row: Int, element: Int?)? in
                if let tensor = input.tensor { return view.rowOfTensor[Int(tensor)] >= 0 ? (Int(view.rowOfTensor[Int(tensor)]), nil) : nil }
                return target(of: input.scalar!)
            }
            guard targets.allSatisfy({ $0 != nil }) else { return [] }
            let shapes = node.inputs.map { result.tensors.shape(of: $0) }
            let operands = node.inputs.map { input in
                TensorRules.Operand(values: elements(of: input).map { result.values[Int($0)] }, shape: result.tensors.shape(of: input))
            }
            let terms = TensorRuleText.sends(node.op, delta: delta, output: output, inputs: targets.map { term(of: $0!) }, shapes: shapes)
            let shares = TensorRules.backward(node.op, delta: numbers, output: TensorRules.Operand(values: view.values(row), shape: row.shape),
                                              inputs: operands, kinks: result.kinkConvention)
                ?? node.inputs.map { tapeShare(id, to: $0) }
            return targets.indices.map { k in Send(row: targets[k]!.row, element: targets[k]!.element, term: terms[k], numbers: shares[k]) }
        }
    }

    private func elements(of input: TensorRef) -> [NodeID] {
        input.tensor.map { Array(view.result.tensors.elements(of: $0)) } ?? [input.scalar!]
    }

    /// A literal (row `index`) sends each element's gradient to where that element came
    /// from; its constants were made with it, and send nothing.
    private func literalSends(_ row: TensorView.Row, at index: Int, delta: TensorTerm, numbers: [Double]) -> [Send] {
        var sends: [Int: Send] = [:]
        var order: [Int] = []
        let columns = row.shape.rank == 2 ? row.shape.columns : 1
        for (k, element) in row.elements.enumerated() {
            guard let target = target(of: element), target.row != index else { continue }
            let position = row.shape.rank == 2 && target.element != nil ? "[\(k / columns + 1), :]" : row.shape.indexText(k)
            let part = delta.operand(above: Precedence.atom) + position
            if sends[target.row] == nil {
                order.append(target.row)
                let count = view.rows[target.row].shape.count
                sends[target.row] = Send(row: target.row, element: nil, term: .name(part, scalar: true), numbers: Array(repeating: 0, count: count))
            } else if !sends[target.row]!.term.text.hasSuffix(part) && !sends[target.row]!.term.text.contains(part + " ") {
                sends[target.row]!.term = TensorTerm(text: sends[target.row]!.term.text + " + " + part, precedence: Precedence.sum, isScalar: true)
            }
            sends[target.row]!.numbers[target.element ?? 0] += numbers[k]
        }
        return order.map { sends[$0]! }
    }

    /// What tensor node `id` sends to `input` by its tape nodes' own rules: the route for
    /// an op whose rule is not one formula (a user function applied to each element).
    private func tapeShare(_ id: Int32, to input: TensorRef) -> [Double] {
        let result = view.result
        let tape = result.tape
        let node = result.tensors[id]
        var shares: [NodeID: Double] = [:]
        for i in Int(node.tapeStart)..<Int(node.tapeEnd) where tape.ops[i].arity > 0 {
            let (a, b) = result.inputValues(of: NodeID(i))
            let partials = NumericPartials(kinks: result.kinkConvention).of(tape.ops[i], a, b, output: result.values[i])
            for (k, source) in tape.inputs(of: NodeID(i)).enumerated() where source < node.tapeStart || source >= node.tapeEnd {
                shares[source, default: 0] += result.gradients[i] * (k == 0 ? partials.0 : partials.1)
            }
        }
        return elements(of: input).map { shares[$0] ?? 0 }
    }
}
