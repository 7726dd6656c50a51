/// The Jacobian of several scalar outputs (named steps, `--output p,g --jacobian`) with
/// respect to the variables: row i is ∂outputᵢ/∂x for every input x. Reverse mode fills
/// it a row at a time (one backward pass per output), forward mode a column at a time
/// (one tangent pass per input); both read the same partials, so they agree up to the
/// order of additions. Named apart from a Jacobian of one tensor-valued output, which
/// other code may compute.
public struct OutputJacobian: Sendable {
    public let outputs: [NodeID]
    /// The variables' slots, in column order.
    public let slots: [Int]
    public let mode: DifferentiationMode
    /// `matrix[i][j]` = ∂outputs[i]/∂(variable in slots[j]).
    public let matrix: [[Double]]
    public let costs: ModeCosts

    /// Computes the Jacobian at `values` (a forward pass of `tape` at the point) in
    /// `mode`, or in the cheaper mode when nil.
    public init(_ tape: Tape, values: [Double], outputs: [NodeID], slots: [Int], mode: DifferentiationMode?,
                kinks: KinkConvention = .zero) {
        self.outputs = outputs
        self.slots = slots
        costs = ModeCosts(tape, outputs: outputs, inputs: slots.count)
        let mode = mode ?? costs.cheaperMode
        self.mode = mode
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: slots.count), count: outputs.count)
        switch mode {
        case .reverse:
            var gradients: [Double] = []
            for (row, output) in outputs.enumerated() {
                BackwardPass.run(tape, values: values, output: output, into: &gradients, kinks: kinks)
                for (column, slot) in slots.enumerated() { matrix[row][column] = gradients[Int(tape.variableNodes[slot])] }
            }
        case .forward:
            for (column, slot) in slots.enumerated() {
                let tangents = TangentPass.run(tape, values: values, direction: TangentPass.unit(slot, of: tape.variableNames.count),
                                               kinks: kinks)
                for (row, output) in outputs.enumerated() { matrix[row][column] = tangents[Int(output)] }
            }
        }
        self.matrix = matrix
    }

    /// Why this mode: `reverse mode: 2 backward passes (one per output), 8 multiply-adds;
    /// forward mode would take 3 passes (one per input), 12 multiply-adds`.
    public func reason(chosen: Bool) -> String {
        let forward = "\(costs.inputs) forward pass\(costs.inputs == 1 ? "" : "es") (one per input), \(costs.forwardMultiplyAdds) multiply-adds"
        let reverse = "\(costs.outputs) backward pass\(costs.outputs == 1 ? "" : "es") (one per output), \(costs.reverseMultiplyAdds) multiply-adds"
        let (used, other) = mode == .forward ? (forward, reverse) : (reverse, forward)
        let how = chosen ? "chosen with --mode" : "the cheaper for \(costs.outputs) output\(costs.outputs == 1 ? "" : "s") and \(costs.inputs) input\(costs.inputs == 1 ? "" : "s")"
        return "\(mode.rawValue) mode (\(how)): \(used); \(mode == .forward ? "reverse" : "forward") mode would take \(other)"
    }
}
