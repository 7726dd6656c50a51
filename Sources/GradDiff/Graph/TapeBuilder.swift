/// Appends nodes to a tape in topological order, merging identical subexpressions
/// (hash-consing on op and inputs), so `x+y` in `(x+y)*(x+y)` is one node whose
/// gradient sums both paths.
struct TapeBuilder: Sendable {
    private(set) var tape = Tape()
    /// The index of nodes by (op, first, second) and constants by value, for merging
    /// (`NodeIndex`); dropped after `dropIndex()` until needed.
    var index = NodeIndex(capacity: 32)
    /// The note text of each (user function, body node) pair, by `function << 32 | node`,
    /// and each note text's key (to forget just the rolled-back ones).
    private var noteTextIndices: [Int: Int32] = [:]
    private var noteTextKeys: [Int] = []
    /// When false every append makes a new node (tests compare merged and unmerged graphs).
    var mergesIdenticalNodes = true
    /// When false the parser reads every group, even one it read before (`GroupMemo`):
    /// tests compare the two.
    var remembersGroups = true
    /// How many times nodes were taken back (`truncate`): a node id kept from before may
    /// now name another node.
    private(set) var truncations = 0
    /// Faults in the arrays' next pages on another core while a large text is parsed
    /// (`PagePrefaulter`); asked again once the tape reaches `nextPrefault` nodes.
    var prefaulter: PagePrefaulter?
    /// The nodes and constants whose pages were asked for (up to, not including).
    var prefaulted = (nodes: 0, constants: 0)
    var nextPrefault = Int.max

    init() {}

    /// A builder that appends to `tape`; with `indexed` false its index of nodes is
    /// built only when a node is added (a tape that may just be read).
    init(continuing tape: Tape, indexed: Bool = true) {
        self.tape = tape
        noteTextKeys = Array(repeating: -1, count: tape.noteTexts.count)  // texts made elsewhere
        if indexed { rebuildIndex() } else { index = NodeIndex() }
    }

    /// Frees the index of nodes (8 bytes a node, and the constants' table) once nothing
    /// more will be added (a whole program parsed); adding a node later rebuilds it.
    mutating func dropIndex() {
        index = NodeIndex()
    }

    /// The node already reading the free variable `name`, if any.
    func existingVariable(_ name: String) -> NodeID? {
        tape.variableSlots[name].map { tape.variableNodes[Int($0)] }
    }

    /// Whether node `id` (any number: a remembered hint) is the node reading the free
    /// variable `name`. Each variable has one node, so a hint that passes is the answer
    /// `existingVariable(_:)` would give, without hashing the name.
    @inline(__always)
    func isVariable(_ id: NodeID, named name: String) -> Bool {
        let at = Int(id)
        return at >= 0 && at < tape.count && tape.ops[at] == .variable && tape.variableNames[Int(tape.first[at])] == name
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
        guard mergesIdenticalNodes else {
            tape.constants.append(value)
            return appendNew(.constant, Int32(tape.constants.count - 1), -1, span)
        }
        let (existing, slot) = existingConstant(value)
        if let existing { return existing }
        tape.constants.append(value)
        let id = appendNew(.constant, Int32(tape.constants.count - 1), -1, span, indexed: false)
        index.constants.insert(id, hash: Self.constantHash(value.bitPattern), at: slot)
        return id
    }

    /// The node applying `op` to `a` (and `b`), reusing an identical existing node.
    mutating func apply(_ op: Op, _ a: NodeID, _ b: NodeID = -1, at span: SourceSpan) -> NodeID {
        if index.isDropped { rebuildIndex() }
        let b = op.arity == 2 ? b : -1
        guard mergesIdenticalNodes else { return appendNew(op, a, b, span, indexed: false) }
        // A node reading the newest node cannot exist yet: skip the lookup (the common
        // case of a long chain such as a sum, whose every step reads the previous one).
        let newestInput = Swift.max(a, b)
        var chained = 0
        if newestInput != NodeID(tape.count - 1) {
            let (existing, users) = existingNode(op, a, b)
            if let existing { return existing }
            chained = users
        }
        let id = appendNew(op, a, b, span, indexed: false)
        addToIndex(id, newestInput: newestInput, chained: chained)
        return id
    }

