/// Cutting a tape down to the part some nodes need: a REPL prints only what its
/// expression depends on, though the session's tape holds every definition.
extension Tape {
    /// Which nodes `roots` depend on (the roots included): one loop down the tape.
    public func dependencies(of roots: [NodeID]) -> [Bool] {
        var needed = Array(repeating: false, count: count)
        for root in roots { needed[Int(root)] = true }
        // Nothing after the last root can be needed: the tape is topological.
        let last = roots.map { Int($0) }.max() ?? -1
        // Reads the input arrays directly: `inputs(of:)` would allocate once per node.
        for i in stride(from: last, through: 0, by: -1) where needed[i] && ops[i].arity > 0 {
            needed[Int(first[i])] = true
            if second[i] >= 0 { needed[Int(second[i])] = true }
        }
        return needed
    }

    /// The nodes marked in `keep`, renumbered in tape order, which keeps the tape
    /// topological. Every kept node's inputs must be kept (`dependencies(of:)` marks such
    /// a set). Variables keep their relative order; step names, spans and notes come along.
    /// Returns the new tape and each old node's new id (-1 where dropped).
    public func subgraph(keeping keep: [Bool]) -> (tape: Tape, newIDs: [NodeID]) {
        var tape = Tape()
        tape.noteTexts = noteTexts
        var newIDs = [NodeID](repeating: -1, count: count)
        for i in 0..<count where keep[i] {
            let id = NodeID(tape.count)
            newIDs[i] = id
            var a = first[i]
            var b = second[i]
            switch ops[i] {
            case .constant:
                tape.constants.append(constants[Int(a)])
                a = Int32(tape.constants.count - 1)
            case .variable:
                tape.variableSlots[variableNames[Int(a)]] = Int32(tape.variableNames.count)
                tape.variableNames.append(variableNames[Int(a)])
                tape.variableNodes.append(id)
                a = Int32(tape.variableNames.count - 1)
            default:
                precondition(newIDs[Int(a)] >= 0 && (b < 0 || newIDs[Int(b)] >= 0), "a kept node's inputs must be kept")
                a = newIDs[Int(a)]
                if b >= 0 { b = newIDs[Int(b)] }
            }
            tape.ops.append(ops[i])
            tape.first.append(a)
            tape.second.append(b)
            tape.spans.append(spans[i])
            tape.noteIndices.append(noteIndices[i])
            if let name = stepNames[NodeID(i)] { tape.stepNames[id] = name }
        }
        return (tape, newIDs)
    }
}
