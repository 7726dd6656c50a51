/// The node table as CSV (RFC 4180 quoting), TSV, or a GitHub-style Markdown table.
/// Numbers are written in shortest round-trip form so nothing is lost; a constant's
/// gradient cell is empty (it has none).
enum DelimitedFormatter {
    static let headers = ["id", "name", "op", "text", "value", "grad"]

    static func csv(_ result: PassResult) -> String {
        var buffer = ByteBuffer()
        writeCSV(result, to: &buffer)
        return buffer.string()
    }

    static func tsv(_ result: PassResult) -> String {
        var buffer = ByteBuffer()
        writeTSV(result, to: &buffer)
        return buffer.string()
    }

    /// The CSV table into `buffer`: a cell holding a comma, a quote or a line break is
    /// quoted, its quotes doubled (RFC 4180).
    static func writeCSV(_ result: PassResult, to buffer: inout ByteBuffer) {
        write(result, separator: UInt8(ascii: ","), to: &buffer) { cell, buffer in
            guard cell.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
                buffer.append(cell)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in cell {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// The TSV table into `buffer`. TSV has no quoting: tabs and line breaks inside a
    /// cell become spaces.
    static func writeTSV(_ result: PassResult, to buffer: inout ByteBuffer) {
        write(result, separator: UInt8(ascii: "\t"), to: &buffer) { cell, buffer in
            guard cell.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else {
                buffer.append(cell)
                return
            }
            for byte in cell { buffer.append(byte == 9 || byte == 10 || byte == 13 ? UInt8(ascii: " ") : byte) }
        }
    }

    /// The header and a row per node: id, name, op, text, value, grad; text cells go
    /// through `cell` (quoting), numbers never need it. The texts are composed on one core
    /// while the rows composed so far are written on the other.
    private static func write(_ result: PassResult, separator: UInt8, to buffer: inout ByteBuffer,
                              cell: @escaping @Sendable (UnsafeBufferPointer<UInt8>, inout ByteBuffer) -> Void) {
        let tape = result.tape
        let text = NodeText(unstarted: tape)
        let opNames = OpNameBytes()
        let hasStepNames = !tape.stepNames.isEmpty
        buffer.append(contentsOf: headers.joined(separator: String(UnicodeScalar(separator))) + "\n")
        ParallelRows.write(tape.count, to: &buffer, alongside: { text.compose() }) { range, buffer in
            text.waitUntilComposed(through: range.upperBound - 1)
            for i in range {
                let id = NodeID(i)
                buffer.appendInteger(i)
                buffer.append(separator)
                if hasStepNames || tape.ops[i] == .variable, let name = tape.name(of: id) {
                    var name = name
                    name.withUTF8 { cell($0, &buffer) }
                }
                buffer.append(separator)
                opNames.withName(of: tape.ops[i]) { buffer.append($0) }
                buffer.append(separator)
                text.withBytes(of: id) { cell($0, &buffer) }
                buffer.append(separator)
                text.appendShortestValue(of: id, result.values[i], to: &buffer)
                buffer.append(separator)
                if result.hasGradient(id) { NumberFormat.appendShortest(result.gradients[i], to: &buffer) }
                buffer.append(UInt8(ascii: "\n"))
            }
        }
    }

    static func markdown(_ result: PassResult, _ options: OutputOptions) -> String {
        let rows = TableFormatter.rows(result, numbers: { NumberFormat.significant($0, digits: options.precision) })
        func escape(_ cell: String) -> String { cell.replacingAll("|", with: "\\|") }
        func code(_ cell: String) -> String { cell.isEmpty ? "" : "`\(cell)`" }
        var output = "| " + TableFormatter.headers.joined(separator: " | ") + " |\n"
        output += "|---|---|---|--:|--:|\n"
        for row in rows {
            output += "| " + [escape(row[0]), row[1], code(escape(row[2])), row[3], row[4]].joined(separator: " | ") + " |\n"
        }
        return output
    }
}

extension String {
    /// Every occurrence of `target` replaced (the standard library has no such call without Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
