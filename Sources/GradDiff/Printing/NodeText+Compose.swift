/// How `NodeText` writes its texts, node after node up the tape: the byte-for-byte
/// counterpart of `InfixText`, reading the same parenthesization rule. A node's text is
/// written in place after the one before it, its inputs' texts copied from the bytes
/// already written for them (in the segment being written, or in one `store` holds);
/// one that turns out too wide is written again over itself, with labels.
struct NodeTextComposer {
    private let tape: Tape
    private let maximumWidth: Int
    private let hasStepNames: Bool
    private let store: NodeTextStore
    /// Each op's function spelling as bytes (`sin`), by raw value.
    private static let spellings = Op.allCases.map { Array(($0.functionSpelling ?? $0.name).utf8) }
    /// The segment being written: its texts (`count` bytes of `capacity`), where each
    /// ends, its first node.
    private var bytes: UnsafeMutablePointer<UInt8>!
    private var capacity = 0
    private var count = 0
    private var ends: UnsafeMutablePointer<Int32>!
    private var segmentStart = 0
    /// Each node's text's length in bytes, 0 for a text that is not ASCII (whose length is
    /// not its width); and the precedence it prints at.
    private var asciiLengths: [Int32]
    private var precedences: [UInt8]

    init(_ tape: Tape, maximumWidth: Int, into store: NodeTextStore) {
        self.tape = tape
        self.maximumWidth = maximumWidth
        self.store = store
        hasStepNames = !tape.stepNames.isEmpty
        asciiLengths = Array(repeating: 0, count: tape.count)
        precedences = Array(repeating: 0, count: tape.count)
    }

    /// Composes every node's text, publishing each segment to the store when it is done.
    mutating func composeAll() {
        let size = NodeTextStore.segmentSize
        for segment in 0..<store.segments.count {
            segmentStart = segment * size
            let end = Swift.min(tape.count, segmentStart + size)
            capacity = (end - segmentStart) * 32
            bytes = .allocate(capacity: capacity)
            ends = .allocate(capacity: end - segmentStart)
            count = 0
            var widest = 0, widestConstant = 0
            for id in segmentStart..<end {
                let start = count
                precedences[id] = UInt8(compose(id))
                ends[id - segmentStart] = Int32(count)
                let text = UnsafeBufferPointer(start: bytes + start, count: count - start)
                let isASCII = TextWidth.isASCII(text)
                asciiLengths[id] = isASCII ? Int32(text.count) : 0
                // A node with a note shows the note, which the table measures itself.
                if tape.noteIndex(of: id) < 0 {
                    let width = isASCII ? text.count : TextWidth.columns(text)
                    widest = Swift.max(widest, width)
                    if tape.ops[id] == .constant { widestConstant = Swift.max(widestConstant, width) }
                }
            }
            // The store owns the segment's memory from now on.
            store.publish(.init(bytes: bytes, ends: ends, widest: widest, widestConstant: widestConstant), at: segment)
        }
        bytes = nil
        ends = nil
    }

