#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--help` laid out for the terminal (`HelpPage`): paragraphs filled to the width,
/// never broken inside a `quoted` span (a command, an option with its value); options
/// and exit statuses with their text in a column beside them; examples with their
/// comments in one column, or on a line of their own above the command when the line
/// would be too long; and a command too long for any line continued with ` \`, so that
/// what is shown is always what to type.
struct HelpLayout {
    /// The longest line.
    let width: Int
    private(set) var lines: [String] = []

    init(width: Int = HelpLayout.helpWidth) {
        self.width = max(width, 20)
    }

    /// The narrowest terminal help is laid out for: a narrower one gets lines of this width.
    static let narrowestHelp = 40

    /// The longest line of help: one less than the terminal's width, or than `narrowestHelp`.
    static var helpWidth: Int { Swift.max(terminalWidth, narrowestHelp) - 1 }

    /// The terminal's width: `$COLUMNS`, else standard output's terminal, else 80.
    static var terminalWidth: Int {
        if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The text, with no newline after the last line.
    var text: String { lines.joined(separator: "\n") }

    /// A line as it is (a heading, or an empty line).
    mutating func line(_ text: String = "") {
        lines.append(text)
    }

    /// `text` filled to the width; a span in backquotes is one unbreakable word, shown
    /// without them. Lines after the first are indented by `hanging`.
    mutating func paragraph(_ text: String, indent: Int = 0, hanging: Int = 0) {
        fill(Self.words(text), first: String(repeating: " ", count: indent),
             rest: String(repeating: " ", count: indent + hanging))
    }

    /// `label` in a column of `labelWidth`, then `text` filled beside it (the exit
    /// statuses, the options); a label too wide for the column has a line of its own.
    mutating func row(_ label: String, _ text: String, indent: Int = 2, labelWidth: Int) {
        let margin = String(repeating: " ", count: indent)
        let rest = String(repeating: " ", count: indent + labelWidth)
        if label.count >= labelWidth {
            lines.append(margin + label)
            fill(Self.words(text), first: rest, rest: rest)
            return
        }
        fill(Self.words(text), first: margin + label.padding(labelWidth), rest: rest)
    }

    /// Examples, two spaces in: each command with its comment in one column after the
    /// commands, or, for those too long for that, the comment on a line above.
    mutating func examples(_ examples: [(command: String, comment: String?)]) {
        let indent = "  "
        let tails = examples.map { $0.comment.map { "# " + Self.words($0).joined(separator: " ") } }
        // The column after the longest command whose comment still fits beside it.
        var inline = Set(examples.indices.filter { index in
            tails[index].map { indent.count + examples[index].command.count + 2 + $0.count <= width } ?? false
        })
        var column = 0
        while true {
            column = indent.count + (inline.map { examples[$0].command.count }.max() ?? 0) + 2
            let fitting = inline.filter { column + tails[$0]!.count <= width }
            if fitting == inline { break }
            inline = fitting
        }
        for (index, (command, comment)) in examples.enumerated() {
            let shell = Self.shellWords(command)
            guard let comment, let tail = tails[index] else {
                fill(shell, first: indent, rest: indent + "    ", continuation: " \\")
                continue
            }
            if inline.contains(index) {
                lines.append((indent + command).padding(column) + tail)
            } else {
                fill(Self.words(comment), first: indent + "# ", rest: indent + "# ")
                fill(shell, first: indent, rest: indent + "    ", continuation: " \\")
            }
        }
    }

    /// A command's synopses one a line after `heading` (and below it, aligned), each
    /// filled to the width, never broken inside a `[group]`.
    mutating func usage(_ synopses: [String], heading: String) {
        let indent = String(repeating: " ", count: heading.count)
        for (index, synopsis) in synopses.enumerated() {
            fill(Self.split(synopsis, keeping: "[", dropping: false, closing: "]"),
                 first: index == 0 ? heading : indent, rest: indent + "    ")
        }
    }

    /// Words onto lines of at most `width`: the first line starts with `first`, the
    /// others with `rest`; every line but the last ends with `continuation`. A word too
    /// long for any line has one to itself.
    private mutating func fill(_ words: [String], first: String, rest: String, continuation: String = "") {
        var line = first
        var empty = true
        for word in words {
            if !empty && line.count + 1 + word.count + continuation.count > width {
                lines.append(line + continuation)
                line = rest
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
    }

    /// Prose split at blanks, a `quoted span` kept whole and unquoted.
    static func words(_ text: String) -> [String] {
        split(text, keeping: "`", dropping: true)
    }

    /// A command split at blanks outside quotes ('...' and "..." stay whole).
    static func shellWords(_ text: String) -> [String] {
        split(text, keeping: "'\"", dropping: false)
    }

    /// `text` split at blanks outside quotes: a quote (one of `quotes`) runs to the same
    /// character, or to `closing`; with `dropping` the quotes themselves go.
    private static func split(_ text: String, keeping quotes: String, dropping: Bool,
                              closing: Character? = nil) -> [String] {
        var words: [String] = []
        var word = ""
        var open: Character? = nil
        for character in text {
            if let quote = open {
                if character == quote { open = nil }
                if character != quote || !dropping { word.append(character) }
            } else if quotes.contains(character) {
                open = closing ?? character
                if !dropping { word.append(character) }
            } else if character == " " || character == "\n" {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
