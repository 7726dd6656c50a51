/// The rule table read as graph nodes: `op.partials(a, b, output: out, in: NodeAlgebra)`
/// appends each partial derivative to the tape as new nodes, so a derivative is itself
/// a graph that the forward pass evaluates and the backward pass differentiates again
/// (derivatives of derivatives). A class: every rule appends to one shared builder.
///
/// Folding keeps the graphs small, but only where it is exact for every double, nan
/// and ±inf included, so that a derivative graph evaluates to exactly what the numeric
/// backward pass computes (up to the sign of a zero): arithmetic on two constants (with
/// the same `Op.value` the forward pass uses), 0 + a = a, a - 0 = a, 0 - a = -a,
/// 1·a = a, -1·a = -a, a/1 = a, a^1 = a, a^0 = 1 (pow(nan, 0) is 1), -(-a) = a,
/// a + a = 2·a, a + (-b) = a - b, (-a)·b = -(a·b), -(c·b) = (-c)·b. Not folded:
/// 0·a, 0/a and a - a (nan when a is inf or nan), xlogy(0, a) and the zero-absorbing
/// product (nan when a is nan), and a·a stays a product (pow(a, 2) need not round the
/// same). Readable formulas are `TextbookForm`'s job, on a copy.
final class NodeAlgebra: DerivativeAlgebra {
    private(set) var builder: TapeBuilder
    private let span = SourceSpan(start: 0, end: 0)
    /// The most nodes the tape may grow to (`--max-nodes`): `SymbolicBackwardPass` stops
    /// there, since each pass can multiply a derivative's size (`--order 16` of a product).
    let nodeLimit: Int

    init(continuing tape: Tape, nodeLimit: Int = .max) {
        builder = TapeBuilder(continuing: tape)
        self.nodeLimit = nodeLimit
    }

    var tape: Tape { builder.tape }

    /// The number node `id` is, if it is a constant.
    func constantValue(_ id: NodeID) -> Double? {
        let tape = builder.tape
        guard tape.ops[Int(id)] == .constant else { return nil }
        return tape.constants[Int(tape.first[Int(id)])]
    }

    func constant(_ value: Double) -> NodeID {
        builder.constant(value, at: span)
    }

    func apply(_ op: Op, _ a: NodeID) -> NodeID {
        if let x = constantValue(a) { return constant(op.value(x, 0)) }
        if op == .negate, let inner = negated(a) { return inner }
        let product = builder.tape.ops[Int(a)]
        if op == .negate, product == .multiply || product == .multiplyOrZero,
           let c = constantValue(builder.tape.first[Int(a)]) {
            return apply(product, constant(-c), builder.tape.second[Int(a)])  // -(c·b) = (-c)·b
        }
        return builder.apply(op, a, at: span)
    }

    func apply(_ op: Op, _ a: NodeID, _ b: NodeID) -> NodeID {
        if let folded = fold(op, a, b) { return folded }
        return builder.apply(op, a, b, at: span)
    }

    /// The operand of `-a`, if node `id` is a negation.
    private func negated(_ id: NodeID) -> NodeID? {
        builder.tape.ops[Int(id)] == .negate ? builder.tape.first[Int(id)] : nil
    }

    /// The identities of the type comment, or nil when none applies.
    private func fold(_ op: Op, _ a: NodeID, _ b: NodeID) -> NodeID? {
        let x = constantValue(a), y = constantValue(b)
        if let x, let y { return constant(op.value(x, y)) }
        if let folded = foldNegation(op, a, b) { return folded }
        switch op {
        case .add:
            if x == 0 { return b }
            if y == 0 { return a }
            if a == b { return apply(.multiply, constant(2), a) }
        case .subtract:
            if y == 0 { return a }
            if x == 0 { return apply(.negate, b) }
        case .multiply, .multiplyOrZero:
            if x == 1 { return b }
            if y == 1 { return a }
            if x == -1 { return apply(.negate, b) }
            if y == -1 { return apply(.negate, a) }
        case .divide:
            if y == 1 { return a }
        case .power:
            if y == 1 { return a }
            if y == 0 { return constant(1) }
        default:
            break
        }
        return nil
    }

    /// Signs move outward, exactly (IEEE negation is exact and rounding is symmetric):
    /// a + (-b) = a - b, (-a) + b = b - a, a - (-b) = a + b, (-a)·b = a·(-b) = -(a·b),
    /// and likewise for a/b.
    private func foldNegation(_ op: Op, _ a: NodeID, _ b: NodeID) -> NodeID? {
        switch op {
        case .add:
            if let inner = negated(b) { return apply(.subtract, a, inner) }
            if let inner = negated(a) { return apply(.subtract, b, inner) }
        case .subtract:
            if let inner = negated(b) { return apply(.add, a, inner) }
        case .multiply, .divide:
            if let inner = negated(a) { return apply(.negate, apply(op, inner, b)) }
            if let inner = negated(b) { return apply(.negate, apply(op, a, inner)) }
        default:
            break
        }
        return nil
    }
}
