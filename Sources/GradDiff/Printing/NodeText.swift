/// Re-prints each node of a tape as an expression with minimal parentheses, in one
/// loop up the tape (no recursion). A node whose full text would exceed `maximumWidth`
/// names its composite inputs by label instead (`n12 * n40`), so a million-node sum
/// prints in linear time and every row stays readable.
struct NodeText {
    var maximumWidth = 48
    /// Each node's text and the precedence it prints at.
    private(set) var texts: [String] = []
    private var precedences: [Int] = []

    init(_ tape: Tape, maximumWidth: Int = 48) {
        self.maximumWidth = maximumWidth
        self.tape = tape
        texts.reserveCapacity(tape.count)
        precedences.reserveCapacity(tape.count)
        for id in 0..<tape.count {
            let (text, precedence) = render(tape, NodeID(id))
            texts.append(text)
            precedences.append(precedence)
        }
    }

    private let tape: Tape

    /// The text shown for a node: its expression, or for a node a user function's call
    /// made, the body's text with the parameters' names (`f: a * b`).
    subscript(id: NodeID) -> String { tape.note(of: id) ?? texts[Int(id)] }

    private func render(_ tape: Tape, _ id: NodeID) -> (String, Int) {
        let index = Int(id)
        let op = tape.ops[index]
        switch op {
        case .variable:
            return (tape.label(of: id), Precedence.atom)
        case .constant:
            let value = tape.constants[Int(tape.first[index])]
            let text = NodeText.constantText(value)
            return (text, text.hasPrefix("-") ? Precedence.prefix : Precedence.atom)
        default:
            let full = compose(tape, op, tape.inputs(of: id), useLabels: false)
            if full.count <= maximumWidth { return (full, Precedence.of(op)) }
            return (compose(tape, op, tape.inputs(of: id), useLabels: true), Precedence.of(op))
        }
    }

    /// A constant as written: `pi` and `e` by name, others in shortest form.
    static func constantText(_ value: Double) -> String {
        if let name = Op.constantName(of: value) { return name }
        if let name = Op.constantName(of: -value) { return "-" + name }
        return NumberFormat.shortest(value)
    }

    private func operand(_ tape: Tape, _ id: NodeID, useLabels: Bool) -> (String, Int) {
        let index = Int(id)
        if tape.stepNames[id] != nil || (useLabels && tape.ops[index].arity > 0) {
            return (tape.label(of: id), Precedence.atom)
        }
        return (texts[index], precedences[index])
    }

    private func compose(_ tape: Tape, _ op: Op, _ inputs: [NodeID], useLabels: Bool) -> String {
        let parts = inputs.map { operand(tape, $0, useLabels: useLabels) }
        switch op {
        case .negate: return InfixText.negate(parts[0])
        case .add, .subtract, .multiply, .divide, .power: return InfixText.binary(op, parts[0], parts[1])
        default: return InfixText.call(op.functionSpelling ?? op.name, parts.map(\.0))
        }
    }
}
