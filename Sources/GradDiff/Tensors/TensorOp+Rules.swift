/// The rules of the tensor layer: for each op, what each input receives from δ (the
/// gradient of the output with respect to the node), written as the lecture notes write
/// it for whole vectors and matrices. They sit beside the scalar rule table
/// (`Op+Rules.swift`), which differentiates the lowered tape; `--explain` narrates with
/// these, and the tests check every one against the tape's numbers. The elementwise case
/// is the scalar rule applied per element (`NumericPartials`, `--kink` included).
///
///     map(f)      a ← δ ∘ f'(a)                     (a scalar operand: sum(δ ∘ ∂f/∂a))
///     A @ B       A ← δ · Bᵀ      B ← Aᵀ · δ         (W @ x: W ← δ · xᵀ, x ← Wᵀ · δ)
///     Aᵀ          A ← δᵀ
///     dot(a, b)   a ← δ · b       b ← δ · a
///     outer(a, b) a ← δ · b       b ← δᵀ · a
///     sum(A)      A ← δ · ones    sum(W, 1): W ← ones · δᵀ;  sum(W, 2): W ← δ · onesᵀ
///     mean(A)     A ← δ / n · ones
///     norm(a)     a ← δ · a / norm(a)
///     softmax(z)  z ← s ∘ (δ − sum(δ ∘ s)),  s = softmax(z)
///     logsumexp   z ← δ · softmax(z)            (= δ · exp(z − l), l = logsumexp(z))
enum TensorRules {
    /// An operand: its numbers (row-major) and shape.
    struct Operand {
        var values: [Double]
        var shape: TensorShape
    }

    /// What each input of a node computing `op` on `inputs` (value `output`) receives
    /// from `delta`, shaped like that input; nil for an op whose rule is not a formula of
    /// whole tensors (a user function: its elements' own rules apply) or a leaf.
    static func backward(_ op: TensorOp, delta: [Double], output: Operand, inputs: [Operand],
                         kinks: KinkConvention = .zero) -> [[Double]]? {
        switch op {
        case .input, .constant, .literal, .call: return nil
        case .map(let scalar): return map(scalar, delta: delta, output: output, inputs: inputs, kinks: kinks)
        case .matmul:
            let (a, b) = (inputs[0], inputs[1])
            let (m, k) = a.shape.rank == 2 ? (a.shape.rows, a.shape.columns) : (1, a.shape.rows)
            let n = b.shape.rank == 2 ? b.shape.columns : 1
            // δ is m×n: A ← δ · Bᵀ (m×k), B ← Aᵀ · δ (k×n).
            return [product(delta, transpose(b.values, k, n), m, n, k), product(transpose(a.values, m, k), delta, k, m, n)]
        case .transpose:
            // A vector is its own transpose.
            return [output.shape.rank == 2 ? transpose(delta, output.shape.rows, output.shape.columns) : delta]
        case .dot:
            return [inputs[1].values.map { delta[0] * $0 }, inputs[0].values.map { delta[0] * $0 }]
        case .outer:
            let (m, n) = (inputs[0].shape.rows, inputs[1].shape.rows)
            return [product(delta, inputs[1].values, m, n, 1), product(transpose(delta, m, n), inputs[0].values, n, m, 1)]
        case .sum(let dimension):
            let shape = inputs[0].shape
            if dimension == 0 { return [Array(repeating: delta[0], count: shape.count)] }
            return [(0..<shape.count).map { delta[dimension == 1 ? $0 % shape.columns : $0 / shape.columns] }]
        case .mean:
            return [Array(repeating: delta[0] / Double(inputs[0].shape.count), count: inputs[0].shape.count)]
        case .norm:
            return [inputs[0].values.map { delta[0] * $0 / output.values[0] }]
        case .softmax:
            let s = output.values
            let weighted = zip(delta, s).reduce(0) { $0 + $1.0 * $1.1 }
            return [zip(s, delta).map { $0 * ($1 - weighted) }]
        case .logsumexp:
            // exp(z − l) would round l first (l = 1e16 + log 2 is 1e16): the tape's numbers,
            // in its order: δ · (1 / Σ exp(z − c)) from the log, times each exp(z − c).
            let shifted = shiftedExponentials(inputs[0].values)
            let share = delta[0] * (1 / shifted.total)
            return [shifted.exponentials.map { share * $0 }]
        }
    }

    /// Each exp(z − c), c the largest element, and their sum: `TensorLowering`'s nodes.
    private static func shiftedExponentials(_ z: [Double]) -> (exponentials: [Double], total: Double) {
        let shift = z.dropFirst().reduce(z[0]) { Op.logsumexpShift.value($0, $1) }
        let exponentials = z.map { Op.expDifference.value($0, shift) }
        return (exponentials, exponentials.dropFirst().reduce(exponentials[0], +))
    }

    /// The scalar rule per element; a scalar operand of a tensor op collects the sum.
    private static func map(_ op: Op, delta: [Double], output: Operand, inputs: [Operand],
                            kinks: KinkConvention) -> [[Double]] {
        var sends = inputs.map { [Double](repeating: 0, count: $0.shape.count) }
        for k in 0..<output.shape.count {
            let a = inputs[0].values[inputs[0].shape.isScalar ? 0 : k]
            let b = inputs.count > 1 ? inputs[1].values[inputs[1].shape.isScalar ? 0 : k] : 0
            let partials = NumericPartials(kinks: kinks).of(op, a, b, output: output.values[k])
            for (index, partial) in [partials.0, partials.1].prefix(inputs.count).enumerated() {
                sends[index][inputs[index].shape.isScalar ? 0 : k] += delta[k] * partial
            }
        }
        return sends
    }

    /// (m×k) · (k×n), row-major.
    static func product(_ a: [Double], _ b: [Double], _ m: Int, _ k: Int, _ n: Int) -> [Double] {
        var result = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for l in 0..<k {
                for j in 0..<n { result[i * n + j] += a[i * k + l] * b[l * n + j] }
            }
        }
        return result
    }

    /// The transpose of an m×n matrix (n×m), row-major.
    static func transpose(_ a: [Double], _ m: Int, _ n: Int) -> [Double] {
        (0..<(m * n)).map { index in a[(index % m) * n + index / m] }
    }
}
