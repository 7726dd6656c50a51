/// The graph over a cut-down tape (`Tape.subgraph(of:)`): what a session's expression
/// shows of the session's vectors and matrices.
extension TensorGraph {
    /// The nodes whose elements and inputs all survive, renumbered by `newIDs` (old tape
    /// id → new), with their names; a node's tape range survives whole or not at all.
    func remapped(_ newIDs: [NodeID: NodeID]) -> TensorGraph {
        var graph = TensorGraph()
        var newTensor = [Int32](repeating: -1, count: nodes.count)
        for id in 0..<Int32(nodes.count) {
            let node = nodes[Int(id)]
            let elements = self.elements(of: id).compactMap { newIDs[$0] }
            guard node.elementStart >= 0, elements.count == node.shape.count else { continue }
            var inputs: [TensorRef] = []
            for input in node.inputs {
                if let tensor = input.tensor, newTensor[Int(tensor)] >= 0 {
                    inputs.append(.tensor(newTensor[Int(tensor)]))
                } else if let scalar = input.scalar, let mapped = newIDs[scalar] {
                    inputs.append(.scalar(mapped))
                }
            }
            guard inputs.count == node.inputs.count else { continue }
            let owned = (Int(node.tapeStart)..<Int(node.tapeEnd)).compactMap { newIDs[NodeID($0)] }
            let range = owned.count == Int(node.tapeEnd - node.tapeStart) && !owned.isEmpty
                ? (Int(owned.first!), Int(owned.last!) + 1) : (0, 0)
            let new = graph.append(node.op, shape: node.shape, inputs: inputs, elements: elements, tapeStart: range.0,
                                   tapeEnd: range.1, span: node.span)
            graph.setText(node.text, of: new)
            newTensor[Int(id)] = new
            if let name = names[id] { graph.names[new] = name }
        }
        return graph
    }
}
