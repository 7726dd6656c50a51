/// Finding the node that already computes what is about to be appended, and keeping
/// `NodeIndex` in step with the tape as nodes come and go.
extension TapeBuilder {
    /// The node already computing `op` on `a` and `b` (the oldest, if a statement's
    /// `copy` made another), and how many nodes are chained to the newer input.
    @inline(__always)
    func existingNode(_ op: Op, _ a: NodeID, _ b: NodeID) -> (NodeID?, chained: Int) {
        var oldest: NodeID?
        var chained = 0
        var user = index.newestUser(of: Swift.max(a, b))
        while user >= 0 {
            let at = Int(user)
            if tape.ops[at] == op, tape.first[at] == a, tape.second[at] == b { oldest = user }
            chained += 1
            user = index.olderUser(of: user)
        }
        if oldest == nil, chained >= NodeIndex.chainLimit {
            oldest = index.crowded.find(hash: Self.hash(op, a, b), matching: { found in
                tape.ops[Int(found)] == op && tape.first[Int(found)] == a && tape.second[Int(found)] == b
            })
        }
        return (oldest, chained)
    }

    /// The constant node holding `value`, bit for bit, or else where in the constants'
    /// table a new one goes (`index.constants.insert(_:hash:at:)`, before any other
    /// insertion); the table grows first if one more would fill it. Inlined: called from
    /// a mutating method, a call would copy the whole builder to pass it (a `memcpy` a
    /// literal).
    @inline(__always)
    mutating func existingConstant(_ value: Double) -> (found: NodeID?, slot: Int) {
        growConstantsIfFull(indexedBelow: tape.count)
        return index.constants.find(hash: Self.constantHash(value.bitPattern), orSlot: { found in
            tape.constants[Int(tape.first[Int(found)])].bitPattern == value.bitPattern
        })
    }

    /// Doubles the constants' table before one more would make it three quarters full;
    /// the table holds the constants of the nodes below `end`.
    @inline(__always)
    mutating func growConstantsIfFull(indexedBelow end: Int) {
        if index.constants.isFull { growConstants(indexedBelow: end) }
    }

    /// Places the constants again in tape order: reading the tape in the table's order
    /// would wait for memory at every constant.
    private mutating func growConstants(indexedBelow end: Int) {
        let tape = self.tape
        let capacity = Swift.max(32, 2 * index.constants.count)
        tape.ops.withUnsafeBufferPointer { ops in
            index.constants.rebuild(capacity: capacity, with: ConstantNodes(ops: ops, end: end)) { Self.constantHash(of: $0, in: tape) }
        }
    }

    /// Starts loading where `existingConstant(value)` will look, for a literal the
    /// parser has just read and will make a node of once its operator is known.
    @inline(__always)
    func prefetchConstant(_ value: Double) {
        if mergesIdenticalNodes { index.constants.prefetch(hash: Self.constantHash(value.bitPattern)) }
    }

    /// Indexes node `id`, just appended (variables are found by name, not here).
    mutating func addToIndex(_ id: NodeID) {
        let at = Int(id)
        switch tape.ops[at] {
        case .variable:
            return
        case .constant:
            growConstantsIfFull(indexedBelow: at)
            index.constants.insert(id, hash: Self.constantHash(tape.constants[Int(tape.first[at])].bitPattern))
        default:
            let newestInput = Swift.max(tape.first[at], tape.second[at])
            var chained = 0
            var user = index.newestUser(of: newestInput)
            while user >= 0, chained < NodeIndex.chainLimit {
                chained += 1
                user = index.olderUser(of: user)
            }
            addToIndex(id, newestInput: newestInput, chained: chained)
        }
    }

    /// Indexes node `id`, which applies an op, given its newest input and how many nodes
    /// are chained to that input already.
    @inline(__always)
    mutating func addToIndex(_ id: NodeID, newestInput: NodeID, chained: Int) {
        if chained < NodeIndex.chainLimit {
            index.chain(id, to: newestInput)
            return
        }
        if index.crowded.isFull {
            let tape = self.tape
            index.crowded.grow { Self.hash(of: $0, in: tape) }
        }
        let at = Int(id)
        index.crowded.insert(id, hash: Self.hash(tape.ops[at], tape.first[at], tape.second[at]))
    }

    /// Takes the nodes from `count` on out of the index, newest first, before the tape drops them.
    mutating func removeFromIndex(from count: Int) {
        do {
            let tape = self.tape
            for id in stride(from: tape.count - 1, through: count, by: -1) where mergesIdenticalNodes {
                let node = NodeID(id)
                switch tape.ops[id] {
                case .variable:
                    continue
                case .constant:
                    index.constants.remove(node, hash: Self.constantHash(of: node, in: tape)) { Self.constantHash(of: $0, in: tape) }
                default:
                    if !index.unchain(node, from: Swift.max(tape.first[id], tape.second[id])) {
                        index.crowded.remove(node, hash: Self.hash(of: node, in: tape)) { Self.hash(of: $0, in: tape) }
                    }
                }
            }
        }
        index.truncate(to: count)
    }

    /// Indexes every node of the tape, with room for `capacity` nodes in all.
    mutating func rebuildIndex(capacity: Int = 0) {
        index = NodeIndex(capacity: Swift.max(capacity, tape.count))
        for _ in 0..<tape.count { index.appendNode() }
        guard mergesIdenticalNodes else { return }
        for id in 0..<tape.count { addToIndex(NodeID(id)) }
    }

    /// SplitMix64's finaliser of a node's key: cheap, and it spreads nearby ids over
    /// all 64 bits (the hash tables take a home slot from the top ones).
    @inline(__always)
    static func hash(_ op: Op, _ a: NodeID, _ b: NodeID) -> UInt64 {
        let key = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        return SplitMix64.mix(key &+ UInt64(op.rawValue) &* SplitMix64.increment)
    }

    @inline(__always)
    static func constantHash(_ bits: UInt64) -> UInt64 {
        SplitMix64.mix(bits)
    }

    static func hash(of id: NodeID, in tape: Tape) -> UInt64 {
        let at = Int(id)
        return hash(tape.ops[at], tape.first[at], tape.second[at])
    }

    static func constantHash(of id: NodeID, in tape: Tape) -> UInt64 {
        constantHash(tape.constants[Int(tape.first[Int(id)])].bitPattern)
    }
}

/// The constant nodes below `end` in tape order, read from the ops a byte a node.
private struct ConstantNodes: Sequence, IteratorProtocol {
    let ops: UnsafeBufferPointer<Op>
    let end: Int
    /// The next node to look at.
    var node = 0

    mutating func next() -> NodeID? {
        while node < end {
            node += 1
            if ops[node - 1] == .constant { return NodeID(node - 1) }
        }
        return nil
    }
}
