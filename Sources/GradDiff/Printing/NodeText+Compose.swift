/// How `NodeText` writes its texts, node after node up the tape: the byte-for-byte
/// counterpart of `InfixText`, reading the same parenthesization rule. An input's text
/// is copied from the bytes already written for it.
struct NodeTextComposer {
    private let tape: Tape
    private let maximumWidth: Int
    private let hasStepNames: Bool
    /// The values of pi and e, which print by name.
    private let namedConstants = Op.constants.map(\.value)
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    /// The precedence each node prints at.
    private var precedences: [UInt8] = []
    /// Whether each node's text is ASCII, so its length in bytes is its width.
    private var isASCII: [Bool] = []
    /// The node being composed, before it is known to fit.
    private var scratch: [UInt8] = []

    init(_ tape: Tape, maximumWidth: Int) {
        self.tape = tape
        self.maximumWidth = maximumWidth
        hasStepNames = !tape.stepNames.isEmpty
        ends.reserveCapacity(tape.count)
        precedences.reserveCapacity(tape.count)
        isASCII.reserveCapacity(tape.count)
        bytes.reserveCapacity(tape.count * 12)
    }

    mutating func composeAll() {
        for id in 0..<tape.count {
            let start = bytes.count
            let precedence = compose(NodeID(id))
            ends.append(bytes.count)
            precedences.append(UInt8(precedence))
            isASCII.append(bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start...]).allSatisfy { $0 < 0x80 } })
        }
    }

    /// Appends node `id`'s text to `bytes`; returns its precedence.
    private mutating func compose(_ id: NodeID) -> Int {
        let index = Int(id)
        let op = tape.ops[index]
        switch op {
        case .variable:
            bytes.append(contentsOf: tape.label(of: id).utf8)
            return Precedence.atom
        case .constant:
            let value = tape.constants[Int(tape.first[index])]
            guard !namedConstants.contains(Swift.abs(value)) else {
                let text = NodeText.constantText(value)
                bytes.append(contentsOf: text.utf8)
                return text.hasPrefix("-") ? Precedence.prefix : Precedence.atom
            }
            // Any other number: its shortest form, written without a String.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberFormat.maximumLength) { text in
                let length = NumberFormat.writeShortest(value, to: text.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<length]))
            }
            return value < 0 ? Precedence.prefix : Precedence.atom
        default:
            scratch.removeAll(keepingCapacity: true)
            if inputsAlone(overflow: index) {
                compose(index, op, useLabels: true)
                scratch.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
                return Precedence.of(op)
            }
            compose(index, op, useLabels: false)
            // Bytes are never fewer than characters: only a long text needs counting.
            if scratch.count > maximumWidth, Self.width(of: scratch) > maximumWidth {
                scratch.removeAll(keepingCapacity: true)
                compose(index, op, useLabels: true)
            }
            scratch.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            return Precedence.of(op)
        }
    }

    /// Writes node `index` into `scratch`: its inputs by their texts, or with
    /// `useLabels` the composite ones by label (`n12 * n40`).
    private mutating func compose(_ index: Int, _ op: Op, useLabels: Bool) {
        let first = tape.first[index]
        switch op {
        case .negate:
            scratch.append(UInt8(ascii: "-"))
            appendOperand(first, useLabels, parenthesized: precedence(first, useLabels) <= Precedence.prefix)
        case .add, .subtract, .multiply, .divide, .power:
            let second = tape.second[index]
            let (left, right) = InfixText.parentheses(op, precedence(first, useLabels), precedence(second, useLabels))
            appendOperand(first, useLabels, parenthesized: left)
            InfixText.separator(op).withUTF8Buffer { scratch.append(contentsOf: $0) }
            appendOperand(second, useLabels, parenthesized: right)
        default:
            scratch.append(contentsOf: (op.functionSpelling ?? op.name).utf8)
            scratch.append(UInt8(ascii: "("))
            appendOperand(first, useLabels, parenthesized: false)
            if op.arity == 2 {
                scratch.append(UInt8(ascii: ","))
                scratch.append(UInt8(ascii: " "))
                appendOperand(tape.second[index], useLabels, parenthesized: false)
            }
            scratch.append(UInt8(ascii: ")"))
        }
    }

    /// Whether node `index`'s inputs' texts alone, which its full text holds, are wider
    /// than `maximumWidth` (known only for ASCII texts): then it prints with labels,
    /// and composing it in full first would copy two long texts for nothing (as each
    /// step of a long sum would).
    private func inputsAlone(overflow index: Int) -> Bool {
        func width(_ input: NodeID) -> Int? {
            let at = Int(input)
            guard !printsLabel(input, false), isASCII[at] else { return nil }
            return ends[at] - (at == 0 ? 0 : ends[at - 1])
        }
        guard var total = width(tape.first[index]) else { return false }
        if tape.ops[index].arity == 2 {
            guard let second = width(tape.second[index]) else { return false }
            total += second
        }
        return total > maximumWidth
    }

    /// Whether an input prints by its label: a named step always, any composite node
    /// when labels are asked for.
    private func printsLabel(_ id: NodeID, _ useLabels: Bool) -> Bool {
        (useLabels && tape.ops[Int(id)].arity > 0) || (hasStepNames && tape.stepNames[id] != nil)
    }

    private func precedence(_ id: NodeID, _ useLabels: Bool) -> Int {
        printsLabel(id, useLabels) ? Precedence.atom : Int(precedences[Int(id)])
    }

    private mutating func appendOperand(_ id: NodeID, _ useLabels: Bool, parenthesized: Bool) {
        if parenthesized { scratch.append(UInt8(ascii: "(")) }
        if printsLabel(id, useLabels) {
            if hasStepNames, let name = tape.stepNames[id] {
                scratch.append(contentsOf: name.utf8)
            } else {
                scratch.append(UInt8(ascii: "n"))
                let digits = DecimalDigits.count(UInt64(id))
                let start = scratch.count
                scratch.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
                scratch.withUnsafeMutableBufferPointer { DecimalDigits.write(UInt64(id), count: digits, to: $0.baseAddress! + start) }
            }
        } else {
            // Through a buffer pointer: appending an array slice takes the generic path.
            let index = Int(id)
            let range = (index == 0 ? 0 : ends[index - 1])..<ends[index]
            bytes.withUnsafeBufferPointer { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        }
        if parenthesized { scratch.append(UInt8(ascii: ")")) }
    }

    /// The width of a text in characters, as `String.count` counts them (bytes, for ASCII).
    static func width(of text: [UInt8]) -> Int {
        text.allSatisfy({ $0 < 0x80 }) ? text.count : String(decoding: text, as: UTF8.self).count
    }
}
