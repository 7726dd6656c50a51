/// Where nan and ±inf first appear, for the report that names them. In the forward pass:
/// the inputs bound to a non-finite value and the nodes whose value is not finite
/// although all their inputs are (domain errors such as log(-1), sqrt(-1), 1/0). In the
/// backward pass, when every value is finite: the first node (in the order the pass
/// runs) that sends a non-finite gradient from a finite one, with the local partial that
/// did it (sqrt at 0, or 0 times an infinite partial).
struct NonFiniteOrigins: Sendable {
    /// The forward pass's origins the output depends on, in tape order.
    let forward: [NodeID]
    /// The backward pass's first origin, looked for only when `forward` is empty.
    let backward: BackwardOrigin?

    /// A node sending a non-finite gradient from a finite one.
    struct BackwardOrigin: Sendable {
        let node: NodeID
        let input: NodeID
        /// The gradient the node had received, and the local partial it multiplied.
        let received: Double
        let partial: Double
        let contribution: Double
    }

    init(_ tape: Tape, values: [Double], gradients: [Double], output: NodeID, reachesOutput reaches: [Bool],
         readers: [Bool], kinks: KinkConvention) {
        var forward: [NodeID] = []
        for i in 0..<tape.count where reaches[i] && !values[i].isFinite {
            let op = tape.ops[i]
            if op == .variable
                || (op.arity > 0 && values[Int(tape.first[i])].isFinite
                    && (tape.second[i] < 0 || values[Int(tape.second[i])].isFinite)) {
                forward.append(NodeID(i))
            }
        }
        self.forward = forward
        backward = forward.isEmpty
            ? Self.backwardOrigin(tape, values, gradients, output, reaches, readers, kinks) : nil
    }

    private static func backwardOrigin(_ tape: Tape, _ values: [Double], _ gradients: [Double], _ output: NodeID,
                                       _ reaches: [Bool], _ readers: [Bool], _ kinks: KinkConvention) -> BackwardOrigin? {
        guard values.indices.allSatisfy({ !reaches[$0] || values[$0].isFinite }) else { return nil }
        guard tape.variableNodes.contains(where: { reaches[Int($0)] && !gradients[Int($0)].isFinite }) else { return nil }
        // Replay the pass, watching each node's gradient as it arrives (as the pass, none
        // from or into a constant).
        let partials = NumericPartials(kinks: kinks)
        var received = Array(repeating: 0.0, count: tape.count)
        received[Int(output)] = 1
        for i in stride(from: Int(output), through: 0, by: -1) where reaches[i] && readers[i] {
            let inputs = tape.inputs(of: NodeID(i))
            guard !inputs.isEmpty, received[i].isFinite else { continue }
            let a = values[Int(inputs[0])]
            let b = inputs.count > 1 ? values[Int(inputs[1])] : 0
            let (partialA, partialB) = partials.of(tape.ops[i], a, b, output: values[i])
            for (input, partial) in zip(inputs, [partialA, partialB]) where readers[Int(input)] {
                let contribution = received[i] * partial
                received[Int(input)] += contribution
                guard !contribution.isFinite else { continue }
                return BackwardOrigin(node: NodeID(i), input: input, received: received[i], partial: partial,
                                      contribution: contribution)
            }
        }
        return nil
    }
}
