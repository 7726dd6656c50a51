/// Second and higher derivatives, by differentiating the gradient's graph.
///
/// The Hessian is reverse over reverse: `SymbolicBackwardPass` builds each gradient
/// ∂f/∂xⱼ as nodes on the tape, the forward pass evaluates them, and the numeric
/// `BackwardPass` run from node ∂f/∂xⱼ gives row j, ∂²f/∂xⱼ∂xᵢ for every i at once.
/// Reverse over reverse because both halves already exist and share the rule table;
/// it costs one backward pass per variable, which for the small variable counts of a
/// command line is nothing, and needs no forward-mode (dual number) rules.
public enum Hessian {
    /// H[j][i] = ∂²output/∂xⱼ∂xᵢ at the evaluation's point, for the variables in
    /// `slots` (every variable when nil), in that order: one backward pass per row, and
    /// memory for slots² numbers only.
    public static func compute(_ result: PassResult, slots: [Int]? = nil,
                               nodeLimit: Int = .max) throws(UserError) -> [[Double]] {
        let slots = slots ?? Array(result.tape.variableNames.indices)
        let algebra = NodeAlgebra(continuing: result.tape, nodeLimit: nodeLimit)
        let gradientNodes = try SymbolicBackwardPass.variableGradients(algebra, output: result.output)
        let tape = algebra.tape
        let values = ForwardPass.run(tape, variables: result.variableValues)
        var gradients: [Double] = []
        return slots.map { row in
            BackwardPass.run(tape, values: values, output: gradientNodes[row], into: &gradients)
            return slots.map { gradients[Int(tape.variableNodes[$0])] }
        }
    }

    /// The `order`-th derivative of the output with respect to the variable in `slot`
    /// (order ≥ 1), as a node on `algebra`'s tape: `order` symbolic backward passes,
    /// each differentiating the previous derivative's graph.
    static func derivativeNode(_ algebra: NodeAlgebra, output: NodeID, slot: Int, order: Int) throws(UserError) -> NodeID {
        var node = output
        for _ in 0..<order {
            node = try SymbolicBackwardPass.variableGradients(algebra, output: node)[slot]
        }
        return node
    }

    /// The `order`-th derivative's value at the evaluation's point.
    public static func derivative(_ result: PassResult, slot: Int, order: Int,
                                  nodeLimit: Int = .max) throws(UserError) -> Double {
        let algebra = NodeAlgebra(continuing: result.tape, nodeLimit: nodeLimit)
        let node = try derivativeNode(algebra, output: result.output, slot: slot, order: order)
        return ForwardPass.run(algebra.tape, variables: result.variableValues)[Int(node)]
    }
}
