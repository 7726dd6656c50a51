/// A usage error as graddiff reports it: the error, the help of the option at fault,
/// the command's synopses, and where to read more. `UsageHint` adds its own help under
/// the first line.
enum UsageReport {
    static func text<Command: CommandLineCommand>(for error: UsageError, _: Command.Type) -> String {
        var lines = ["Error: " + error.message]
        if let optionHelp = error.optionHelp {
            lines.append("Help:  " + optionHelp)
        }
        for (index, synopsis) in Command.usage.enumerated() {
            lines.append((index == 0 ? "Usage: " : "       ") + synopsis)
        }
        lines.append("  See '\(Command.commandName) --help' for more information.")
        return lines.joined(separator: "\n")
    }
}
