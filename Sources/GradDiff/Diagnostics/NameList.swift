/// Names listed in a message, cut after the first few: a generated program with 10^5
/// variables gets a one-line diagnostic, not a copy of its input.
///
///     NameList.quoted(["a", "b"])              'a', 'b'
///     NameList.quoted(names, limit: 2)         'x0', 'x1' and 19998 more
public enum NameList {
    /// How many names a message shows before it counts the rest.
    public static let shownNames = 8

    /// `'a', 'b', 'c'`, or the first `limit` and how many more.
    public static func quoted(_ names: [String], limit: Int = shownNames) -> String {
        joined(names.prefix(limit).map { "'\($0)'" }, total: names.count, separator: ", ")
    }

    /// `a, b, c` without quotes (a list of variables or steps in a help line).
    public static func plain(_ names: [String], limit: Int = shownNames) -> String {
        joined(Array(names.prefix(limit)), total: names.count, separator: ", ")
    }

    /// Each of the first `limit` names turned into an example by `example`, joined by
    /// `separator` (`x=1 y=1`), with a trailing `…` when some were left out.
    public static func examples(_ names: [String], limit: Int = shownNames, separator: String = " ",
                                _ example: (String) -> String) -> String {
        names.prefix(limit).map(example).joined(separator: separator) + (names.count > limit ? "\(separator)…" : "")
    }

    private static func joined(_ shown: [String], total: Int, separator: String) -> String {
        let text = shown.joined(separator: separator)
        return total > shown.count ? "\(text) and \(total - shown.count) more" : text
    }
}
