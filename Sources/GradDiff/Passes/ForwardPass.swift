/// The forward pass: one loop up the tape, each node's value from its inputs'.
public enum ForwardPass {
    /// Computes every node's value into `values` (resized to the tape), with the
    /// variables' values given by slot.
    public static func run(_ tape: Tape, variables: [Double], into values: inout [Double]) {
        let count = tape.count
        if values.count != count { values = HugePages.array(repeating: 0, count: count) }
        tape.ops.withUnsafeBufferPointer { ops in
            tape.first.withUnsafeBufferPointer { first in
                tape.second.withUnsafeBufferPointer { second in
                    values.withUnsafeMutableBufferPointer { value in
                        for i in 0..<count {
                            let op = ops[i]
                            switch op {
                            case .constant: value[i] = tape.constants[Int(first[i])]
                            case .variable: value[i] = variables[Int(first[i])]
                            default:
                                let b = second[i] >= 0 ? value[Int(second[i])] : 0
                                value[i] = op.value(value[Int(first[i])], b)
                            }
                        }
                    }
                }
            }
        }
    }

    public static func run(_ tape: Tape, variables: [Double]) -> [Double] {
        var values: [Double] = []
        run(tape, variables: variables, into: &values)
        return values
    }
}
