/// The backward pass with nodes for numbers: the same loop down the tape as
/// `BackwardPass`, the same rule table, but each gradient is a new tape node built by
/// `NodeAlgebra` instead of a `Double`. The result is a graph of ∂output/∂node that can
/// be printed (`graddiff diff`), evaluated, or differentiated again (the Hessian).
enum SymbolicBackwardPass {
    /// ∂output/∂node for every node up to `output`, as nodes appended to `algebra`'s
    /// tape; -1 where the output does not depend on the node (a gradient of 0).
    /// Only nodes the output depends on send gradient, as in `BackwardPass`.
    /// Throws once the tape holds more than `algebra.nodeLimit` nodes.
    static func run(_ algebra: NodeAlgebra, output: NodeID) throws(UserError) -> [NodeID] {
        var gradient = [NodeID](repeating: -1, count: Int(output) + 1)
        gradient[Int(output)] = algebra.one
        var i = Int(output)
        while i >= 0 {
            if algebra.builder.tape.count > algebra.nodeLimit {
                throw UserError(.error(.derivativeTooLarge(algebra.nodeLimit)), in: nil)
            }
            let upstream = gradient[i]
            let op = algebra.tape.ops[i]
            if upstream >= 0, op.arity > 0 {
                let a = algebra.tape.first[i]
                let b = algebra.tape.second[i]
                let (partialA, partialB) = op.partials(a, b >= 0 ? b : algebra.zero, output: NodeID(i), in: algebra)
                accumulate(algebra.multiply(upstream, partialA), into: &gradient[Int(a)], algebra)
                if b >= 0 { accumulate(algebra.multiply(upstream, partialB), into: &gradient[Int(b)], algebra) }
            }
            i -= 1
        }
        return gradient
    }

    /// The gradient node of each variable (a constant 0 node where the output does not
    /// depend on it), by slot.
    static func variableGradients(_ algebra: NodeAlgebra, output: NodeID) throws(UserError) -> [NodeID] {
        let gradient = try run(algebra, output: output)
        return algebra.tape.variableNodes.map { node in
            Int(node) < gradient.count && gradient[Int(node)] >= 0 ? gradient[Int(node)] : algebra.zero
        }
    }

    /// The chain rule's `+=`: a node used along several paths sums their contributions.
    private static func accumulate(_ contribution: NodeID, into gradient: inout NodeID, _ algebra: NodeAlgebra) {
        gradient = gradient < 0 ? contribution : algebra.add(gradient, contribution)
    }
}
