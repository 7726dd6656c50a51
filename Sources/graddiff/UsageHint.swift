import GradDiff

/// graddiff's hint under swift-argument-parser's usage errors, where the words it could
/// not take were most likely an expression or bindings (`CommandLineHints`): the
/// parser's "Error: ..." line, then "Help: ...".
enum UsageHint {
    static func adding(to message: String, arguments: [String], command: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return message }
        let hint: String?
        if let option = quotedWord(after: "Error: Unknown option ", in: first) {
            hint = unknownOption(option, arguments: arguments, command: command)
            // "Did you mean '--lr'?" for '-x^2' points the wrong way: an expression is no option.
            if hint != nil, option.contains(where: { !$0.isLetter && $0 != "-" }) {
                lines[0] = "Error: Unknown option '\(option)'"
            }
            // Nor "'--tol'?" for '--foo': the parser suggests its nearest option however far.
            if let suggested = quotedWord(after: "Error: Unknown option '\(option)'. Did you mean ", in: lines[0]),
               !NameSuggestion.isPlausible(String(suggested.drop(while: { $0 == "-" })), for: String(option.drop(while: { $0 == "-" }))) {
                lines[0] = "Error: Unknown option '\(option)'"
            }
        } else if first.hasSuffix("not to a session") || first.contains("not to a session;")
                    || first.hasPrefix("Error: missing EXPRESSION"),
                  let unknown = arguments.prefix(while: { $0 != "--" }).first(where: { isUnknown($0, to: command) }) {
            // `graddiff -q "-1"`, `graddiff diff -x^2`: the parser took "-1" for nothing,
            // and saw a session or no expression.
            hint = unknownOption(unknown, arguments: arguments, command: command)
        } else if let option = quotedWord(after: "Error: Missing value for ", in: first) {
            hint = CommandLineHints.missingValue(for: String(option.prefix(while: { $0 != " " })), arguments: arguments)
        } else {
            hint = nil
        }
        guard let hint else { return lines.joined(separator: "\n") }
        lines.insert("Help: " + hint, at: 1)
        return lines.joined(separator: "\n")
    }

    /// The hint for `option`, unknown to `command`: the engine's, told which other
    /// commands take it and which of `command`'s options take a value.
    private static func unknownOption(_ option: String, arguments: [String], command: String) -> String? {
        let type = OptionOwners.type(named: command)
        return CommandLineHints.unknownOption(option, arguments: arguments, command: command,
                                              otherCommands: OptionOwners.others(having: option, besides: command),
                                              takesValue: { word in type.map { OptionOwners.takesValue(word, $0) } ?? false })
    }

    /// An argument starting with a single '-' that is no option of `command`: an
    /// expression (`-1`, `-x^2`) put where options go, or another command's option.
    private static func isUnknown(_ argument: String, to command: String) -> Bool {
        guard argument.count > 1, argument.hasPrefix("-"), !argument.hasPrefix("--"),
              let type = OptionOwners.type(named: command) else { return false }
        return !OptionOwners.knows(argument, type)
    }

    /// `'WORD'` right after `prefix` at the start of `line`.
    private static func quotedWord(after prefix: String, in line: String) -> String? {
        guard line.hasPrefix(prefix + "'") else { return nil }
        let word = line.dropFirst(prefix.count + 1).prefix(while: { $0 != "'" })
        return word.count < line.count - prefix.count - 1 ? String(word) : nil
    }
}
