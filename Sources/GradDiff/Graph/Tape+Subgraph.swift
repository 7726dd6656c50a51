/// Cutting a tape down to the part some nodes need: a REPL prints only what its
/// expression depends on, though the session's tape holds every definition.
extension Tape {
    /// Which nodes `roots` depend on (the roots included): one loop down the tape.
    func dependencies(of roots: [NodeID]) -> [Bool] {
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

    /// The nodes `roots` depend on (the roots included), in tape order: a walk over just
    /// those nodes, so a small expression at the end of a long session costs its own size.
    func cone(of roots: [NodeID]) -> [NodeID] {
        var seen = Set(roots)
        var stack = Array(seen)
        while let id = stack.popLast() {
            let i = Int(id)
            let arity = ops[i].arity
            if arity > 0, seen.insert(first[i]).inserted { stack.append(first[i]) }
            if arity > 1, seen.insert(second[i]).inserted { stack.append(second[i]) }
        }
        return seen.sorted()
    }

    /// The nodes `roots` depend on (the roots included) in the order the parser makes
    /// them for the expression alone: each node after its inputs, first input first,
    /// roots in turn (a depth-first post-order, with an explicit stack). A session
    /// prints `(x+y)*z` numbered as the command line does (x, y, n2, z, n4), however
    /// early x, y and z were defined.
    ///
    /// The nodes in each of `blocks` (a vector's or matrix's own tape range) stay
    /// together, in tape order, placed as one: a vector's elements scattered among the
    /// nodes that read them would no longer be its range.
    func expressionOrder(of roots: [NodeID], keepingTogether blocks: [Range<Int>] = []) -> [NodeID] {
        let blocks = Self.disjoint(blocks)
        let needed = Set(cone(of: roots))
        /// The unit node `id` is placed with: the block holding it, or itself.
        func unit(of id: NodeID) -> Range<Int> {
            let i = Int(id)
            var low = 0, high = blocks.count
            while low < high {
                let middle = (low + high) / 2
                if blocks[middle].lowerBound <= i { low = middle + 1 } else { high = middle }
            }
            return low > 0 && blocks[low - 1].contains(i) ? blocks[low - 1] : i..<i + 1
        }
        var order: [NodeID] = []
        var placed = Set<Int>()  // by each unit's first node
        // (unit, whether its inputs are already pushed)
        var stack: [(Range<Int>, Bool)] = roots.reversed().map { (unit(of: $0), false) }
        while let (members, expanded) = stack.popLast() {
            if placed.contains(members.lowerBound) { continue }
            let kept = members.lazy.filter { needed.contains(NodeID($0)) }
            if expanded {
                placed.insert(members.lowerBound)
                order += kept.map { NodeID($0) }
                continue
            }
            stack.append((members, true))
            var inputs: [Range<Int>] = []
            for i in kept {
                for input in self.inputs(of: NodeID(i)) where !members.contains(Int(input)) { inputs.append(unit(of: input)) }
            }
            for input in inputs.reversed() where !placed.contains(input.lowerBound) { stack.append((input, false)) }
        }
        return order
    }

    /// `ranges` without empty ones, overlapping ones joined, sorted.
    private static func disjoint(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var joined: [Range<Int>] = []
        for range in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = joined.last, range.lowerBound < last.upperBound {
                joined[joined.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                joined.append(range)
            }
        }
        return joined
    }

    /// The nodes `nodes` (each one's inputs among them and before it, as `cone(of:)`
    /// and `expressionOrder(of:)` give), renumbered in that order, which keeps the tape topological. Variables keep
    /// their order in `nodes`; step names, spans and notes come along. Returns the new tape
    /// and each kept node's new id.
    func subgraph(of nodes: [NodeID]) -> (tape: Tape, newIDs: [NodeID: NodeID]) {
        var tape = Tape()
        tape.noteTexts = noteTexts
        var newIDs: [NodeID: NodeID] = [:]
        newIDs.reserveCapacity(nodes.count)
        for old in nodes {
            let i = Int(old)
            let id = NodeID(tape.count)
            newIDs[old] = id
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
                guard let newA = newIDs[a], b < 0 || newIDs[b] != nil else {
                    preconditionFailure("a kept node's inputs must be kept, and come before it")
                }
                a = newA
                if b >= 0 { b = newIDs[b]! }
            }
            tape.ops.append(ops[i])
            tape.first.append(a)
            tape.second.append(b)
            tape.spans.append(spans[i])
            tape.setNoteIndex(noteIndex(of: i), of: Int(id))
            tape.readsVariable.append(readsVariable[i])
            if let name = stepNames[old] { tape.stepNames[id] = name }
        }
        return (tape, newIDs)
    }
}
