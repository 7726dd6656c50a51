/// What Tab offers, and whether an entry goes on past the end of its line. Both are
/// questions about text only, so the driver asks them without running anything.
extension ReplSession {
    public enum Completion: Equatable, Sendable {
        /// These words, each a whole replacement for the word being completed.
        case words([String])
        /// File names (after `:load`, `:save`, `:save!` and `:render`): the line editor's own completion.
        case files
    }

    /// The completions of `word`, where `before` is the line up to the word: command
    /// names after a leading ':', a command's arguments after it, and otherwise the names
    /// an expression may use. Functions complete with their '('.
    public func completions(of word: String, after before: String) -> Completion {
        let head = before.trimmingSpaces()
        if head.isEmpty, word.hasPrefix(":") {
            return .words(matching(String(word.dropFirst()), ReplCommand.all.map(\.name.rawValue)).map { ":" + $0 })
        }
        if head.hasPrefix(":") {
            let commandWord = String(head.dropFirst().prefix(while: { $0 != " " && $0 != "\t" }))
            guard let command = ReplCommand.named(commandWord) else { return .words([]) }
            // The words typed after the command, before this one.
            let before = head.split(whereSeparator: { $0 == " " || $0 == "\t" }).count - 1
            switch command.name {
            case .help: return .words(matching(word, ReplCommand.topicNames))
            case .format: return .words(matching(word, OutputFormat.allCases.map(\.rawValue)))
            case .unset: return .words(matching(word, definitions.map(\.name)))
            case .wrt: return .words(matching(word, variableNames))
            case .load, .save, .saveReplacing: return .files
            case .render where before == 0: return .files
            case .explain where before == 0:
                return .words(matching(word, ExplainPass.allCases.map(\.rawValue)) + expressionWords(word))
            case .explain, .diff, .hessian, .check, .render: return .words(expressionWords(word))
            default: return .words([])
            }
        }
        return .words(expressionWords(word))
    }

    /// Whether the word ending `line` is a file name (after `:load`, `:save`, `:save!`,
    /// and as `:render`'s first argument), which only blanks end.
    public static func completesFileName(after line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let head = words.first, head.hasPrefix(":"), let command = ReplCommand.named(String(head.dropFirst())) else {
            return false
        }
        let typedArgument = line.last == " " || line.last == "\t" ? words.count - 1 : words.count - 2
        switch command.name {
        case .load, .save, .saveReplacing: return true
        case .render: return typedArgument == 0
        default: return false
        }
    }

    /// The names an expression may use that start with `word`; functions with their '('.
    private func expressionWords(_ word: String) -> [String] {
        let functions = Op.userFunctions.map(\.name) + program.functions.names
        let names = Op.constants.map(\.name) + Array(program.names.keys) + variableNames
        return matching(word, names) + matching(word, functions).map { $0 + "(" }.sorted()
    }

    /// Inputs and free variables by the names a user types (no `#2` versions).
    private var variableNames: [String] {
        program.tape.variableNames.filter { !$0.contains("#") }
    }

    /// The candidates starting with `prefix`, sorted, each once.
    private func matching(_ prefix: String, _ candidates: [String]) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
    }

    /// Whether `entry` leaves a '(' open, so the next line continues it. Commands never
    /// continue; nor does text already wrong (a stray ')', a character the lexer
    /// refuses), so that its error shows at once.
    public static func needsMoreInput(_ entry: String) -> Bool {
        if entry.trimmingSpaces().hasPrefix(":") { return false }
        var lexer = Lexer(SourceText(name: "", text: entry))
        var depth = 0
        while true {
            guard let token = try? lexer.next() else { return false }
            switch token.kind {
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket:
                if depth == 0 { return false }
                depth -= 1
            case .end: return depth > 0
            default: break
            }
        }
    }
}
