import ArgumentParser
import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `graddiff diff`, `graddiff minimize` and `graddiff help`, and the one rule that tells
/// them from an expression. swift-argument-parser cannot dispatch them itself (the root
/// command's first positional argument is the expression, which it parses first), so
/// they are declared as the root's subcommands, for `--help` and the completion
/// scripts, and chosen here:
///
/// the first argument names a subcommand, unless every argument after it is a binding
/// (`graddiff diff diff=2` evaluates a variable named diff). A subcommand's name alone
/// (`graddiff minimize`) is the subcommand, which then says what it needs.
enum Subcommand {
    case diff([String])
    case minimize([String])
    /// `graddiff help [SUBCOMMAND]`.
    case help(String?)

    static func requested(by arguments: [String]) -> Subcommand? {
        guard let first = arguments.first, ["diff", "minimize", "help"].contains(first) else { return nil }
        let rest = Array(arguments.dropFirst())
        if !rest.isEmpty, rest.allSatisfy({ (try? Binding.parse($0)) != nil }) { return nil }
        switch first {
        case "diff": return .diff(rest)
        case "minimize": return .minimize(rest)
        case "help" where rest.count <= 1: return .help(rest.first)
        default: return nil
        }
    }

    /// Runs `command` on `arguments` as `graddiff NAME ...` (or as `graddiff ...`, the
    /// root command), and exits. A usage error gets graddiff's hint where one applies.
    static func run<Command: ParsableCommand>(_ command: Command.Type, _ arguments: [String]) -> Never {
        do {
            var parsed = try command.parseAsRoot(arguments)
            try parsed.run()
            Graddiff.exit()
        } catch {
            HelpLayout.fixHelpWidth()
            let code = command.exitCode(for: error)
            let name = command == Graddiff.self ? nil : command.configuration.commandName
            var message = command.fullMessage(for: error)
            if let name {
                message = message.replacingAll("'\(name) --help'", with: "'graddiff \(name) --help'")
            }
            if code != .success {
                message = UsageHint.adding(to: message, arguments: arguments, command: "graddiff" + (name.map { " " + $0 } ?? ""))
            }
            if !message.isEmpty {
                if code == .success { StandardStreams.writeOut(message + "\n") } else { StandardStreams.writeError(message + "\n") }
            }
            Graddiff.exit(withError: ExitCode(code.rawValue))
        }
    }

    /// `graddiff help`, `graddiff help diff`: the same text as `--help`.
    static func printHelp(_ topic: String?) -> Never {
        HelpLayout.fixHelpWidth()
        let commands: [String: ParsableCommand.Type] = ["diff": DiffCommand.self, "minimize": MinimizeCommand.self]
        guard let topic else {
            StandardStreams.writeOut(Graddiff.helpMessage() + "\n")
            Graddiff.exit()
        }
        guard let command = commands[topic] else {
            Graddiff.exit(withError: ValidationError("no help on '\(topic)'; the subcommands are diff and minimize"))
        }
        StandardStreams.writeOut(command.helpMessage() + "\n")
        Graddiff.exit()
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
