/// One edge of the backward pass: how much a node changes per unit change of one of
/// its inputs (∂node/∂input), as a formula over labels and as a number. Both come from
/// the rule table, read once as text (`FormulaAlgebra`) and once as numbers.
struct LocalPartial: Sendable {
    var input: NodeID
    /// The formula in the node's and inputs' labels: `z` for ∂(p * z)/∂p.
    var formula: FormulaAlgebra.Term
    var value: Double
}

extension PassResult {
    /// ∂node/∂input for each input of `id` that reads a variable, in input order (x·x
    /// lists x twice): a constant input gets no gradient, so nothing is sent to it.
    func localPartials(of id: NodeID) -> [LocalPartial] {
        let index = Int(id)
        let op = tape.ops[index]
        let inputs = tape.inputs(of: id)
        guard !inputs.isEmpty, hasGradient(id) else { return [] }
        let algebra = FormulaAlgebra()
        let terms = inputs.map { term(for: $0, in: algebra) }
        let formulas = op.partials(terms[0], terms.count > 1 ? terms[1] : algebra.zero,
                                   output: algebra.symbol(tape.label(of: id)), in: algebra)
        let a = values[Int(inputs[0])], b = inputs.count > 1 ? values[Int(inputs[1])] : 0
        let numbers = NumericPartials(kinks: kinkConvention).of(op, a, b, output: values[index])
        // Where a convention picked a one-sided value, the formula says so: the rule's own
        // formula (sign(x)) would not give the number beside it.
        let picked = op.oneSidedPartials(a, b) != nil ? kinkConvention.pickedValueName(op).map(algebra.symbol) : nil
        var partials = [LocalPartial(input: inputs[0], formula: picked ?? formulas.0, value: numbers.0)]
        if inputs.count > 1 { partials.append(LocalPartial(input: inputs[1], formula: picked ?? formulas.1, value: numbers.1)) }
        return partials.filter { hasGradient($0.input) }
    }

    /// The node as its one-level formula, inputs by label: `p * z`, `sin(s)`, `n2 / 3`.
    func oneLevelText(of id: NodeID) -> String {
        let inputs = tape.inputs(of: id)
        guard !inputs.isEmpty else { return tape.label(of: id) }
        let algebra = FormulaAlgebra(simplifying: false)
        return apply(tape.ops[Int(id)], inputs.map { term(for: $0, in: algebra) }, in: algebra).text
    }

    /// The node's formula with the inputs' values written in: `4 * (-3)`, `sin(0.7)`.
    func substitutedText(of id: NodeID, number: (Double) -> String) -> String {
        let algebra = FormulaAlgebra(simplifying: false)
        let inputs = tape.inputs(of: id).map { algebra.number(number(values[Int($0)])) }
        return apply(tape.ops[Int(id)], inputs, in: algebra).text
    }

    /// A constant input is a constant term (so 2 - 1 folds to 1); anything else its label.
    private func term(for id: NodeID, in algebra: FormulaAlgebra) -> FormulaAlgebra.Term {
        let index = Int(id)
        guard tape.ops[index] == .constant else { return algebra.symbol(tape.label(of: id)) }
        let value = tape.constants[Int(tape.first[index])]
        return algebra.simplifying ? algebra.constant(value) : algebra.number(NodeText.constantText(value))
    }

    private func apply(_ op: Op, _ inputs: [FormulaAlgebra.Term], in algebra: FormulaAlgebra) -> FormulaAlgebra.Term {
        inputs.count == 1 ? algebra.apply(op, inputs[0]) : algebra.apply(op, inputs[0], inputs[1])
    }
}
