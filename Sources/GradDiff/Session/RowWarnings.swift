/// The warnings of a table's rows (numbers out of a double's range, read as inf or 0):
/// the first few in full, then one line counting the rest, so that a table of 10^6 such
/// rows does not bury the output, for `--batch` and `minimize --data` alike.
public struct RowWarnings: Sendable {
    public static let shownCount = 3
    public private(set) var count = 0

    public init() {}

    /// Counts `warning`; returns it while it is among the first few, to be shown in full.
    public mutating func add(_ warning: LocatedDiagnostic) -> LocatedDiagnostic? {
        count += 1
        return count <= Self.shownCount ? warning : nil
    }

    /// The line that counts the warnings not shown, if there are any.
    public var summary: LocatedDiagnostic? {
        count > Self.shownCount ? LocatedDiagnostic(.warning(.moreOutOfRange(count - Self.shownCount)), in: nil) : nil
    }
}
