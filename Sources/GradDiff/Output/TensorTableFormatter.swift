/// The table of a program with vectors and matrices: one row per row of its
/// `TensorView`, with the shape, and the value and gradient shown whole (a matrix over
/// several lines when wide, every column of numbers aligned).
///
///     node  op       shape   expression  value                   gradient
///     W     var      2×3     W           [[1, 2, 3], [4, 5, 6]]  [[0.1, 0.2, 0.3], [0, 0, 0]]
///     z     add      2       W @ x + b   [4.6, 9.2]              [0.2, 0.0001]
///     s     sum      scalar  sum(a)      1.99                    1
enum TensorTableFormatter {
    static let headers = ["node", "op", "shape", "expression", "value", "gradient"]

    /// Each row's cells: the first four one line each, the value and gradient as lines.
    static func cells(_ view: TensorView, _ options: OutputOptions) -> [[[String]]] {
        let text = TensorText(view)
        func number(_ value: Double) -> String { NumberFormat.significant(value, digits: options.precision) }
        return view.rows.enumerated().map { index, row in
            [[row.label], [row.op], [row.shape.text], [text.texts[index]],
             TensorValueText.lines(view.values(row), row.shape, number: number),
             view.hasGradient(row) ? TensorValueText.lines(view.gradients(row), row.shape, number: number) : [""]]
        }
    }

    static func render(_ view: TensorView, _ options: OutputOptions) -> String {
        let rows = cells(view, options)
        var widths = headers.map(\.columns)
        for row in rows {
            for (column, lines) in row.enumerated() {
                widths[column] = Swift.max(widths[column], lines.map(\.columns).max() ?? 0)
            }
        }
        // Left-aligned, values too: a bracket lines up under a bracket, a matrix's rows under each other.
        let rightAligned = [false, false, false, false, false, false]
        var output = ""
        let header = line(headers.map { [$0] }, 0, widths, rightAligned)
        output += (options.useColor ? "\u{1B}[1m\(header)\u{1B}[0m" : header) + "\n"
        for row in rows {
            let height = row.map(\.count).max() ?? 1
            for index in 0..<height { output += line(row, index, widths, rightAligned) + "\n" }
        }
        return output
    }

    /// Line `index` of a row: each cell's line (or blanks), a block of lines left-aligned
    /// within itself and, in a right-aligned column, pushed right as a whole.
    private static func line(_ cells: [[String]], _ index: Int, _ widths: [Int], _ rightAligned: [Bool]) -> String {
        var parts: [String] = []
        for (column, lines) in cells.enumerated() {
            let block = lines.map(\.columns).max() ?? 0
            let cell = index < lines.count ? lines[index] : ""
            let inner = cell + String(repeating: " ", count: block - cell.columns)
            let padding = String(repeating: " ", count: widths[column] - block)
            parts.append(rightAligned[column] ? padding + inner : inner + padding)
        }
        var line = parts.joined(separator: "  ")
        while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
        return line
    }
}
