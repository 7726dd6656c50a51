/// Rows of cells laid out in columns two spaces apart, each as wide as its widest cell:
/// the one aligner of the node table, the Hessian and the gradient check. Widths are
/// terminal columns (`TerminalColumns`: two for a CJK name, one for θ), counted per
/// scalar, far cheaper than grapheme breaking over a million rows. Lines carry no
/// trailing blanks.
enum TextColumns {
    /// Each row as a line (without its newline); `rightAligned[c]` says how column `c`
    /// is aligned (numbers to the right, words to the left).
    static func lines(_ rows: [[String]], rightAligned: (Int) -> Bool) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = Swift.max(widths[column], cell.columns)
            }
        }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[column] - cell.columns)
                line += rightAligned(column) ? padding + cell : cell + padding
            }
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            return line
        }
    }
}
