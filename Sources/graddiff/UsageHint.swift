import GradDiff

/// graddiff's hint under a usage error (`UsageReport`), where the words the scanner
/// could not take were most likely an expression or bindings, or another command's
/// option (`CommandLineHints`): the "Error: ..." line, then "Help: ...".
enum UsageHint {
    static func adding(to message: String, arguments: [String], command: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return message }
        let hint: String?
        if let option = quotedWord(after: "Error: Unknown option ", in: first) {
            hint = unknownOption(option, arguments: arguments, command: command)
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
        let options = OptionOwners.options(of: command) ?? []
        return CommandLineHints.unknownOption(option, arguments: arguments, command: command,
                                              otherCommands: OptionOwners.others(having: option, besides: command),
                                              takesValue: { word in OptionOwners.takesValue(word, options) })
    }

    /// `'WORD'` right after `prefix` at the start of `line`.
    private static func quotedWord(after prefix: String, in line: String) -> String? {
        guard line.hasPrefix(prefix + "'") else { return nil }
        let word = line.dropFirst(prefix.count + 1).prefix(while: { $0 != "'" })
        return word.count < line.count - prefix.count - 1 ? String(word) : nil
    }
}
