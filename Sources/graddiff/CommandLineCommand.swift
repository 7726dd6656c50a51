/// A command graddiff runs: `graddiff` itself (`CommandOptions`), `graddiff diff` and
/// `graddiff minimize`. Each declares its options once, as a table of
/// `CommandLineOption`s; the scanner, `--help`, the completion scripts and the usage
/// hints all read that table.
protocol CommandLineCommand {
    /// Every option at its default.
    init()
    /// The subcommand's name, or nil for `graddiff` itself.
    static var name: String? { get }
    /// One line: what the command does.
    static var abstract: String { get }
    /// The synopses, one per way to run it.
    static var usage: [String] { get }
    /// `--help`'s prose after the overview.
    static var discussion: String { get }
    static var options: [CommandLineOption<Self>] { get }
    /// The words that are not options: the expression (unless -f), then bindings.
    var arguments: [String] { get set }
    /// The checks of options together, after each has been read.
    func validate() throws
    func run() -> ExitStatus
}

extension CommandLineCommand {
    /// `graddiff` or `graddiff diff`, as messages name the command.
    static var commandName: String { "graddiff" + (name.map { " " + $0 } ?? "") }

    /// Every option, the ones every command has (`--version`, `--help`) included.
    static var descriptions: [OptionDescription] {
        options.map(\.description) + BuiltInOptions.all(root: name == nil)
    }
}

/// The options the scanner answers itself, for every command.
enum BuiltInOptions {
    static var version: OptionDescription { OptionDescription(long: "version", value: .none, help: "Show the version.") }
    static var help: OptionDescription { OptionDescription(long: "help", short: "h", value: .none, help: "Show help information.") }
    /// `graddiff --generate-completion-script SHELL` (`CompletionScript`), read before any command.
    static var completionScript: OptionDescription {
        OptionDescription(long: "generate-completion-script", value: .optional(name: "SHELL", whenAbsent: "the login shell"),
                          help: "Print the completion script for SHELL (see INSTALLATION in graddiff(1)).",
                          choices: { CompletionScript.Shell.allCases.map(\.rawValue) }, completion: .choices)
    }

    static func all(root: Bool) -> [OptionDescription] {
        root ? [completionScript, version, help] : [version, help]
    }
}
