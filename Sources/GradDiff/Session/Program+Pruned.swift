/// A program cut down to the nodes some roots need, for a session that prints one
/// expression's table or confirms one entry's steps without visiting the rest.
extension Program {
    /// The nodes `nodes` (each one's inputs among them and before it, as `Tape.cone(of:)`
    /// and `Tape.expressionOrder(of:)` give) as a program of their own, keeping the inputs' defaults; and each kept
    /// node's new id.
    func pruned(to nodes: [NodeID]) -> (program: Program, newIDs: [NodeID: NodeID]) {
        let (subtape, newIDs) = tape.subgraph(of: nodes)
        var pruned = Program(source: source, tape: subtape)
        if !tensors.isEmpty { pruned.context.tensors = tensors.remapped(newIDs) }
        for (old, new) in newIDs where tape.ops[Int(old)] == .variable {
            if let value = defaults[Int(tape.first[Int(old)])] { pruned.defaults[Int(subtape.first[Int(new)])] = value }
        }
        return (pruned, newIDs)
    }
}
