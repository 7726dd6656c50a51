/// Appends nodes to a tape in topological order, merging identical subexpressions
/// (hash-consing on op and inputs), so `x+y` in `(x+y)*(x+y)` is one node whose
/// gradient sums both paths.
struct TapeBuilder: Sendable {
    private(set) var tape = Tape()
    /// The index of nodes by (op, first, second), for merging (`NodeIndex`); dropped
    /// after `dropIndex()` until needed.
    var index = NodeIndex(capacity: 32)
    /// The note text of each (user function, body node) pair, by `function << 32 | node`,
    /// and each note text's key (to forget just the rolled-back ones).
    private var noteTextIndices: [Int: Int32] = [:]
    private var noteTextKeys: [Int] = []
    /// When false every append makes a new node (tests compare merged and unmerged graphs).
    var mergesIdenticalNodes = true

    init() {}

    /// A builder that appends to `tape`; with `indexed` false its index of nodes is
    /// built only when a node is added (a tape that may just be read).
    init(continuing tape: Tape, indexed: Bool = true) {
        self.tape = tape
        noteTextKeys = Array(repeating: -1, count: tape.noteTexts.count)  // texts made elsewhere
        if indexed { rebuildIndex() } else { index = NodeIndex() }
    }

    /// Frees the index of nodes (8 to 16 bytes a node) once nothing more will be added
    /// (a whole program parsed); adding a node later rebuilds it.
    mutating func dropIndex() {
        index = NodeIndex()
    }

    /// Indexes every node of the tape, with room for `capacity` nodes in all.
    mutating func rebuildIndex(capacity: Int = 0) {
        index = NodeIndex(capacity: Swift.max(capacity, tape.count))
        guard mergesIdenticalNodes else { return }
        for id in 0..<tape.count where tape.ops[id] != .variable { index.insert(NodeID(id), hash: Self.hash(of: NodeID(id), in: tape)) }
    }

    /// The node already reading the free variable `name`, if any.
    func existingVariable(_ name: String) -> NodeID? {
        tape.variableSlots[name].map { tape.variableNodes[Int($0)] }
    }

    /// The node reading the free variable `name`, made on first use; `isNew` says no
    /// node reads it yet (a vector's element, `W[1,2]`, made with the vector), so it is
    /// not looked up.
    mutating func variable(_ name: String, at span: SourceSpan, isNew: Bool = false) -> NodeID {
        if !isNew, let slot = tape.variableSlots[name] { return tape.variableNodes[Int(slot)] }
        if index.isDropped { rebuildIndex() }
        let slot = Int32(tape.variableNames.count)
        tape.variableSlots[name] = slot
        tape.variableNames.append(name)
        let id = appendNew(.variable, slot, -1, span)
        tape.variableNodes.append(id)
        return id
    }

    /// The node for a constant; equal constants (bit for bit) share a node.
    mutating func constant(_ value: Double, at span: SourceSpan) -> NodeID {
        if index.isDropped { rebuildIndex() }
        let bits = Int64(bitPattern: value.bitPattern)
        if mergesIdenticalNodes, let existing = find(.constant, hashBits: bits, matching: { tape.constants[Int(tape.first[Int($0)])].bitPattern == value.bitPattern }) {
            return existing
        }
        tape.constants.append(value)
        return appendNew(.constant, Int32(tape.constants.count - 1), -1, span)
    }

    /// The node applying `op` to `a` (and `b`), reusing an identical existing node.
    mutating func apply(_ op: Op, _ a: NodeID, _ b: NodeID = -1, at span: SourceSpan) -> NodeID {
        if index.isDropped { rebuildIndex() }
        let key = (Int64(a) << 32) | Int64(UInt32(bitPattern: b))
        // A node reading the newest node cannot exist yet: skip the lookup (the common
        // case of a long chain such as a sum, whose every step reads the previous one).
        let readsNewestNode = Swift.max(a, b) == NodeID(tape.count - 1)
        if mergesIdenticalNodes, !readsNewestNode, let existing = find(op, hashBits: key, matching: { tape.first[Int($0)] == a && tape.second[Int($0)] == b }) {
            return existing
        }
        return appendNew(op, a, op.arity == 2 ? b : -1, span)
    }

    /// A new node doing what node `id` does (a constant of the same value, or the same
    /// op on the same inputs): a statement's step of its own where naming `id` would
    /// change how another statement prints. Merging still finds `id` first.
    mutating func copy(_ id: NodeID, at span: SourceSpan) -> NodeID {
        if index.isDropped { rebuildIndex() }
        let i = Int(id)
        return appendNew(tape.ops[i], tape.first[i], tape.second[i], span)
    }

    /// Names node `id` (a program's step); the latest name wins for display.
    mutating func name(_ id: NodeID, _ name: String) {
        tape.stepNames[id] = name
    }

    /// Gives node `id` back the step name it had (nil: none), undoing `name(_:_:)`.
    mutating func setStepName(_ id: NodeID, _ name: String?) {
        tape.stepNames[id] = name
    }

