/// Re-prints each node of a tape as an expression with minimal parentheses, in one
/// loop up the tape (no recursion). A node whose full text would exceed `maximumWidth`
/// names its composite inputs by label instead (`n12 * n40`), so a million-node sum
/// prints in linear time and every row stays readable.
///
/// The texts live in one byte array, each node's a range of it: a million nodes cost
/// three allocations, not a million strings, and formatters copy the bytes straight
/// into their output (`withBytes(of:_:)`).
struct NodeText {
    let maximumWidth: Int
    /// Every node's text, one after another; node i's is `bytes[ends[i - 1]..<ends[i]]`.
    private let bytes: [UInt8]
    private let ends: [Int]
    let tape: Tape

    init(_ tape: Tape, maximumWidth: Int = 48) {
        self.maximumWidth = maximumWidth
        self.tape = tape
        var composer = NodeTextComposer(tape, maximumWidth: maximumWidth)
        composer.composeAll()
        bytes = composer.bytes
        ends = composer.ends
    }

    /// Each node's text (without notes), for a user function's body.
    var texts: [String] { (0..<ends.count).map { ownText(NodeID($0)) } }

    /// The text shown for a node: its expression, or for a node a user function's call
    /// made, the body's text with the parameters' names (`f: a * b`).
    subscript(id: NodeID) -> String { tape.note(of: id) ?? ownText(id) }

    /// Calls `body` with the UTF-8 bytes of `self[id]`.
    func withBytes<R>(of id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if tape.noteIndices[Int(id)] >= 0, var note = tape.note(of: id) {
            return note.withUTF8(body)
        }
        let range = self.range(of: id)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private func range(of id: NodeID) -> Range<Int> {
        let index = Int(id)
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    private func ownText(_ id: NodeID) -> String {
        String(decoding: bytes[range(of: id)], as: UTF8.self)
    }

    /// A constant as written: `pi` and `e` by name, others in shortest form.
    static func constantText(_ value: Double) -> String {
        if let name = Op.constantName(of: value) { return name }
        if let name = Op.constantName(of: -value) { return "-" + name }
        return NumberFormat.shortest(value)
    }
}
