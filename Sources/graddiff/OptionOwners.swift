/// Which of graddiff's commands take an option, read from each command's table (so
/// no list is kept here to fall behind): for the help under "Unknown option", which
/// names the commands that do take it (`graddiff diff -q`: graddiff's and minimize's).
enum OptionOwners {
    /// Every command, as the help names it, with its options.
    static var commands: [(name: String, options: [OptionDescription])] {
        CommandEntry.all.map { ($0.commandName, $0.options()) }
    }

    /// The commands other than `command` (as named above) that take `option`.
    static func others(having option: String, besides command: String) -> [String] {
        commands.filter { $0.name != command && knows(option, $0.options) }.map(\.name)
    }

    /// Whether `option` (`--format`, `-q`, `--format=json`) is one of `options`.
    static func knows(_ option: String, _ options: [OptionDescription]) -> Bool {
        let word = String(option.prefix { $0 != "=" })
        return options.contains { $0.isSpelled(word) }
    }

    /// Whether `option` is one of `options` that take a value (`--format json`).
    static func takesValue(_ option: String, _ options: [OptionDescription]) -> Bool {
        options.contains { description in
            guard description.isSpelled(option) else { return false }
            if case .required = description.value { return true }
            return false
        }
    }

    /// A command's options by its name as the help gives it.
    static func options(of name: String) -> [OptionDescription]? {
        commands.first { $0.name == name }?.options
    }
}
