/// `--help` of a command: the overview and its prose, the synopses, the arguments,
/// every option of its table with its values and default, and for `graddiff` itself
/// the subcommands; laid out for the terminal's width (`HelpLayout`).
enum HelpPage {
    /// Where the options' help starts: two spaces, then the labels' column.
    static let labelWidth = 24

    static func text<Command: CommandLineCommand>(for _: Command.Type) -> String {
        var help = HelpLayout()
        help.paragraph("OVERVIEW: " + Command.abstract, hanging: 2)
        help.line()
        help.line(Command.discussion)
        help.line()
        help.usage(Command.usage, heading: "USAGE: ")
        help.line()
        help.line("ARGUMENTS:")
        help.row(ProgramOptions.argumentsLabel, ProgramOptions.argumentsHelp, labelWidth: labelWidth)
        help.line()
        help.line("OPTIONS:")
        for option in Command.descriptions {
            help.row(option.label, option.fullHelp, labelWidth: labelWidth)
        }
        guard Command.name == nil else { return help.text }
        help.line()
        help.line("SUBCOMMANDS:")
        for entry in CommandEntry.subcommands {
            help.row(entry.name ?? "", entry.abstract, labelWidth: labelWidth)
        }
        help.row("help", CommandEntry.helpAbstract + ": `graddiff help diff`.", labelWidth: labelWidth)
        help.line()
        help.paragraph("See `'graddiff help <subcommand>'` for detailed help.", indent: 2)
        return help.text
    }
}
