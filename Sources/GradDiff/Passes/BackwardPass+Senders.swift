/// The backward pass for a caller that runs it at many points of one tape (`minimize`,
/// batch rows). Which nodes send gradient depends only on the tape and the output, not
/// on the values, so it is found once (`senders`) instead of at every run; the gradients
/// are the same, bit for bit.
extension BackwardPass {
    /// For each node, whether it sends gradient to its inputs: an op the output depends
    /// on that reads a variable (`readers` is the tape's `variableReaders()`).
    public static func senders(_ tape: Tape, output: NodeID, readers: [Bool]) -> [Bool] {
        var sends = [Bool](repeating: false, count: tape.count)
        guard output >= 0, Int(output) < tape.count else { return sends }
        var reachesOutput = [Bool](repeating: false, count: Int(output) + 1)
        reachesOutput[Int(output)] = true
        for i in stride(from: Int(output), through: 0, by: -1) where reachesOutput[i] && tape.ops[i].arity > 0 {
            reachesOutput[Int(tape.first[i])] = true
            if tape.second[i] >= 0 { reachesOutput[Int(tape.second[i])] = true }
            sends[i] = readers[i]
        }
        return sends
    }

    /// Fills `gradients` with ∂output/∂node for every node, as `run` does, with the
    /// senders found beforehand for this tape and output.
    public static func run(_ tape: Tape, values: [Double], output: NodeID, into gradients: inout [Double],
                           senders: [Bool], readers: [Bool], kinks: KinkConvention = .zero) {
        let count = tape.count
        clear(&gradients, count: count)
        guard output >= 0, Int(output) < count else { return }
        let partials = NumericPartials(kinks: kinks)
        gradients.withUnsafeMutableBufferPointer { gradient in
            gradient[Int(output)] = 1
            senders.withUnsafeBufferPointer { sends in
                withColumns(tape, values, readers) { columns in
                    for i in stride(from: Int(output), through: 0, by: -1) where sends[i] {
                        send(i, columns.ops[i], Int(columns.first[i]), Int(columns.second[i]), partials, gradient, columns)
                    }
                }
            }
        }
    }
}
