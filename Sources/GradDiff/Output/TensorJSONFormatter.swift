/// JSON, CSV, TSV and Markdown for a program with vectors and matrices (documented in
/// the man page):
///
///     {"value": V, "gradient": {"W": [[G, G], [G, G]], "b": [G, G], "lambda": G},
///      "nodes": [{"id": 0, "op": "var", "name": "W", "shape": [2, 2], "text": "W",
///                 "inputs": [], "value": [[1, 2], [3, 4]], "grad": [[…]]}, …]}
///
/// A node is a row of the `TensorView`; `id` is its position and `inputs` are the ids
/// of the nodes it reads. A vector's or matrix's `value` and `grad` are nested arrays
/// (rows of a matrix), a scalar's are numbers, and `shape` is [] for a scalar. Numbers
/// are shortest round-trip decimals; nan and inf are the strings "nan", "inf", "-inf".
/// `--nodes inputs` lists only the rows of inputs, `--nodes none` no row.
enum TensorJSONFormatter {
    static func render(_ view: TensorView, _ options: OutputOptions) -> String {
        let result = view.result
        let text = TensorText(view)
        var output = "{\"value\": \(JSONFormatter.number(result.values[Int(result.output)])), \"gradient\": {"
        output += view.reportedInputs(options.wrt).map { name, row in
            "\(JSONFormatter.string(name)): \(TensorValueText.json(view.gradients(row), row.shape))"
        }.joined(separator: ", ")
        output += "}, \"nodes\": ["
        // `--nodes`: every row, the inputs (rows of op var) only, or none; ids stay the rows' positions.
        var first = true
        for (index, row) in view.rows.enumerated() where options.nodes == .all || options.nodes == .inputs && row.op == "var" {
            if !first { output += ", " }
            first = false
            output += "{\"id\": \(index), \"op\": \(JSONFormatter.string(row.op)), \"name\": "
            output += name(of: row, view).map(JSONFormatter.string) ?? "null"
            output += ", \"shape\": [\(row.shape.dimensions.map(String.init).joined(separator: ", "))]"
            output += ", \"text\": \(JSONFormatter.string(text.texts[index])), \"inputs\": ["
            output += row.inputs.map(String.init).joined(separator: ", ")
            output += "], \"value\": \(TensorValueText.json(view.values(row), row.shape))"
            output += ", \"grad\": \(view.hasGradient(row) ? TensorValueText.json(view.gradients(row), row.shape) : "null")}"
        }
        return output + "]}\n"
    }

    /// The name a user gave the row (a step or an input), if any.
    static func name(of row: TensorView.Row, _ view: TensorView) -> String? {
        switch row.kind {
        case .scalar(let node): return view.result.tape.name(of: node)
        case .tensor(let id):
            return view.result.tensors.names[id] ?? (row.shape.isScalar ? view.result.tape.stepNames[row.elements[0]] : nil)
        }
    }

    static let headers = ["id", "name", "op", "shape", "text", "value", "grad"]

    private static func fields(_ view: TensorView) -> [[String]] {
        let text = TensorText(view)
        // A scalar is written as a scalar program's CSV writes it (nan, not "nan", which
        // JSON needs only inside an array).
        func cell(_ values: [Double], _ shape: TensorShape) -> String {
            shape.isScalar ? NumberFormat.nonFinite(values[0]) ?? NumberFormat.shortest(values[0]) : TensorValueText.json(values, shape)
        }
        return view.rows.enumerated().map { index, row in
            [String(index), name(of: row, view) ?? "", row.op, "[" + row.shape.dimensions.map(String.init).joined(separator: ", ") + "]",
             text.texts[index], cell(view.values(row), row.shape),
             view.hasGradient(row) ? cell(view.gradients(row), row.shape) : ""]
        }
    }

    /// CSV (RFC 4180 quoting; a value is its nested JSON array) or TSV (tabs and
    /// newlines in a cell become spaces).
    static func delimited(_ view: TensorView, separator: String) -> String {
        func cell(_ text: String) -> String {
            if separator == "\t" { return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        }
        return ([headers] + fields(view)).map { $0.map(cell).joined(separator: separator) }.joined(separator: "\n") + "\n"
    }

    /// A GitHub table: the table's cells, a value on one line.
    static func markdown(_ view: TensorView, _ options: OutputOptions) -> String {
        func escape(_ cell: String) -> String { cell.replacingAll("|", with: "\\|") }
        var output = "| " + TensorTableFormatter.headers.joined(separator: " | ") + " |\n|---|---|---|---|--:|--:|\n"
        for row in TensorTableFormatter.cells(view, options) {
            let cells = row.map { $0.map { $0.trimmingSpaces() }.joined(separator: " ") }
            output += "| " + [escape(cells[0]), cells[1], cells[2], "`\(escape(cells[3]))`", cells[4], cells[5]].joined(separator: " | ") + " |\n"
        }
        return output
    }
}