    /// A new node doing what node `id` does (a constant of the same value, or the same
    /// op on the same inputs): a statement's step of its own where naming `id` would
    /// change how another statement prints. Merging still finds `id` first.
    mutating func copy(_ id: NodeID, at span: SourceSpan) -> NodeID {
        copy(id, reading: { $0 }, at: span)
    }

    /// A copy of node `id` reading `input(i)` for each input `i` (a copy made earlier in
    /// the same batch), with `id`'s note: a call of a user function still shows as one.
    mutating func copy(_ id: NodeID, reading input: (NodeID) -> NodeID, at span: SourceSpan) -> NodeID {
        if index.isDropped { rebuildIndex() }
        let i = Int(id)
        let (first, second) = tape.ops[i].arity > 0 ? (input(tape.first[i]), tape.second[i] >= 0 ? input(tape.second[i]) : -1)
                                                     : (tape.first[i], tape.second[i])
        let copy = appendNew(tape.ops[i], first, second, span)
        let note = tape.noteIndex(of: i)
        if note >= 0 { tape.setNoteIndex(note, of: Int(copy)) }
        return copy
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
        truncations += 1
        // Taking back most of the tape (a failed entry that expanded a runaway call):
        // dropping the index, rebuilt when a node is next added, costs what is kept.
        let dropsIndex = index.isDropped || tape.count - count > count
        if dropsIndex {
            index = NodeIndex()
        } else {
            removeFromIndex(from: count)
        }
        for id in stride(from: tape.count - 1, through: count, by: -1) {
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
        tape.forgetNotes(from: count)
        tape.readsVariable.removeLast(tape.readsVariable.count - count)
    }

    /// Notes how node `id` was written when its own text would hide it: a node made by
    /// a call of user function `function` shows the text of its body node `bodyNode`
    /// (`f: a * b`). Each such text is made and stored once, however many calls make
    /// nodes from that body node.
    mutating func note(_ id: NodeID, function: Int, bodyNode: Int, text: () -> String) {
        tape.setNoteIndex(noteText(function: function, bodyNode: bodyNode, text: text), of: Int(id))
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
        tape.setNoteIndex(index, of: Int(id))
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

    /// Room for `count` nodes in all, in the tape's arrays and the index's chains (memory
    /// that is only reserved costs nothing until written; the larger arrays in 2 MB
    /// pages, `HugePages`), and for `constants` in the
    /// constants' hash table (written at once, so `constants` should be nearer what
    /// will be used).
    mutating func reserveCapacity(_ count: Int, variables: Int = 0, constants: Int = 0) {
        if constants > 0, index.isDropped { rebuildIndex(capacity: count) }
        if !index.isDropped { index.reserveCapacity(count) }
        if constants > index.constants.count, mergesIdenticalNodes {
            let tape = self.tape
            index.constants.reserve(constants) { Self.constantHash(of: $0, in: tape) }
        }
        if variables > 0 {
            tape.variableNames.reserveCapacity(tape.variableNames.count + variables)
            tape.variableNodes.reserveCapacity(tape.variableNodes.count + variables)
            tape.variableSlots.reserveCapacity(tape.variableSlots.count + variables)
        }
        // The arrays of a byte a node stay in 4 KB pages: a 2 MB page partly filled
        // would cost them more memory than their faults cost time.
        tape.ops.reserveCapacity(count)
        tape.readsVariable.reserveCapacity(count)
        HugePages.reserve(&tape.first, count)
        HugePages.reserve(&tape.second, count)
        HugePages.reserve(&tape.spans, count)
        HugePages.reserve(&tape.constants, 2 * constants)
    }

    mutating func appendNew(_ op: Op, _ first: Int32, _ second: Int32, _ span: SourceSpan,
                                    indexed: Bool = true) -> NodeID {
        let id = NodeID(tape.count)
        tape.ops.append(op)
        tape.first.append(first)
        tape.second.append(second)
        tape.spans.append(span)
        tape.readsVariable.append(op == .variable
            || (op.arity > 0 && (tape.readsVariable[Int(first)] || (second >= 0 && tape.readsVariable[Int(second)]))))
        if !index.isDropped { index.appendNode() }
        if indexed, mergesIdenticalNodes { addToIndex(id) }
        if tape.count >= nextPrefault { prefaultAhead() }
        return id
    }
}

