/// Every command graddiff has, listed once: `graddiff` itself, then its subcommands,
/// each with what the subcommand rule, `--help`, the completion scripts and the usage
/// hints need to know of it. A new subcommand is one line in `subcommands`.
struct CommandEntry {
    /// `diff`, or nil for graddiff itself.
    let name: String?
    /// `graddiff diff`, as messages name it.
    let commandName: String
    let abstract: String
    let options: () -> [OptionDescription]
    let help: () -> String
    /// Reads the words after the command's name, runs it, and exits.
    let run: ([String]) -> Never

    init<Command: CommandLineCommand>(_: Command.Type) {
        name = Command.name
        commandName = Command.commandName
        abstract = Command.abstract
        options = { Command.descriptions }
        help = { HelpPage.text(for: Command.self) }
        run = { Subcommand.run(Command.self, $0) }
    }

    static var root: CommandEntry { CommandEntry(CommandOptions.self) }

    static var subcommands: [CommandEntry] { [CommandEntry(DiffCommand.self), CommandEntry(MinimizeCommand.self)] }

    static var all: [CommandEntry] { [root] + subcommands }

    /// What `graddiff help`, the one subcommand that is no command, does.
    static let helpAbstract = "Show a subcommand's help"

    /// "diff and minimize".
    static var subcommandNames: String {
        let names = subcommands.compactMap(\.name)
        return names.dropLast().joined(separator: ", ") + (names.count > 1 ? " and " : "") + (names.last ?? "")
    }
}
