/// Forward-mode differentiation: one loop up the tape beside the values, each node's
/// tangent (its directional derivative along `direction`) from its inputs' tangents and
/// the same local partials the backward pass uses (`NumericPartials`, so `--kink`
/// applies alike):
///
///     ṅ = ∂n/∂a · ȧ + ∂n/∂b · ḃ
///
/// One pass gives the derivative of every node along one direction; the gradient of
/// one output with respect to n inputs takes n passes, where the backward pass takes
/// one. A tangent that is zero because nothing it depends on moves (a constant, or a
/// variable whose direction is 0) is zero exactly: it sends nothing, so a nan partial
/// (∂(a^b)/∂b for a constant exponent of a negative base) does not reach the result.
public enum TangentPass {
    /// Every node's tangent, given the forward pass's `values` and the direction of
    /// each variable by slot.
    public static func run(_ tape: Tape, values: [Double], direction: [Double],
                           kinks: KinkConvention = .zero) -> [Double] {
        let count = tape.count
        var tangents = [Double](repeating: 0, count: count)
        var moves = [Bool](repeating: false, count: count)
        let partials = NumericPartials(kinks: kinks)
        for i in 0..<count {
            let op = tape.ops[i]
            switch op {
            case .constant:
                continue
            case .variable:
                let slot = Int(tape.first[i])
                tangents[i] = direction[slot]
                moves[i] = direction[slot] != 0
            default:
                let a = Int(tape.first[i])
                let b = Int(tape.second[i])
                let movesA = moves[a], movesB = b >= 0 && moves[b]
                guard movesA || movesB else { continue }
                let (partialA, partialB) = partials.of(op, values[a], b >= 0 ? values[b] : 0, output: values[i])
                var tangent = 0.0
                if movesA { tangent += partialA * tangents[a] }
                if movesB { tangent += partialB * tangents[b] }
                tangents[i] = tangent
                moves[i] = true
            }
        }
        return tangents
    }

    /// The direction that moves the variable in `slot` alone, at unit speed.
    public static func unit(_ slot: Int, of count: Int) -> [Double] {
        var direction = [Double](repeating: 0, count: count)
        direction[slot] = 1
        return direction
    }
}

/// What each mode costs for the derivatives of `outputs` with respect to `inputs`
/// variables: every local partial a pass multiplies by a tangent or gradient is one
/// multiply-add. A forward pass visits every edge into the outputs' subgraph; the
/// backward pass from one output visits the edges of that output's subgraph.
public struct ModeCosts: Sendable, Equatable {
    public var inputs: Int
    public var outputs: Int
    /// Forward mode: one pass per input.
    public var forwardMultiplyAdds: Int
    /// Reverse mode: one pass per output.
    public var reverseMultiplyAdds: Int

    public init(_ tape: Tape, outputs: [NodeID], inputs: Int) {
        self.inputs = inputs
        self.outputs = outputs.count
        var union = 0
        var reverse = 0
        var inUnion = [Bool](repeating: false, count: tape.count)
        for output in outputs {
            var reached = [Bool](repeating: false, count: Int(output) + 1)
            reached[Int(output)] = true
            for i in stride(from: Int(output), through: 0, by: -1) where reached[i] {
                let edges = tape.inputs(of: NodeID(i))
                reverse += edges.count
                if !inUnion[i] {
                    inUnion[i] = true
                    union += edges.count
                }
                for input in edges { reached[Int(input)] = true }
            }
        }
        forwardMultiplyAdds = inputs * union
        reverseMultiplyAdds = reverse
    }

    /// Which mode needs fewer passes: forward when there are fewer inputs than outputs.
    public var cheaperMode: DifferentiationMode {
        forwardMultiplyAdds < reverseMultiplyAdds ? .forward : .reverse
    }
}

/// `--mode`: how derivatives are computed.
public enum DifferentiationMode: String, CaseIterable, Sendable {
    /// Tangents: one forward pass per input (direction).
    case forward
    /// Gradients: one backward pass per output.
    case reverse
}
