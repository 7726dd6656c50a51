/// Vectors and matrices as people read them: `[1, 2, 3]`, `[[0.1, 0.2], [0.3, 0.4]]`
/// on one line when short; otherwise a matrix row per line and a long vector wrapped,
/// every number right-aligned to one width so the columns line up:
///
///     [[ 0.1, -0.25],
///      [  12,   0.4]]
///
/// What does not fit is elided in the middle with `…`, as numpy prints large arrays: a
/// matrix keeps its first and last rows (past `maximumRows`) and as many first and last
/// columns as fit `maximumWidth`; a vector its first and last lines (past
/// `maximumLines`). JSON, CSV and `--elements` always give every number.
enum TensorValueText {
    /// The widest a line may be before it wraps or elides.
    static let maximumWidth = 64
    /// A matrix with more rows shows the first and last `edgeRows`.
    static let maximumRows = 8
    static let edgeRows = 3
    /// A vector wrapped to more lines shows its first and last `edgeLines` lines.
    static let maximumLines = 6
    static let edgeLines = 2

    /// The lines of `values` (row-major, in `shape`), numbers written by `number`.
    static func lines(_ values: [Double], _ shape: TensorShape, number: (Double) -> String) -> [String] {
        switch shape.rank {
        case 0: return [number(values[0])]
        case 1: return vector(values, number: number)
        default: return matrix(values, shape, number: number)
        }
    }

    private static func vector(_ values: [Double], number: (Double) -> String) -> [String] {
        // Only the numbers that can be shown are formatted: a 10^5-element vector costs its edges.
        let room = maximumLines * maximumWidth / 3
        let shown = values.count <= 2 * room ? values.map(number)
            : values.prefix(room).map(number) + values.suffix(room).map(number)
        let flat = "[" + shown.joined(separator: ", ") + "]"
        if shown.count == values.count, flat.count <= maximumWidth { return [flat] }
        let width = shown.map(\.count).max() ?? 1
        let perLine = Swift.max(1, (maximumWidth - 2) / (width + 2))
        let lineCount = (values.count + perLine - 1) / perLine
        var cells = shown.map { padded($0, width) }
        if lineCount > maximumLines {
            let edge = edgeLines * perLine
            cells = Array(cells.prefix(edge)) + ["…"] + Array(cells.suffix(edge))
        }
        var lines: [String] = []
        var line = "["
        var inLine = 0
        for (index, cell) in cells.enumerated() {
            let isLast = index == cells.count - 1
            if cell == "…" {
                lines.append(line)
                lines.append(" …")
                line = " "
                inLine = 0
                continue
            }
            if inLine == perLine {
                lines.append(line)
                line = " "
                inLine = 0
            } else if inLine > 0 {
                line += " "
            }
            line += cell + (isLast ? "]" : ",")
            inLine += 1
        }
        lines.append(line)
        return lines
    }

    private static func matrix(_ values: [Double], _ shape: TensorShape, number: (Double) -> String) -> [String] {
        let (m, n) = (shape.rows, shape.columns)
        let rows: [Int?] = m <= maximumRows ? Array(0..<m) : Array(0..<edgeRows) + [nil] + Array((m - edgeRows)..<m)
        // Columns: as many first and last as fit, judged on the widest number of the kept rows.
        let room = maximumWidth / 3
        let candidates: [Int] = n <= 2 * room ? Array(0..<n) : Array(0..<room) + Array((n - room)..<n)
        let texts = rows.map { row in row.map { r in candidates.map { number(values[r * n + $0]) } } }
        let width = texts.compactMap { $0 }.flatMap { $0 }.map(\.count).max() ?? 1
        let fitting = Swift.max(1, (maximumWidth - 4) / (width + 2))
        let keep = n <= fitting && candidates.count == n ? n : Swift.max(1, (fitting - 1) / 2)
        let elided = keep < n
        let flat = "[" + texts.map { row in row.map { "[" + $0.joined(separator: ", ") + "]" } ?? "…" }.joined(separator: ", ") + "]"
        if !elided, rows.count == m, flat.count <= maximumWidth { return [flat] }
        return texts.enumerated().map { index, row in
            let open = index == 0 ? "[[" : " ["
            let close = index == texts.count - 1 ? "]]" : "],"
            guard let row else { return "  …" }
            let cells = elided ? row.prefix(keep).map { padded($0, width) } + ["…"] + row.suffix(keep).map { padded($0, width) }
                : row.map { padded($0, width) }
            return open + cells.joined(separator: ", ") + close
        }
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Every number on one line, nested: `[[1, 2], [3, 4]]` (a scalar is its number).
    static func oneLine(_ values: [Double], _ shape: TensorShape, number: (Double) -> String) -> String {
        switch shape.rank {
        case 0: return number(values[0])
        case 1: return "[" + values.map(number).joined(separator: ", ") + "]"
        default:
            return "[" + (0..<shape.rows).map { row in
                "[" + values[(row * shape.columns)..<((row + 1) * shape.columns)].map(number).joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]"
        }
    }

    /// Every number, nested as JSON writes arrays: `[[1, 2], [3, 4]]`; a scalar is a number.
    static func json(_ values: [Double], _ shape: TensorShape) -> String {
        oneLine(values, shape, number: JSONFormatter.number)
    }
}
