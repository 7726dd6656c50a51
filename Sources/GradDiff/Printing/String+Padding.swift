extension String {
    /// How many terminal columns the text takes (two for a CJK character).
    var columns: Int { TerminalColumns.width(of: self) }

    /// The text followed by spaces up to `width` terminal columns (unchanged if already wider).
    func padded(to width: Int) -> String {
        columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }
}
