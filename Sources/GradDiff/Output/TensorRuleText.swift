/// The tensor layer's rules (`TensorRules`) as formulas, for `--explain` and the
/// backward edges of `--dot-backward`: `W ← δz · xᵀ`, `x ← Wᵀ · δz`,
/// `z ← δa ∘ a ∘ (1 - a)`. `·` is a product of matrices (or by a scalar), `∘` the
/// elementwise product. An elementwise op's formula is the scalar rule table's, read by
/// `FormulaAlgebra` over the inputs' names, with its products made elementwise.
struct TensorTerm: Sendable, Equatable {
    var text: String
    var precedence: Int
    /// Whether the term is a scalar (its products are written `·`, not `∘`).
    var isScalar: Bool

    static func name(_ text: String, scalar: Bool) -> TensorTerm {
        TensorTerm(text: text, precedence: Precedence.atom, isScalar: scalar)
    }

    /// The text as an operand at `precedence` (parenthesized below it).
    func operand(above precedence: Int) -> String {
        self.precedence < precedence ? "(\(text))" : text
    }

    /// `self · other` or, for two vectors or matrices, `self ∘ other`.
    func times(_ other: TensorTerm, elementwise: Bool = true) -> TensorTerm {
        if text == "1" { return other }
        if other.text == "1" { return self }
        let sign = elementwise && !isScalar && !other.isScalar ? " ∘ " : " · "
        return TensorTerm(text: operand(above: Precedence.product) + sign + other.operand(above: Precedence.product),
                          precedence: Precedence.product, isScalar: isScalar && other.isScalar)
    }

    /// `self ·ᵀ`: the transpose, `xᵀ`.
    var transposed: TensorTerm {
        isScalar ? self : TensorTerm(text: operand(above: Precedence.atom) + "ᵀ", precedence: Precedence.atom, isScalar: false)
    }

    func call(_ function: String) -> TensorTerm {
        TensorTerm(text: "\(function)(\(text))", precedence: Precedence.atom, isScalar: true)
    }
}

enum TensorRuleText {
    /// The formula each input of a node receives: `op` on `inputs` (their terms, in
    /// order) with result `output`, sent `delta`. A user function's is `δ ∘ ∂f/∂a`.
    static func sends(_ op: TensorOp, delta: TensorTerm, output: TensorTerm, inputs: [TensorTerm],
                      shapes: [TensorShape]) -> [TensorTerm] {
        let ones = { (shape: TensorShape) in TensorTerm.name("ones(\(shape.dimensions.map(String.init).joined(separator: ", ")))", scalar: false) }
        switch op {
        case .input, .constant: return []
        case .literal:
            return inputs.indices.map { _ in delta }
        case .map(let scalar): return map(scalar, delta: delta, output: output, inputs: inputs)
        case .call(let name, _):
            return inputs.map { input in
                let partial = TensorTerm.name("∂\(name)/∂\(input.operand(above: Precedence.atom))", scalar: input.isScalar && output.isScalar)
                return reduced(delta.times(partial), to: input, from: output)
            }
        case .matmul:
            let (a, b) = (inputs[0], inputs[1])
            switch (shapes[0].rank, shapes[1].rank) {
            case (1, 1): return [delta.times(b), delta.times(a)]
            case (1, _): return [b.times(delta, elementwise: false), a.times(delta.transposed, elementwise: false)]
            default: return [delta.times(b.transposed, elementwise: false), a.transposed.times(delta, elementwise: false)]
            }
        case .transpose: return [delta.transposed]
        case .dot: return [delta.times(inputs[1]), delta.times(inputs[0])]
        case .outer: return [delta.times(inputs[1], elementwise: false), delta.transposed.times(inputs[0], elementwise: false)]
        case .sum(let dimension):
            // A scalar δ goes to every element as it is.
            let shape = shapes[0]
            switch dimension {
            case 1: return [ones(.vector(shape.rows)).times(delta.transposed, elementwise: false)]
            case 2: return [delta.times(ones(.vector(shape.columns)).transposed, elementwise: false)]
            default: return [delta]
            }
        case .mean:
            return [TensorTerm(text: delta.operand(above: Precedence.product) + " / \(shapes[0].count)",
                               precedence: Precedence.product, isScalar: true)]
        case .norm:
            let ratio = TensorTerm(text: inputs[0].operand(above: Precedence.product) + " / " + output.operand(above: Precedence.power),
                                   precedence: Precedence.product, isScalar: false)
            return [delta.times(ratio)]
        case .softmax:
            let weighted = delta.times(output).call("sum")
            let difference = TensorTerm(text: delta.operand(above: Precedence.sum) + " - " + weighted.text,
                                        precedence: Precedence.sum, isScalar: false)
            return [output.times(difference)]
        case .logsumexp:
            // softmax(z), which exp(z - l) is, but computed without rounding l first.
            return [delta.times(TensorTerm(text: "softmax(\(inputs[0].text))", precedence: Precedence.atom, isScalar: false))]
        }
    }

    /// An elementwise op: δ ∘ (the scalar rule's partial, its products made elementwise);
    /// a scalar operand of a vector collects sum(…).
    private static func map(_ op: Op, delta: TensorTerm, output: TensorTerm, inputs: [TensorTerm]) -> [TensorTerm] {
        let algebra = FormulaAlgebra()
        // A number folds (the 2 of x^2 gives 2 · x, not 2 · x^(2 - 1)).
        let symbols = inputs.map { Double($0.text).map(algebra.constant) ?? algebra.symbol($0.operand(above: Precedence.atom)) }
        let partials = op.partials(symbols[0], symbols.count > 1 ? symbols[1] : algebra.zero,
                                   output: algebra.symbol(output.operand(above: Precedence.atom)), in: algebra)
        return zip(inputs, [partials.0, partials.1]).map { input, partial in
            let elementwise = !(output.isScalar && input.isScalar)
            let text = elementwise ? hadamard(partial.text) : partial.text.replacingAll("*", with: "·")
            let term: TensorTerm
            switch partial.text {
            case "1": term = delta
            case "-1": term = TensorTerm(text: "-" + delta.operand(above: Precedence.power), precedence: Precedence.prefix, isScalar: delta.isScalar)
            default: term = delta.times(TensorTerm(text: text, precedence: partial.precedence, isScalar: !elementwise))
            }
            return reduced(term, to: input, from: output)
        }
    }

    /// A scalar that went with every element of a vector or matrix collects the sum.
    private static func reduced(_ term: TensorTerm, to input: TensorTerm, from output: TensorTerm) -> TensorTerm {
        input.isScalar && !output.isScalar ? TensorTerm(text: "sum(\(term.text))", precedence: Precedence.atom, isScalar: true) : term
    }

    /// A partial's products as elementwise ones (`a * (1 - a)` → `a ∘ (1 - a)`), except
    /// by a number (`2 * x` → `2 · x`).
    static func hadamard(_ text: String) -> String {
        let parts = text.components(separatedBy: " * ")
        guard parts.count > 1 else { return text }
        var result = parts[0]
        for part in parts.dropFirst() {
            // A factor is a number when the token beside the `*` is one, not a parenthesized sum.
            let left = result.split(separator: " ").last.map(String.init) ?? ""
            let right = part.split(separator: " ").first.map(String.init) ?? ""
            let isNumber = { (token: String) in Double(token) != nil }
            result += (isNumber(left) || isNumber(right) ? " · " : " ∘ ") + part
        }
        return result
    }
}

private extension String {
    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

}
