/// The JSON contract scripts rely on (documented in the man page):
///
///     {"value": V, "gradient": {"x": G, ...}, "nodes": [{"id": 0, "op": "var",
///      "name": "x", "text": "x", "inputs": [], "value": 1, "grad": -3}, ...]}
///
/// Variables in `gradient` appear in first-appearance order (or `--wrt` order); nodes in
/// topological order, the output last among those it depends on, and only those
/// `options.nodes` selects (`--nodes`: all, the inputs, or none). Numbers are shortest
/// round-trip decimals; non-finite numbers are the strings "nan", "inf", "-inf". A
/// constant's `grad` is null: it has no gradient.
///
/// Written straight into bytes (`write`): a million nodes print in a fraction of a
/// second and, through a buffer with a sink, in a few megabytes beyond the node texts
/// (rows are made a chunk at a time on every core, `ParallelRows`).
public enum JSONFormatter {
    public static func render(_ result: PassResult, _ options: OutputOptions) -> String {
        var buffer = ByteBuffer()
        write(result, options, to: &buffer)
        return buffer.string()
    }

    public static func write(_ result: PassResult, _ options: OutputOptions, to buffer: inout ByteBuffer) {
        let tape = result.tape
        buffer.append("{\"value\": ")
        appendNumber(result.values[Int(result.output)], to: &buffer)
        buffer.append(", \"gradient\": {")
        for (index, variable) in result.reportedVariables(options).enumerated() {
            if index > 0 { buffer.append(", ") }
            appendString(variable.name, to: &buffer)
            buffer.append(": ")
            appendNumber(result.gradients[Int(tape.variableNodes[variable.slot])], to: &buffer)
        }
        buffer.append("}, \"nodes\": [")
        switch options.nodes {
        case .all:
            // Texts composed on one core while the rows composed so far are written on the other.
            let text = NodeText(unstarted: tape)
            let rows = Rows(result: result, text: text)
            ParallelRows.write(tape.count, to: &buffer, alongside: { text.compose() }) { range, buffer in
                text.waitUntilComposed(through: range.upperBound - 1)
                for i in range { rows.write(NodeID(i), to: &buffer) }
            }
        case .inputs:
            let rows = Rows(result: result, text: nil)
            for id in tape.variableNodes.sorted() {
                rows.write(id, to: &buffer)
                buffer.flushIfFull()
            }
        case .none:
            break
        }
        buffer.append("]}\n")
    }

    /// The entries of `nodes`, each written alone (so rows can be made on several threads).
    private struct Rows: Sendable {
        let result: PassResult
        let tape: Tape
        /// Every node's text, unless the rows are the inputs alone, whose texts are their names.
        let text: NodeText
        let hasText: Bool
        let opNames = OpNameBytes()
        let hasStepNames: Bool
        /// The id the array starts with: the only entry with no comma before it.
        let first: NodeID

        init(result: PassResult, text: NodeText?) {
            self.result = result
            self.text = text ?? NodeText(unstarted: result.tape)
            hasText = text != nil
            tape = result.tape
            hasStepNames = !result.tape.stepNames.isEmpty
            first = text == nil ? result.tape.variableNodes.min() ?? 0 : 0
        }

        func write(_ id: NodeID, to buffer: inout ByteBuffer) {
            let i = Int(id)
            if id != first { buffer.append(", ") }
            buffer.append("{\"id\": ")
            buffer.appendInteger(i)
            buffer.append(", \"op\": \"")
            opNames.withName(of: tape.ops[i]) { buffer.append($0) }
            buffer.append("\", \"name\": ")
            if let name = hasStepNames || tape.ops[i] == .variable ? tape.name(of: id) : nil {
                appendString(name, to: &buffer)
            } else {
                buffer.append("null")
            }
            buffer.append(", \"text\": ")
            if hasText {
                text.withBytes(of: id) { appendString($0, to: &buffer) }
            } else {
                appendString(tape.note(of: id) ?? tape.label(of: id), to: &buffer)
            }
            buffer.append(", \"inputs\": [")
            if tape.ops[i].arity > 0 {
                buffer.appendInteger(Int(tape.first[i]))
                if tape.ops[i].arity > 1 {
                    buffer.append(", ")
                    buffer.appendInteger(Int(tape.second[i]))
                }
            }
            buffer.append("], \"value\": ")
            if hasText, result.values[i].isFinite {
                text.appendShortestValue(of: id, result.values[i], to: &buffer)
            } else {
                appendNumber(result.values[i], to: &buffer)
            }
            buffer.append(", \"grad\": ")
            if result.hasGradient(id) { appendNumber(result.gradients[i], to: &buffer) } else { buffer.append("null") }
            buffer.append("}")
        }
    }

    public static func number(_ value: Double) -> String {
        if let special = NumberFormat.nonFinite(value) { return "\"\(special)\"" }
        return NumberFormat.shortest(value)
    }

    /// A number as JSON: shortest round-trip, or a quoted "nan", "inf", "-inf".
    static func appendNumber(_ value: Double, to buffer: inout ByteBuffer) {
        if value.isFinite {
            NumberFormat.appendShortest(value, to: &buffer)
        } else {
            buffer.append(UInt8(ascii: "\""))
            NumberFormat.appendShortest(value, to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (Unicode included) as UTF-8.
    public static func string(_ text: String) -> String {
        var buffer = ByteBuffer()
        appendString(text, to: &buffer)
        return buffer.string()
    }

    /// A JSON array of strings: `["x", "y"]`.
    public static func strings(_ texts: [String]) -> String {
        "[" + texts.map(string).joined(separator: ", ") + "]"
    }

    static func appendString(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { appendString($0, to: &buffer) }
    }

    /// Whether any of `bytes` needs escaping: a control character, a quote or a
    /// backslash. Eight bytes at a time: a lane below 0x20, or equal to 0x22 or 0x5C
    /// after an exclusive or, sets its top bit in the tests below (exact for "any").
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            if (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & tops != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// The UTF-8 `bytes` as a JSON string literal. Escaping works on bytes: every byte
    /// that needs it is ASCII, and the bytes of a multi-byte character never do.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout ByteBuffer) {
        buffer.append(UInt8(ascii: "\""))
        guard needsEscaping(bytes) else {
            buffer.append(bytes)
            return buffer.append(UInt8(ascii: "\""))
        }
        var plainStart = 0
        for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            buffer.append(UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
            plainStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): buffer.append("\\\"")
            case UInt8(ascii: "\\"): buffer.append("\\\\")
            case UInt8(ascii: "\n"): buffer.append("\\n")
            case UInt8(ascii: "\r"): buffer.append("\\r")
            case UInt8(ascii: "\t"): buffer.append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                buffer.append("\\u00")
                buffer.append(hex.utf8Start[Int(byte >> 4)])
                buffer.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        buffer.append(UnsafeBufferPointer(rebasing: bytes[plainStart...]))
        buffer.append(UInt8(ascii: "\""))
    }
}