    /// Removes every node from `count` on (a statement's scratch nodes).
    mutating func truncate(to count: Int) {
        guard count < tape.count else { return }
        // Taking back most of the tape (a failed entry that expanded a runaway call):
        // dropping the index, rebuilt when a node is next added, costs what is kept.
        let dropsIndex = index.isDropped || tape.count - count > count
        if dropsIndex { index = NodeIndex() }
        for id in stride(from: tape.count - 1, through: count, by: -1) {
            if !dropsIndex, mergesIdenticalNodes, tape.ops[id] != .variable {
                let tape = self.tape
                index.remove(NodeID(id), hash: Self.hash(of: NodeID(id), in: tape), hashOf: { Self.hash(of: $0, in: tape) })
            }
            if tape.ops[id] == .variable {
                let name = tape.variableNames.removeLast()
                tape.variableNodes.removeLast()
                tape.variableSlots[name] = nil
            }
        }
        tape.ops.removeLast(tape.count - count)
        tape.first.removeLast(tape.first.count - count)
        tape.second.removeLast(tape.second.count - count)
        // Only the removed ids: a sweep of every name would make 10^5 declarations quadratic.
        for id in count..<tape.spans.count { tape.stepNames[NodeID(id)] = nil }
        tape.spans.removeLast(tape.spans.count - count)
        tape.noteIndices.removeLast(tape.noteIndices.count - count)
        tape.readsVariable.removeLast(tape.readsVariable.count - count)
    }

    /// Notes how node `id` was written when its own text would hide it: a node made by
    /// a call of user function `function` shows the text of its body node `bodyNode`
    /// (`f: a * b`). Each such text is made and stored once, however many calls make
    /// nodes from that body node.
    mutating func note(_ id: NodeID, function: Int, bodyNode: Int, text: () -> String) {
        tape.noteIndices[Int(id)] = noteText(function: function, bodyNode: bodyNode, text: text)
    }

    /// The note of body node `bodyNode` of user function `function` (an index into
    /// `tape.noteTexts`), made on first use, for `note(_:index:)`.
    mutating func noteText(function: Int, bodyNode: Int, text: () -> String) -> Int32 {
        let key = function << 32 | bodyNode
        if let known = noteTextIndices[key] { return known }
        tape.noteTexts.append(text())
        let index = Int32(tape.noteTexts.count - 1)
        noteTextIndices[key] = index
        noteTextKeys.append(key)
        return index
    }

    mutating func note(_ id: NodeID, index: Int32) {
        tape.noteIndices[Int(id)] = index
    }
    /// Removes the nodes, constants and note texts from the given counts on: what a
    /// failed REPL entry added (`truncate` keeps the constants, which is cheaper when a
    /// statement drops its own nodes).
    mutating func rollBack(toNodes nodes: Int, constants: Int, noteTexts: Int) {
        truncate(to: nodes)
        if constants < tape.constants.count { tape.constants.removeLast(tape.constants.count - constants) }
        while tape.noteTexts.count > noteTexts {
            tape.noteTexts.removeLast()
            let key = noteTextKeys.removeLast()
            if key >= 0 { noteTextIndices[key] = nil }
        }
    }

    /// Room for `count` nodes in all, in the tape's arrays (memory that is only reserved
    /// costs nothing until written) and, given `indexed`, in the index (whose memory is
    /// written at once, so `indexed` should be nearer what will be used).
    mutating func reserveCapacity(_ count: Int, variables: Int = 0, indexed: Int? = nil) {
        if let indexed, indexed > index.count, mergesIdenticalNodes { rebuildIndex(capacity: indexed) }
        if variables > 0 {
            tape.variableNames.reserveCapacity(tape.variableNames.count + variables)
            tape.variableNodes.reserveCapacity(tape.variableNodes.count + variables)
            tape.variableSlots.reserveCapacity(tape.variableSlots.count + variables)
        }
        tape.ops.reserveCapacity(count)
        tape.first.reserveCapacity(count)
        tape.second.reserveCapacity(count)
        tape.spans.reserveCapacity(count)
        tape.noteIndices.reserveCapacity(count)
        tape.readsVariable.reserveCapacity(count)
    }

    mutating func appendNew(_ op: Op, _ first: Int32, _ second: Int32, _ span: SourceSpan,
                                    indexed: Bool = true) -> NodeID {
        let id = NodeID(tape.count)
        tape.ops.append(op)
        tape.first.append(first)
        tape.second.append(second)
        tape.spans.append(span)
        tape.noteIndices.append(-1)
        tape.readsVariable.append(op == .variable
            || (op.arity > 0 && (tape.readsVariable[Int(first)] || (second >= 0 && tape.readsVariable[Int(second)]))))
        if mergesIdenticalNodes, op != .variable {
            // Growing rebuilds the index from the tape, this node included: insert it only
            // otherwise, or it would stand twice and outlive its removal by `truncate`.
            if index.isFull {
                rebuildIndex(capacity: 2 * Swift.max(index.count, 16))
            } else if indexed {
                index.insert(id, hash: Self.hash(of: id, in: tape))
            }
        }
        return id
    }

    /// SplitMix64's finaliser of a node's key: cheap, and it spreads nearby ids over
    /// all 64 bits (the index takes its home slot from the top ones).
    @inline(__always)
    private static func hash(_ op: Op, _ bits: Int64) -> UInt64 {
        SplitMix64.mix(UInt64(bitPattern: bits) &+ UInt64(op.rawValue) &* SplitMix64.increment)
    }

    /// The hash of node `id` of `tape`: of its op and its constant's bits or its inputs.
    private static func hash(of id: NodeID, in tape: Tape) -> UInt64 {
        let index = Int(id)
        if tape.ops[index] == .constant {
            return hash(.constant, Int64(bitPattern: tape.constants[Int(tape.first[index])].bitPattern))
        }
        return hash(tape.ops[index], (Int64(tape.first[index]) << 32) | Int64(UInt32(bitPattern: tape.second[index])))
    }

    /// The indexed node of `op` whose key has these bits and for which `isMatch` holds.
    private func find(_ op: Op, hashBits bits: Int64, matching isMatch: (NodeID) -> Bool) -> NodeID? {
        index.find(hash: Self.hash(op, bits)) { tape.ops[Int($0)] == op && isMatch($0) }
    }
}
