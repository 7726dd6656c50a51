@testable import GradDiff

/// The node table, JSON, CSV and TSV formatters as they were before they wrote bytes
/// (string by string, numbers through `Double.description` and printf; a constant's
/// gradient blank or null, negative zero -0 where numbers are shortest): the oracle the
/// byte formatters must match byte for byte (`ByteFormatterTests`).
enum ReferenceFormatters {
    static func json(_ result: PassResult, _ options: OutputOptions) -> String {
        let tape = result.tape
        let text = ReferenceNodeText(tape)
        func number(_ value: Double) -> String {
            value.isFinite ? NumberFormatOracleTests.described(value) : "\"\(NumberFormatOracleTests.described(value))\""
        }
        func string(_ text: String) -> String {
            var output = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output + "\""
        }
        var output = "{\"value\": \(number(result.values[Int(result.output)])), \"gradient\": {"
        output += result.reportedVariables(options).map { variable in
            "\(string(variable.name)): \(number(result.gradients[Int(tape.variableNodes[variable.slot])]))"
        }.joined(separator: ", ")
        output += "}, \"nodes\": ["
        for i in 0..<tape.count {
            let id = NodeID(i)
            if i > 0 { output += ", " }
            output += "{\"id\": \(i), \"op\": \(string(tape.ops[i].name)), \"name\": "
            output += tape.name(of: id).map(string) ?? "null"
            output += ", \"text\": \(string(text[id])), \"inputs\": ["
            output += tape.inputs(of: id).map { String($0) }.joined(separator: ", ")
            output += "], \"value\": \(number(result.values[i])), \"grad\": "
            output += result.hasGradient(NodeID(i)) ? "\(number(result.gradients[i]))}" : "null}"
        }
        return output + "]}\n"
    }

    static func delimited(_ result: PassResult, tabs: Bool) -> String {
        let tape = result.tape
        let text = ReferenceNodeText(tape)
        let rows = (0..<tape.count).map { i in
            [String(i), tape.name(of: NodeID(i)) ?? "", tape.ops[i].name, text[NodeID(i)],
             NumberFormatOracleTests.described(result.values[i]),
             result.hasGradient(NodeID(i)) ? NumberFormatOracleTests.described(result.gradients[i]) : ""]
        }
        func quote(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        func clean(_ cell: String) -> String {
            String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        let headers = ["id", "name", "op", "text", "value", "grad"]
        return ([headers] + rows).map { $0.map(tabs ? clean : quote).joined(separator: tabs ? "\t" : ",") }
            .joined(separator: "\n") + "\n"
    }

    static func table(_ result: PassResult, _ options: OutputOptions) -> String {
        let tape = result.tape
        let text = ReferenceNodeText(tape)
        let rows = (0..<tape.count).map { i in
            [tape.label(of: NodeID(i)), tape.ops[i].name, text[NodeID(i)],
             NumberFormatOracleTests.printed(result.values[i], digits: options.precision),
             result.hasGradient(NodeID(i)) ? NumberFormatOracleTests.printed(result.gradients[i], digits: options.precision) : ""]
        }
        let lines = TextColumns.lines([["node", "op", "expression", "value", "gradient"]] + rows, rightAligned: { $0 >= 3 })
        var output = (options.useColor ? "\u{1B}[1m\(lines[0])\u{1B}[0m" : lines[0]) + "\n"
        for line in lines.dropFirst() { output += line + "\n" }
        return output
    }
}

/// `NodeText` as it was: a `String` per node, composed by `InfixText`.
struct ReferenceNodeText {
    let tape: Tape
    private(set) var texts: [String] = []
    private var precedences: [Int] = []

    init(_ tape: Tape, maximumWidth: Int = 48) {
        self.tape = tape
        for id in 0..<tape.count {
            let index = Int(id)
            let op = tape.ops[index]
            switch op {
            case .variable:
                texts.append(tape.label(of: NodeID(id)))
                precedences.append(Precedence.atom)
            case .constant:
                let text = NodeText.constantText(tape.constants[Int(tape.first[index])])
                texts.append(text)
                precedences.append(text.hasPrefix("-") ? Precedence.prefix : Precedence.atom)
            default:
                let full = compose(op, Array(tape.inputs(of: NodeID(id))), useLabels: false)
                texts.append(full.count <= maximumWidth ? full : compose(op, Array(tape.inputs(of: NodeID(id))), useLabels: true))
                precedences.append(Precedence.of(op))
            }
        }
    }

    subscript(id: NodeID) -> String { tape.note(of: id) ?? texts[Int(id)] }

    private func operand(_ id: NodeID, useLabels: Bool) -> (String, Int) {
        if tape.stepNames[id] != nil || (useLabels && tape.ops[Int(id)].arity > 0) {
            return (tape.label(of: id), Precedence.atom)
        }
        return (texts[Int(id)], precedences[Int(id)])
    }

    private func compose(_ op: Op, _ inputs: [NodeID], useLabels: Bool) -> String {
        let parts = inputs.map { operand($0, useLabels: useLabels) }
        switch op {
        case .negate: return InfixText.negate(parts[0])
        case .add, .subtract, .multiply, .divide, .power: return InfixText.binary(op, parts[0], parts[1])
        default: return InfixText.call(op.functionSpelling ?? op.name, parts.map(\.0))
        }
    }
}
