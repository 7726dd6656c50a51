import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The subcommands (`CommandEntry.subcommands`) and `graddiff help`, and the one rule
/// that tells them from an expression: the first argument names a subcommand, unless
/// every argument after it is a binding (`graddiff diff diff=2` evaluates a variable
/// named diff). A subcommand's name alone (`graddiff minimize`) is the subcommand,
/// which then says what it needs.
enum Subcommand {
    /// A subcommand, with the words after its name.
    case command(CommandEntry, [String])
    /// `graddiff help [SUBCOMMAND]`.
    case help(String?)

    static func requested(by arguments: [String]) -> Subcommand? {
        guard let first = arguments.first else { return nil }
        let entry = CommandEntry.subcommands.first { $0.name == first }
        guard entry != nil || first == "help" else { return nil }
        let rest = Array(arguments.dropFirst())
        if !rest.isEmpty, rest.allSatisfy({ (try? Binding.parse($0)) != nil }) { return nil }
        if let entry { return .command(entry, rest) }
        return rest.count <= 1 ? .help(rest.first) : nil
    }

    /// Runs `command` on `arguments` (the words after its name), and exits with its status.
    static func run<Command: CommandLineCommand>(_ command: Command.Type, _ arguments: [String]) -> Never {
        do throws(UsageError) {
            switch try ArgumentScanner.scan(arguments, as: Command.self) {
            case .help:
                StandardStreams.writeOut(HelpPage.text(for: Command.self) + "\n")
            case .version:
                StandardStreams.writeOut(VersionText.text + "\n")
            case .run(let parsed):
                do {
                    try parsed.validate()
                } catch let error as UsageError {
                    throw error
                } catch {
                    throw UsageError("\(error)")
                }
                exit(parsed.run().rawValue)
            }
            exit(ExitStatus.success.rawValue)
        } catch {
            fail(with: error, Command.self, arguments: arguments)
        }
    }

    /// Reports a usage error on standard error, with graddiff's hint where one applies,
    /// and exits with status 64.
    static func fail<Command: CommandLineCommand>(with error: UsageError, _: Command.Type, arguments: [String]) -> Never {
        let message = UsageHint.adding(to: UsageReport.text(for: error, Command.self), arguments: arguments,
                                       command: Command.commandName)
        StandardStreams.writeError(message + "\n")
        exit(ExitStatus.usage.rawValue)
    }

    /// `graddiff help`, `graddiff help diff`: the same text as `--help`.
    static func printHelp(_ topic: String?) -> Never {
        guard let topic else {
            StandardStreams.writeOut(CommandEntry.root.help() + "\n")
            exit(ExitStatus.success.rawValue)
        }
        guard let entry = CommandEntry.subcommands.first(where: { $0.name == topic }) else {
            fail(with: UsageError("no help on '\(topic)'; the subcommands are \(CommandEntry.subcommandNames)"),
                 CommandOptions.self, arguments: ["help", topic])
        }
        StandardStreams.writeOut(entry.help() + "\n")
        exit(ExitStatus.success.rawValue)
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation here).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
