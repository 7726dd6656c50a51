/// What a person most likely meant when the command line did not parse: hints for the
/// command's usage errors (an unknown option, a missing value), and bindings split by spaces around '='. The command
/// asks; the engine knows what an expression and a binding look like.
public enum CommandLineHints {
    /// `x = 2 y = 5` typed with spaces around '=': the arguments with each binding
    /// joined back into one word (`x=2 y=5`), or nil when there is no such split.
    public static func joinedBindings(_ arguments: [String]) -> [String]? {
        var joined: [String] = []
        var changed = false
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if word == "=", let name = joined.last, Binding.isIdentifier(name), let next {
                joined[joined.count - 1] = name + "=" + next
                index += 2
                changed = true
                continue
            }
            if word.hasPrefix("="), word.count > 1, let name = joined.last, Binding.isIdentifier(name) {
                joined[joined.count - 1] = name + word
                changed = true
            } else if word.hasSuffix("="), Binding.isIdentifier(String(word.dropLast())), let next, !next.contains("=") {
                joined.append(word + next)
                index += 1
                changed = true
            } else {
                joined.append(word)
            }
            index += 1
        }
        return changed ? joined : nil
    }

    /// The bindings among `joinedBindings(arguments)` that were split.
    static func rejoined(_ arguments: [String]) -> [String]? {
        joinedBindings(arguments).map { $0.filter { !arguments.contains($0) && $0.contains("=") } }
    }

    /// The help for bindings given with spaces around '=' as separate arguments
    /// (`graddiff "x*y" x = 2 y = 5`), as a diagnostic over the arguments joined by
    /// blanks, or nil when there are none.
    public static func spacedBindings(_ arguments: [String]) -> LocatedDiagnostic? {
        guard let bindings = rejoined(arguments), !bindings.isEmpty else { return nil }
        let source = SourceText(name: "bindings", text: arguments.joined(separator: " "))
        var offset = 0
        var caret = SourceSpan(start: 0, end: 1)
        for argument in arguments {
            if argument.hasPrefix("=") || argument.hasSuffix("=") {
                let at = offset + (argument.hasPrefix("=") ? 0 : argument.utf8.count - 1)
                caret = SourceSpan(start: at, end: at + 1)
                break
            }
            offset += argument.utf8.count + 1
        }
        return LocatedDiagnostic(.error(.spacesAroundEquals(bindings.joined(separator: " ")), at: caret), in: source)
    }

    /// The help to add to the command's "Unknown option 'OPTION'": bindings
    /// split at '=' (`x = -2`); an option of the `otherCommands` that take it
    /// (`graddiff diff -q`); a word that is no option and cannot be the expression
    /// (`graddiff diff -z x^2`); or an expression that starts with '-' (`-x^2`), which
    /// must follow `--`. `arguments` are the command's, after its name; `takesValue`
    /// says which of its options take the word after them.
    public static func unknownOption(_ option: String, arguments: [String], command: String,
                                     otherCommands: [String] = [], takesValue: (String) -> Bool = { _ in false }) -> String? {
        if let bindings = rejoined(arguments), !bindings.isEmpty {
            return Message.spacesAroundEquals(bindings.joined(separator: " ")).help
        }
        if !otherCommands.isEmpty {
            return Message.optionOfOtherCommands(option, command: command, others: otherCommands).help
        }
        guard let index = arguments.firstIndex(of: option), !option.hasPrefix("--") else { return nil }
        guard mayBeExpression(at: index, in: arguments, takesValue: takesValue) else {
            return Message.noSuchOption(option, command: command).help
        }
        let rest = arguments[(index + 1)...]
        let example = rest.contains(where: { $0.hasPrefix("-") }) ? nil
            : ([command] + arguments[..<index] + ["--", quoted(option)] + rest).joined(separator: " ")
        return Message.expressionStartsWithMinus(example).help
    }

    /// Whether the word at `index` may be the expression: no `-f` reads the program,
    /// no word before it is the expression, and every word after it is a binding (the
    /// words options take, as `json` after `--format`, aside).
    static func mayBeExpression(at index: Int, in arguments: [String], takesValue: (String) -> Bool) -> Bool {
        var position = 0
        var afterDashes = false
        while position < arguments.count {
            let word = arguments[position]
            if !afterDashes && word == "--" {
                afterDashes = true
            } else if !afterDashes && word.count > 1 && word.hasPrefix("-") {
                let name = String(word.prefix { $0 != "=" })
                if name == "-f" || name == "--file" { return false }
                if position != index && !word.contains("=") && takesValue(word) { position += 1 }
            } else if position < index || (try? Binding.parse(word)) == nil {
                return false
            }
            position += 1
        }
        return true
    }

    /// The help to add to "Missing value for 'OPTION'" when the value was there but
    /// starts with '-' (`--lr -0.1`): the parser took it for an option.
    public static func missingValue(for option: String, arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        let value = arguments[index + 1]
        guard value.hasPrefix("-"), value.count > 1 else { return nil }
        // Attached, a negative count or seed is refused next: say so instead.
        if wholeNumberOptions.contains(option), Double(value.dropFirst()) != nil {
            return Message.negativeWholeNumber(option).help
        }
        return Message.negativeOptionValue(option + "=" + value).help
    }

    /// The options whose values are counts, digits or seeds: never negative.
    static let wholeNumberOptions: Set<String> = ["--precision", "--threads", "--order", "--seed", "--steps", "--epochs",
                                                  "--batch-size", "--log-every", "--max-nodes"]

    /// `text` as a shell word: double quotes around anything but plain characters.
    public static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_.=,+/".contains($0) }
        if plain { return text }
        return text.contains(where: { "\"$`\\!".contains($0) }) ? "'" + text + "'" : "\"" + text + "\""
    }
}
