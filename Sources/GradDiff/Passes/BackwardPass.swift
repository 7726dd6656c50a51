/// The backward pass (reverse-mode differentiation): seed the output's gradient with 1,
/// then one loop down the tape, each node adding its gradient times each local partial
/// into its inputs. The `+=` is the multivariable chain rule: a node used along several
/// paths receives the sum of their contributions. Constants (nodes that read no
/// variable, `Tape.variableReaders`) neither send nor receive gradient: theirs would be
/// of no use to anyone, and could only be nan (∂(a^b)/∂b at a negative base).
public enum BackwardPass {
    /// Fills `gradients` with ∂output/∂node for every node. The buffer is cleared first,
    /// so running the pass again never accumulates into old gradients. Only nodes the
    /// output depends on send gradient: a step it does not use has gradient 0, and its
    /// partials (sqrt's at 0 is inf) must not turn that 0 into nan in its inputs.
    public static func run(_ tape: Tape, values: [Double], output: NodeID, into gradients: inout [Double],
                           kinks: KinkConvention = .zero) {
        var reachesOutput: [Bool] = []
        run(tape, values: values, output: output, into: &gradients, reachability: &reachesOutput, kinks: kinks)
    }

    /// The same, with the caller's scratch buffer for which nodes reach the output. (A
    /// caller that runs the pass at many points of one tape finds that once instead:
    /// `senders`, in BackwardPass+Senders.swift.)
    /// `readers` is `tape.variableReaders()`, which a caller running the pass often on one
    /// tape computes once; nil computes it here.
    public static func run(_ tape: Tape, values: [Double], output: NodeID, into gradients: inout [Double],
                           reachability reachesOutput: inout [Bool], readers: [Bool]? = nil,
                           kinks: KinkConvention = .zero) {
        let count = tape.count
        clear(&gradients, count: count)
        guard output >= 0, Int(output) < count else { return }
        if reachesOutput.count != Int(output) + 1 {
            reachesOutput = [Bool](repeating: false, count: Int(output) + 1)
        } else {
            reachesOutput.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
        }
        reachesOutput[Int(output)] = true
        let readers = readers ?? tape.variableReaders()
        let partials = NumericPartials(kinks: kinks)
        // Plain loops over unsafe buffers (the reachability too: an array's element
        // write checks its uniqueness every time): this is the hot path of every gradient.
        gradients.withUnsafeMutableBufferPointer { gradient in
            gradient[Int(output)] = 1
            reachesOutput.withUnsafeMutableBufferPointer { reachesOutput in
                withColumns(tape, values, readers) { columns in
                    for i in stride(from: Int(output), through: 0, by: -1) {
                        let op = columns.ops[i]
                        guard op.arity > 0, reachesOutput[i] else { continue }
                        let a = Int(columns.first[i])
                        let b = Int(columns.second[i])
                        reachesOutput[a] = true
                        if b >= 0 { reachesOutput[b] = true }
                        guard columns.reads[i] else { continue }
                        send(i, op, a, b, partials, gradient, columns)
                    }
                }
            }
        }
    }

    /// `gradients` sized to `count` nodes and zeroed, so a pass run again never adds
    /// into old gradients.
    static func clear(_ gradients: inout [Double], count: Int) {
        if gradients.count != count {
            gradients = HugePages.array(repeating: 0, count: count)
        } else {
            gradients.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    /// What the pass reads, as plain buffers: the tape's columns, the values, and which
    /// nodes read a variable.
    struct Columns {
        let ops: UnsafeBufferPointer<Op>
        let first: UnsafeBufferPointer<Int32>
        let second: UnsafeBufferPointer<Int32>
        let value: UnsafeBufferPointer<Double>
        let reads: UnsafeBufferPointer<Bool>
    }

    @inline(__always)
    static func withColumns(_ tape: Tape, _ values: [Double], _ readers: [Bool], _ body: (Columns) -> Void) {
        readers.withUnsafeBufferPointer { reads in
            values.withUnsafeBufferPointer { value in
                tape.ops.withUnsafeBufferPointer { ops in
                    tape.first.withUnsafeBufferPointer { first in
                        tape.second.withUnsafeBufferPointer { second in
                            body(Columns(ops: ops, first: first, second: second, value: value, reads: reads))
                        }
                    }
                }
            }
        }
    }

    /// One step of the chain rule: node `i`'s gradient times each local partial, added
    /// into those of its inputs (`a`, and `b` unless it is -1) that read a variable.
    @inline(__always)
    static func send(_ i: Int, _ op: Op, _ a: Int, _ b: Int, _ partials: NumericPartials,
                     _ gradient: UnsafeMutableBufferPointer<Double>, _ columns: Columns) {
        let value = columns.value, reads = columns.reads
        let upstream = gradient[i]
        let (partialA, partialB) = partials.of(op, value[a], b >= 0 ? value[b] : 0, output: value[i])
        if reads[a] { gradient[a] += upstream * partialA }
        if b >= 0, reads[b] { gradient[b] += upstream * partialB }
    }

    public static func run(_ tape: Tape, values: [Double], output: NodeID, kinks: KinkConvention = .zero) -> [Double] {
        var gradients: [Double] = []
        run(tape, values: values, output: output, into: &gradients, kinks: kinks)
        return gradients
    }
}
