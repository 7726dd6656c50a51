/// Appending the many nodes of a vector or matrix operation: room made once, and the
/// nodes nothing else computes appended without a lookup in the index of nodes.
extension TapeBuilder {
    /// Makes room for `nodes` more nodes, `variables` of them variables, before a vector
    /// or matrix operation appends them all: the arrays, the index of nodes and the
    /// variables' names grow once instead of doubling their way there.
    mutating func reserve(nodes: Int, variables: Int = 0) {
        let total = tape.count + nodes
        reserveCapacity(total > tape.ops.capacity ? Swift.max(total, tape.ops.capacity * 2) : tape.ops.capacity,
                        variables: variables)
    }

    /// The node applying `op` to `a` and `b`, always new and left out of the index of
    /// nodes: for the internal nodes of a matrix product or a sum (W[i,l]·x[l] and the
    /// partial sums), which nothing else computes, so that 10^5 of them cost no lookup.
    mutating func applyUnmerged(_ op: Op, _ a: NodeID, _ b: NodeID = -1, at span: SourceSpan) -> NodeID {
        if index.isDropped { rebuildIndex() }
        return appendNew(op, a, op.arity == 2 ? b : -1, span, indexed: false)
    }
}
