import GradDiff

/// Joins input lines into session entries: a line that leaves '(' open goes on with the
/// next one, as a program file's would. Counts lines, so diagnostics can name the line
/// an entry started on.
struct EntryAssembler {
    private var pending: String?
    private var firstLine = 0
    private var lineNumber = 0

    /// Whether an entry is open, waiting for its next line.
    var isContinuing: Bool { pending != nil }

    /// Adds a line; returns the finished entry and its first line's number, or nil
    /// while a '(' is still open.
    mutating func add(_ line: Substring) -> (text: String, line: Int)? {
        lineNumber += 1
        if let text = pending {
            pending = text + "\n" + line
        } else {
            pending = String(line)
            firstLine = lineNumber
        }
        guard let text = pending, !ReplSession.needsMoreInput(text) else { return nil }
        pending = nil
        return (text, firstLine)
    }

    /// The unfinished entry at the end of the input, if any (it runs, to report it).
    mutating func finish() -> (text: String, line: Int)? {
        defer { pending = nil }
        return pending.map { ($0, firstLine) }
    }

    /// `entry` as one line of history: a continued entry's newlines lie inside '(' or
    /// '[' and mean nothing, so it is joined as `:vars` shows a definition, each comment
    /// dropped but the last line's (joined, one would hide what follows).
    static func historyLine(_ entry: String) -> String {
        DefinitionText.oneLine(entry)
    }

    /// Drops the unfinished entry (Ctrl-C).
    mutating func abandon() {
        pending = nil
    }
}
