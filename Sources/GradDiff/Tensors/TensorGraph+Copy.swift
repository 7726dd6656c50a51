extension TensorGraph {
    /// A node doing what node `id` does, on nodes of its own: the same op on the same
    /// operands, each element computed again from the same inputs (the nodes of `id`'s
    /// lowering copied with it; variables and constants shared, as merging shares them).
    /// Unindexed, so the same op written again still finds `id`. Nil when there is
    /// nothing to copy: an input, a constant, a literal, or a node whose elements are all
    /// variables or constants (`Wᵀ`).
    mutating func copy(_ id: Int32, into builder: inout TapeBuilder, at span: SourceSpan) -> Int32? {
        let node = self[id]
        switch node.op {
        case .input, .constant, .literal: return nil
        default: break
        }
        func isShared(_ element: NodeID) -> Bool {
            let op = builder.tape.ops[Int(element)]
            return op == .variable || op == .constant
        }
        let elements = self.elements(of: id)
        guard !elements.allSatisfy(isShared) else { return nil }
        let tapeStart = builder.tape.count
        // Each node of the lowering, in tape order, becomes its copy (inputs already copied).
        let lowered = Int(node.tapeStart)..<Swift.max(Int(node.tapeStart), Int(node.tapeEnd))
        var copies = [NodeID](repeating: -1, count: lowered.count)
        func reading(_ input: NodeID) -> NodeID {
            lowered.contains(Int(input)) && copies[Int(input) - lowered.lowerBound] >= 0 ? copies[Int(input) - lowered.lowerBound] : input
        }
        for old in lowered where !isShared(NodeID(old)) {
            copies[old - lowered.lowerBound] = builder.copy(NodeID(old), reading: reading, at: span)
        }
        // An element merged with an earlier statement's node, outside the lowering: copied too.
        let copiedElements = elements.map { element in
            if isShared(element) { return element }
            let copied = reading(element)
            return copied != element ? copied : builder.copy(element, at: span)
        }
        return append(node.op, shape: node.shape, inputs: node.inputs, elements: copiedElements,
                      tapeStart: tapeStart, tapeEnd: builder.tape.count, span: span, indexed: false)
    }
}
