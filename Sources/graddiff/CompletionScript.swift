#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `graddiff --generate-completion-script SHELL`: a script for bash, zsh or fish written
/// from the commands' tables of options (`CommandLineOption`), so it knows every option,
/// its values and where a file is expected, and graddiff's rule for subcommands: a
/// subcommand is the first word, and only the first (`Subcommand.requested(by:)`).
/// `CompletionTests` runs each script in its shell.
enum CompletionScript {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    /// What `arguments` ask for: a script, or one for a shell there is none for.
    enum Request {
        case script(Shell)
        case unknownShell(String)
    }

    /// The request in `arguments`, if any: `--generate-completion-script bash`, `=bash`,
    /// or with no value the login shell's (`$SHELL`).
    static func request(in arguments: [String]) -> Request? {
        let option = BuiltInOptions.completionScript.longName
        guard let index = arguments.firstIndex(where: { $0 == option || $0.hasPrefix(option + "=") }),
              !arguments[..<index].contains("--") else { return nil }
        var name: String
        if arguments[index].hasPrefix(option + "=") {
            name = String(arguments[index].dropFirst(option.count + 1))
        } else if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") {
            name = arguments[index + 1]
        } else {
            name = getenv("SHELL").map { String(cString: $0) } ?? ""
            name = String(name.split(separator: "/").last ?? "")
        }
        return Shell(rawValue: name).map(Request.script) ?? .unknownShell(name)
    }

    static func script(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash
        case .zsh: return zsh
        case .fish: return fish
        }
    }

    /// Every command as the scripts name it (`graddiff`, `diff`, `minimize`), with its options.
    static var commands: [(name: String, abstract: String, options: [OptionDescription])] {
        CommandEntry.all.map { ($0.name ?? "graddiff", $0.abstract, $0.options()) }
    }

    /// The first words that are subcommands, with what each does.
    static var subcommands: [(name: String, abstract: String)] {
        CommandEntry.subcommands.map { ($0.name ?? "", $0.abstract) } + [("help", CommandEntry.helpAbstract + ".")]
    }

    /// The subcommands `graddiff help` takes.
    static var helpTopics: [String] {
        CommandEntry.subcommands.compactMap(\.name)
    }
}
