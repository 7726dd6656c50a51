/// What the passes computed at one point, as one plain value that every formatter reads:
/// the forward pass's values, the backward pass's gradients from one output, and what the
/// reports need (which nodes the output depends on, which sit exactly on a kink, where
/// nan and inf first appear), each computed once.
public struct PassResult: Sendable {
    public let tape: Tape
    public let output: NodeID
    /// Each variable's value, by slot.
    public let variableValues: [Double]
    public let values: [Double]
    /// ∂output/∂node for every node (0 where the output does not depend on it).
    public let gradients: [Double]
    /// The derivative sent backward at kinks (`--kink`).
    let kinkConvention: KinkConvention
    /// Whether the output depends on each node (the output included), for every node of the tape.
    let reachesOutput: [Bool]
    /// Whether each node reads a variable: the others are constants, which have no
    /// gradient (`Tape.variableReaders`).
    let readsVariable: [Bool]
    /// The nodes the output depends on that are evaluated exactly at a kink, in tape order.
    let kinkNodes: [NodeID]
    /// Where nan and ±inf first appear.
    let nonFinite: NonFiniteOrigins
    /// The program's vectors and matrices (empty for a scalar program), for the output
    /// and the narration to show them whole.
    let tensors: TensorGraph

    /// Runs the forward pass with the variables' values by slot, then the backward pass
    /// from `output` under `kinks`.
    public init(_ tape: Tape, output: NodeID, variables: [Double], kinks: KinkConvention = .zero) {
        self.init(tape, output: output, variables: variables, kinks: kinks, tensors: TensorGraph())
    }

    init(_ tape: Tape, output: NodeID, variables: [Double], kinks: KinkConvention = .zero, tensors: TensorGraph) {
        self.tape = tape
        self.tensors = tensors
        self.output = output
        self.variableValues = variables
        self.kinkConvention = kinks
        let values = ForwardPass.run(tape, variables: variables)
        var gradients: [Double] = []
        var reaches: [Bool] = []
        let readers = tape.variableReaders()
        BackwardPass.run(tape, values: values, output: output, into: &gradients, reachability: &reaches, readers: readers,
                         kinks: kinks)
        // The pass marks the nodes up to the output; none after it can be needed.
        reaches += repeatElement(false, count: Swift.max(0, tape.count - reaches.count))
        self.values = values
        self.gradients = gradients
        self.reachesOutput = reaches
        self.readsVariable = readers
        // A constant at a kink (abs(0) of a literal) has no derivative anyone needs.
        kinkNodes = Self.nodesAtKinks(tape, values, reaches: reaches, readers: readers)
        nonFinite = NonFiniteOrigins(tape, values: values, gradients: gradients, output: output,
                                     reachesOutput: reaches, readers: readers, kinks: kinks)
    }

    /// Whether node `id` has a gradient: it reads a variable. A constant has none, and
    /// prints none (a blank cell, JSON's null).
    public func hasGradient(_ id: NodeID) -> Bool {
        readsVariable[Int(id)]
    }

    /// The nodes the output depends on that read a variable and sit exactly on a corner,
    /// in tape order: one plain loop over the tape, which every run makes.
    private static func nodesAtKinks(_ tape: Tape, _ values: [Double], reaches: [Bool], readers: [Bool]) -> [NodeID] {
        var found: [NodeID] = []
        tape.ops.withUnsafeBufferPointer { ops in
            reaches.withUnsafeBufferPointer { reaches in
                readers.withUnsafeBufferPointer { readers in
                    for i in 0..<ops.count where ops[i].hasKink && reaches[i] && readers[i] && isAtKink(tape, NodeID(i), values) {
                        found.append(NodeID(i))
                    }
                }
            }
        }
        return found
    }

    /// Whether node `id` sits exactly on a corner: abs or relu at 0, min or max at a tie.
    static func isAtKink(_ tape: Tape, _ id: NodeID, _ values: [Double]) -> Bool {
        let i = Int(id)
        guard tape.ops[i].arity > 0 else { return false }
        let b = tape.second[i] >= 0 ? values[Int(tape.second[i])] : 0
        return tape.ops[i].oneSidedPartials(values[Int(tape.first[i])], b) != nil
    }

    /// The gradient of the output with respect to each variable, by slot.
    var variableGradients: [Double] {
        tape.variableNodes.map { gradients[Int($0)] }
    }

    /// The values of node `id`'s inputs (the second 0 for a one-input node).
    public func inputValues(of id: NodeID) -> (Double, Double) {
        let i = Int(id)
        return (values[Int(tape.first[i])], tape.second[i] >= 0 ? values[Int(tape.second[i])] : 0)
    }
}
