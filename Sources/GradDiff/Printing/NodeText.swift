/// Re-prints each node of a tape as an expression with minimal parentheses, in one
/// loop up the tape (no recursion). A node whose full text would exceed `maximumWidth`
/// names its composite inputs by label instead (`n12 * n40`), so a million-node sum
/// prints in linear time and every row stays readable.
///
/// The texts live in one byte array, each node's a range of it: a million nodes cost
/// two allocations, not a million strings, and formatters copy the bytes straight into
/// their output (`write(_:to:)`).
struct NodeText {
    var maximumWidth = 48
    /// Every node's text, one after another; node i's is `bytes[ends[i - 1]..<ends[i]]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The precedence each node prints at.
    private var precedences: [UInt8] = []
    let tape: Tape

    init(_ tape: Tape, maximumWidth: Int = 48) {
        self.maximumWidth = maximumWidth
        self.tape = tape
        ends.reserveCapacity(tape.count)
        precedences.reserveCapacity(tape.count)
        bytes.reserveCapacity(tape.count * 12)
        var scratch: [UInt8] = []
        for id in 0..<tape.count {
            let precedence = render(NodeID(id), &scratch)
            ends.append(bytes.count)
            precedences.append(UInt8(precedence))
        }
    }

    /// Each node's text (without notes), for a user function's body.
    var texts: [String] { (0..<ends.count).map { ownText(NodeID($0)) } }

    /// The text shown for a node: its expression, or for a node a user function's call
    /// made, the body's text with the parameters' names (`f: a * b`).
    subscript(id: NodeID) -> String { tape.note(of: id) ?? ownText(id) }

    /// Appends the text `self[id]` to `buffer` as UTF-8.
    func write(_ id: NodeID, to buffer: inout ByteBuffer) {
        if let note = tape.note(of: id) {
            buffer.append(note)
            return
        }
        bytes.withUnsafeBufferPointer { all in buffer.append(UnsafeBufferPointer(rebasing: all[range(of: id)])) }
    }

    /// Calls `body` with the UTF-8 bytes of `self[id]`.
    func withBytes<R>(of id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let note = tape.note(of: id) {
            var note = note
            return note.withUTF8(body)
        }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range(of: id)])) }
    }

    private func range(of id: NodeID) -> Range<Int> {
        let index = Int(id)
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    private func ownText(_ id: NodeID) -> String {
        String(decoding: bytes[range(of: id)], as: UTF8.self)
    }

    /// Appends node `id`'s text to `bytes`; returns its precedence.
    private mutating func render(_ id: NodeID, _ scratch: inout [UInt8]) -> Int {
        let index = Int(id)
        let op = tape.ops[index]
        switch op {
        case .variable:
            bytes.append(contentsOf: tape.label(of: id).utf8)
            return Precedence.atom
        case .constant:
            let text = NodeText.constantText(tape.constants[Int(tape.first[index])])
            bytes.append(contentsOf: text.utf8)
            return text.hasPrefix("-") ? Precedence.prefix : Precedence.atom
        default:
            scratch.removeAll(keepingCapacity: true)
            compose(id, op, useLabels: false, into: &scratch)
            if Self.width(of: scratch) > maximumWidth {
                scratch.removeAll(keepingCapacity: true)
                compose(id, op, useLabels: true, into: &scratch)
            }
            bytes.append(contentsOf: scratch)
            return Precedence.of(op)
        }
    }

    /// A constant as written: `pi` and `e` by name, others in shortest form.
    static func constantText(_ value: Double) -> String {
        if let name = Op.constantName(of: value) { return name }
        if let name = Op.constantName(of: -value) { return "-" + name }
        return NumberFormat.shortest(value)
    }

    func textRange(of id: NodeID) -> Range<Int> { range(of: id) }
    func precedence(of id: NodeID) -> Int { Int(precedences[Int(id)]) }
    func ownBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { bytes.withUnsafeBufferPointer(body) }
}
