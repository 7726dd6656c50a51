/// How `NodeText` writes one composite node from its inputs' texts: the byte-for-byte
/// counterpart of `InfixText`, reading the same parenthesization rule.
extension NodeText {
    /// Writes node `id` (op `op`) into `output`: its inputs by their texts, or with
    /// `useLabels` the composite ones by label (`n12 * n40`).
    func compose(_ id: NodeID, _ op: Op, useLabels: Bool, into output: inout [UInt8]) {
        let index = Int(id)
        let first = tape.first[index]
        switch op {
        case .negate:
            let operand = precedence(first, useLabels)
            output.append(UInt8(ascii: "-"))
            appendOperand(first, useLabels, parenthesized: operand <= Precedence.prefix, to: &output)
        case .add, .subtract, .multiply, .divide, .power:
            let second = tape.second[index]
            let (left, right) = InfixText.parentheses(op, precedence(first, useLabels), precedence(second, useLabels))
            appendOperand(first, useLabels, parenthesized: left, to: &output)
            InfixText.separator(op).withUTF8Buffer { output.append(contentsOf: $0) }
            appendOperand(second, useLabels, parenthesized: right, to: &output)
        default:
            output.append(contentsOf: (op.functionSpelling ?? op.name).utf8)
            output.append(UInt8(ascii: "("))
            appendOperand(first, useLabels, parenthesized: false, to: &output)
            if op.arity == 2 {
                output.append(UInt8(ascii: ","))
                output.append(UInt8(ascii: " "))
                appendOperand(tape.second[index], useLabels, parenthesized: false, to: &output)
            }
            output.append(UInt8(ascii: ")"))
        }
    }

    /// Whether an input prints by its label: a named step always, any composite node
    /// when labels are asked for.
    private func printsLabel(_ id: NodeID, _ useLabels: Bool) -> Bool {
        (useLabels && tape.ops[Int(id)].arity > 0) || (!tape.stepNames.isEmpty && tape.stepNames[id] != nil)
    }

    private func precedence(_ id: NodeID, _ useLabels: Bool) -> Int {
        printsLabel(id, useLabels) ? Precedence.atom : precedence(of: id)
    }

    private func appendOperand(_ id: NodeID, _ useLabels: Bool, parenthesized: Bool, to output: inout [UInt8]) {
        if parenthesized { output.append(UInt8(ascii: "(")) }
        if printsLabel(id, useLabels) {
            if let name = tape.stepNames[id] {
                output.append(contentsOf: name.utf8)
            } else {
                output.append(UInt8(ascii: "n"))
                appendDecimal(Int(id), to: &output)
            }
        } else {
            let range = textRange(of: id)
            ownBytes { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        }
        if parenthesized { output.append(UInt8(ascii: ")")) }
    }

    private func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        let digits = DecimalDigits.count(UInt64(value))
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: digits))
        output.withUnsafeMutableBufferPointer { DecimalDigits.write(UInt64(value), count: digits, to: $0.baseAddress! + start) }
    }

    /// The width of a text in characters, as `String.count` counts them (bytes, for ASCII).
    static func width(of text: [UInt8]) -> Int {
        text.allSatisfy({ $0 < 0x80 }) ? text.count : String(decoding: text, as: UTF8.self).count
    }
}
