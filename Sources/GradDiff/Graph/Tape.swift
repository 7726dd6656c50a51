/// A node's index in the tape.
public typealias NodeID = Int32

/// The computational graph as a flat tape in topological order: every node's inputs
/// come before it, so the forward pass is one loop up and the backward pass one loop
/// down. Structure of arrays, integer ids, no per-node objects.
///
/// For a leaf, `first` holds the index into `constants` (op `.constant`) or the
/// variable slot (op `.variable`); for other nodes `first` and `second` are the input
/// node ids, `second` being -1 for one-input ops.
public struct Tape: Sendable {
    var ops: [Op] = []
    public internal(set) var first: [Int32] = []
    public internal(set) var second: [Int32] = []
    /// Where each node was written (the first place, for merged nodes).
    public internal(set) var spans: [SourceSpan] = []
    var constants: [Double] = []
    /// Free variables in order of first appearance, and the node that reads each.
    public internal(set) var variableNames: [String] = []
    public internal(set) var variableNodes: [NodeID] = []
    /// Each variable's slot by name: looking a name up must not scan 10^4 variables.
    var variableSlots: [String: Int32] = [:]
    /// Names given to nodes by programs (`p = x + y`), by node id; nil when unnamed.
    public internal(set) var stepNames: [NodeID: String] = [:]
    /// How nodes made by a user function's call were written in its body (`f: a * b`):
    /// an index into `noteTexts` for every node up to the last one noted, -1 for none
    /// (`noteIndex(of:)`). Dense, so a call that expands to 10^7 nodes stores an integer
    /// for each, not a string; empty on a tape without notes, which pays nothing.
    private(set) var noteIndices: [Int32] = []
    var noteTexts: [String] = []
    /// By node: whether it reads a variable, directly or through its inputs; the others
    /// are constants (`Tape+Constants.swift`). Kept as nodes are added.
    var readsVariable: [Bool] = []

    public init() {}

    public var count: Int { ops.count }

    /// The input ids of node `id` (none for leaves).
    @inline(__always)
    public func inputs(of id: NodeID) -> NodeInputs {
        let index = Int(id)
        return NodeInputs(count: ops[index].arity, first: first[index], second: second[index])
    }

    /// The variable slot named `name`, if the tape reads it.
    public func variableSlot(named name: String) -> Int? {
        variableSlots[name].map(Int.init)
    }

    /// How the node was written in a user function's body, if a call made it.
    public func note(of id: NodeID) -> String? {
        let index = noteIndex(of: Int(id))
        return index >= 0 ? noteTexts[Int(index)] : nil
    }

    /// Whether any node may have a note (false: none has; true may outlast the notes
    /// taken back, which only costs a caller the slower path).
    var hasNotes: Bool { !noteIndices.isEmpty }

    /// Node `id`'s index into `noteTexts`, or -1 for none.
    @inline(__always)
    func noteIndex(of id: Int) -> Int32 {
        id < noteIndices.count ? noteIndices[id] : -1
    }

    /// Gives node `id` the note `index` into `noteTexts` (-1: none).
    mutating func setNoteIndex(_ index: Int32, of id: Int) {
        if id >= noteIndices.count {
            if index < 0 { return }
            noteIndices.append(contentsOf: repeatElement(-1, count: id + 1 - noteIndices.count))
        }
        noteIndices[id] = index
    }

    /// Forgets the notes of the nodes from `count` on (taken off the tape).
    mutating func forgetNotes(from count: Int) {
        if noteIndices.count > count { noteIndices.removeLast(noteIndices.count - count) }
    }

    /// The user-given name of a node (a variable or a named step), or nil.
    public func name(of id: NodeID) -> String? {
        if let name = stepNames[id] { return name }
        return ops[Int(id)] == .variable ? variableNames[Int(first[Int(id)])] : nil
    }
}
