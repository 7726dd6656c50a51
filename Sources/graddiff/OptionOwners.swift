import ArgumentParser

/// Which of graddiff's commands take an option, asked of each command's own parser (so
/// no list is kept here to fall behind): for the help under "Unknown option", which
/// names the commands that do take it (`graddiff diff -q`: graddiff's and minimize's).
enum OptionOwners {
    /// Every command, as the help names it.
    static let commands: [(name: String, type: any ParsableCommand.Type)] = [
        ("graddiff", Graddiff.self), ("graddiff diff", DiffCommand.self), ("graddiff minimize", MinimizeCommand.self),
    ]

    /// The commands other than `command` (as named above) that take `option`.
    static func others(having option: String, besides command: String) -> [String] {
        commands.filter { $0.name != command && knows(option, $0.type) }.map(\.name)
    }

    /// Whether `command`'s parser takes `option` (alone: a missing value or expression is
    /// still an option it knows).
    static func knows(_ option: String, _ command: any ParsableCommand.Type) -> Bool {
        // With an expression: the parser checks its options after the command's own
        // checks, which without one fail first ("missing EXPRESSION").
        guard let message = message(parsing: [option, "--", "x"], with: command) else { return true }
        return !message.hasPrefix("Error: Unknown option")
    }

    /// Whether `option` is one of `command`'s that take a value (`--format json`).
    static func takesValue(_ option: String, _ command: any ParsableCommand.Type) -> Bool {
        message(parsing: [option], with: command)?.hasPrefix("Error: Missing value") == true
    }

    /// The command's type by its name as the help gives it.
    static func type(named name: String) -> (any ParsableCommand.Type)? {
        commands.first { $0.name == name }?.type
    }

    /// The parser's message for `arguments`, or nil when they parsed.
    private static func message(parsing arguments: [String], with command: any ParsableCommand.Type) -> String? {
        do {
            _ = try command.parseAsRoot(arguments)
            return nil
        } catch {
            return command.fullMessage(for: error)
        }
    }
}
