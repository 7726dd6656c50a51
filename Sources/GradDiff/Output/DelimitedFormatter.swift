/// The node table as CSV (RFC 4180 quoting), TSV, or a GitHub-style Markdown table.
/// Numbers are written in shortest round-trip form so nothing is lost; a constant's
/// gradient cell is empty (it has none).
enum DelimitedFormatter {
    static let headers = ["id", "name", "op", "text", "value", "grad"]

    static func rows(_ result: PassResult) -> [[String]] {
        let tape = result.tape
        let text = NodeText(tape)
        return (0..<tape.count).map { i in
            let id = NodeID(i)
            return [String(i), tape.name(of: id) ?? "", tape.ops[i].name, text[id],
                    NumberFormat.shortest(result.values[i]), result.hasGradient(id) ? NumberFormat.shortest(result.gradients[i]) : ""]
        }
    }

    static func csv(_ result: PassResult) -> String {
        func quote(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        return ([headers] + rows(result)).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func tsv(_ result: PassResult) -> String {
        // TSV has no quoting: tabs and newlines inside a cell become spaces.
        func clean(_ cell: String) -> String {
            String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        return ([headers] + rows(result)).map { $0.map(clean).joined(separator: "\t") }.joined(separator: "\n") + "\n"
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
