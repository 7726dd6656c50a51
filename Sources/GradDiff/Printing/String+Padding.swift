extension String {
    /// The text followed by spaces up to `width` characters (unchanged if already wider).
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