    /// Room for `extra` more bytes of the segment (moving it when full).
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = Swift.max(2 * capacity, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        moved.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = moved
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        reserve(text.count)
        (bytes + count).update(from: base, count: text.count)
        count += text.count
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Writes node `index`'s text at the end of the segment; returns its precedence.
    private mutating func compose(_ index: Int) -> Int {
        let op = tape.ops[index]
        switch op {
        case .variable:
            append(tape.label(of: NodeID(index)))
            return Precedence.atom
        case .constant:
            let value = tape.constants[Int(tape.first[index])]
            guard NodeText.isPlainNumber(value) else {
                let text = NodeText.constantText(value)
                append(text)
                return text.hasPrefix("-") ? Precedence.prefix : Precedence.atom
            }
            // Any other number: its shortest form, written without a String.
            reserve(NumberFormat.maximumLength)
            count += NumberFormat.writeShortest(value, to: bytes + count)
            return value < 0 ? Precedence.prefix : Precedence.atom
        default:
            let start = count
            if inputsAlone(overflow: index) {
                compose(index, op, useLabels: true)
                return Precedence.of(op)
            }
            compose(index, op, useLabels: false)
            // Bytes are never fewer than characters: only a long text needs counting.
            if count - start > maximumWidth,
               Self.width(of: UnsafeBufferPointer(start: bytes + start, count: count - start)) > maximumWidth {
                count = start
                compose(index, op, useLabels: true)
            }
            return Precedence.of(op)
        }
    }

    /// Writes node `index`: its inputs by their texts, or with `useLabels` the composite
    /// ones by label (`n12 * n40`).
    private mutating func compose(_ index: Int, _ op: Op, useLabels: Bool) {
        let first = tape.first[index]
        switch op {
        case .negate:
            append(UInt8(ascii: "-"))
            appendOperand(first, useLabels, parenthesized: precedence(first, useLabels) <= Precedence.prefix)
        case .add, .subtract, .multiply, .divide, .power:
            appendInfix(op, first, tape.second[index], useLabels)
        case .expDifference:
            // What it computes, exp(a - b); the op column names the one node.
            Self.spellings[Int(Op.exp.rawValue)].withUnsafeBufferPointer { append($0) }
            append(UInt8(ascii: "("))
            appendInfix(.subtract, first, tape.second[index], useLabels)
            append(UInt8(ascii: ")"))
        default:
            Self.spellings[Int(op.rawValue)].withUnsafeBufferPointer { append($0) }
            append(UInt8(ascii: "("))
            appendOperand(first, useLabels, parenthesized: false)
            if op.arity == 2 {
                append(UInt8(ascii: ","))
                append(UInt8(ascii: " "))
                appendOperand(tape.second[index], useLabels, parenthesized: false)
            }
            append(UInt8(ascii: ")"))
        }
    }

    /// `first op second`, each operand parenthesized where the precedences ask.
    private mutating func appendInfix(_ op: Op, _ first: NodeID, _ second: NodeID, _ useLabels: Bool) {
        let (left, right) = InfixText.parentheses(op, precedence(first, useLabels), precedence(second, useLabels))
        appendOperand(first, useLabels, parenthesized: left)
        InfixText.separator(op).withUTF8Buffer { append($0) }
        appendOperand(second, useLabels, parenthesized: right)
    }

    /// Whether node `index`'s inputs' texts alone, which its full text holds, are wider
    /// than `maximumWidth` (known only for ASCII texts): then it prints with labels,
    /// and composing it in full first would copy two long texts for nothing (as each
    /// step of a long sum would).
    private func inputsAlone(overflow index: Int) -> Bool {
        func width(_ input: NodeID) -> Int? {
            let length = Int(asciiLengths[Int(input)])
            guard !printsLabel(input, false), length > 0 else { return nil }
            return length
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
        if parenthesized { append(UInt8(ascii: "(")) }
        let index = Int(id)
        if printsLabel(id, useLabels) {
            if hasStepNames, let name = tape.stepNames[id] {
                append(name)
            } else {
                reserve(NodeText.maximumLabelLength)
                count += NodeText.writeNumberLabel(index, to: bytes + count)
            }
        } else if index >= segmentStart {
            // In this segment: reserve first, as the copy's source moves with the bytes.
            let local = index - segmentStart
            let start = local == 0 ? 0 : Int(ends[local - 1])
            let length = Int(ends[local]) - start
            reserve(length)
            (bytes + count).update(from: bytes + start, count: length)
            count += length
        } else {
            store.withBytes(of: index) { append($0) }
        }
        if parenthesized { append(UInt8(ascii: ")")) }
    }

    /// The width of a text in characters, as `String.count` counts them (bytes, for ASCII).
    static func width(of text: UnsafeBufferPointer<UInt8>) -> Int {
        TextWidth.isASCII(text) ? text.count : String(decoding: text, as: UTF8.self).count
    }
}
