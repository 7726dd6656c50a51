/// Re-prints each node of a tape as an expression with minimal parentheses, in one
/// loop up the tape (no recursion). A node whose full text would exceed `maximumWidth`
/// names its composite inputs by label instead (`n12 * n40`), so a million-node sum
/// prints in linear time and every row stays readable.
///
/// The texts live in a few byte arrays (`NodeTextStore`), each node's a range of one: a
/// million nodes cost a few hundred allocations, not a million strings, and formatters
/// copy the bytes straight into their output (`withBytes(of:_:)`). A large output can
/// compose on one thread while another writes rows (`unstarted`, `compose`,
/// `waitUntilComposed`).
struct NodeText: Sendable {
    let maximumWidth: Int
    let tape: Tape
    private let store: NodeTextStore

    /// Every node's text, composed now.
    init(_ tape: Tape, maximumWidth: Int = 48) {
        self.init(unstarted: tape, maximumWidth: maximumWidth)
        compose()
    }

    /// The texts of `tape` before they are composed: call `compose()` once, on any thread;
    /// a reader on another thread calls `waitUntilComposed(through:)` first.
    init(unstarted tape: Tape, maximumWidth: Int = 48) {
        self.maximumWidth = maximumWidth
        self.tape = tape
        store = NodeTextStore(nodeCount: tape.count)
    }

    /// Composes every node's text, up the tape, publishing each segment as it is done;
    /// after the first call (or the composing initializer), does nothing.
    func compose() {
        guard store.startComposing() else { return }
        var composer = NodeTextComposer(tape, maximumWidth: maximumWidth, into: store)
        composer.composeAll()
    }

    /// Returns once node `id` and every node before it have their texts.
    func waitUntilComposed(through id: Int) {
        store.waitUntilComposed(through: id)
    }

    /// The most Unicode scalars in any node's own text (noted nodes not counted).
    var widest: Int { store.widest }

    /// The most Unicode scalars in any constant's own text (noted nodes not counted).
    var widestConstant: Int { store.widestConstant }

    /// Each node's text (without notes), for a user function's body.
    var texts: [String] { (0..<tape.count).map { ownText(NodeID($0)) } }

    /// The text shown for a node: its expression, or for a node a user function's call
    /// made, the body's text with the parameters' names (`f: a * b`).
    subscript(id: NodeID) -> String { tape.note(of: id) ?? ownText(id) }

    /// Calls `body` with the UTF-8 bytes of `self[id]`.
    func withBytes<R>(of id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if tape.noteIndex(of: Int(id)) >= 0, var note = tape.note(of: id) {
            return note.withUTF8(body)
        }
        return store.withBytes(of: Int(id), body)
    }

    /// Appends `value`, node `id`'s finite value, in shortest form: the node's own text
    /// when that is exactly it (a constant written as its number, not pi or e, with no
    /// note), so a row does not format the number a second time.
    func appendShortestValue(of id: NodeID, _ value: Double, to buffer: inout ByteBuffer) {
        let index = Int(id)
        if tape.ops[index] == .constant, tape.noteIndex(of: index) < 0, Self.isPlainNumber(tape.constants[Int(tape.first[index])]) {
            withBytes(of: id) { buffer.append($0) }
        } else {
            NumberFormat.appendShortest(value, to: &buffer)
        }
    }

    /// Writes the label of unnamed node `index` (`n12`) at `pointer`, which has room for
    /// `maximumLabelLength` bytes; returns its length.
    static func writeNumberLabel(_ index: Int, to pointer: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = DecimalDigits.count(UInt64(index))
        pointer.pointee = UInt8(ascii: "n")
        DecimalDigits.write(UInt64(index), count: digits, to: pointer + 1)
        return digits + 1
    }

    static let maximumLabelLength = 21

    private func ownText(_ id: NodeID) -> String {
        store.withBytes(of: Int(id)) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a constant is written as its shortest form (not `pi`, `e` or their negations).
    static func isPlainNumber(_ value: Double) -> Bool {
        !Op.constants.contains { $0.value == Swift.abs(value) }
    }

    /// A constant as written: `pi` and `e` by name, others in shortest form.
    static func constantText(_ value: Double) -> String {
        if let name = Op.constantName(of: value) { return name }
        if let name = Op.constantName(of: -value) { return "-" + name }
        return NumberFormat.shortest(value)
    }
}
