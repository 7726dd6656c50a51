import GradDiff

/// Reads a command line into a command, by its table of options (`CommandLineOption`):
///
/// - `--name VALUE` and `--name=VALUE`; a value that starts with '-' must be attached
///   with '=' (`--lr=-0.1`), except '-' itself (standard input);
/// - an optional value (`--explain`) is taken from the next word only when it is one of
///   the option's values, so that `--explain "x*y"` leaves the expression alone;
/// - short flags alone or together (`-q`, `-qi`); a short option with a value takes the
///   rest of its word (`-fprog.gd`, `-f=prog.gd`) or the next word (`-f prog.gd`);
/// - `--` ends the options: every word after it is the expression or a binding;
/// - any other word is the expression or a binding, wherever it stands;
/// - an option given twice keeps its last value; `--help` and `--version` before `--`
///   win over everything else.
///
/// No reflection and no hashing: start-up reads the table in plain loops.
enum ArgumentScanner {
    enum Outcome<Command> {
        case run(Command)
        case help
        case version
    }

    static func scan<Command: CommandLineCommand>(_ arguments: [String], as _: Command.Type) throws(UsageError) -> Outcome<Command> {
        let options = Command.options
        for argument in arguments {
            if argument == "--" { break }
            if argument == "--help" || argument == "-h" || asksForHelp(argument, options) { return .help }
            if argument == "--version" { return .version }
        }
        var command = Command()
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" {
                positional += arguments[index...]
                break
            }
            guard word.utf8.count > 1, word.utf8.first == UInt8(ascii: "-") else {
                positional.append(word)
                continue
            }
            if word.hasPrefix("--") {
                let name = word.prefix { $0 != "=" }
                let attached = name.count < word.count ? String(word.dropFirst(name.count + 1)) : nil
                guard let option = options.first(where: { $0.description.longName == name }) else {
                    if let attached, name == "--help" || name == "--version" { throw valueToFlag(String(name), attached) }
                    throw unknownOption(String(name), of: Command.self)
                }
                try take(option, attached: attached, arguments, &index, &command)
            } else {
                guard let found = shortOptions(word, options: options) else {
                    // `-q=1`: a flag given a value, not an unknown option.
                    let flag = word.prefix { $0 != "=" }
                    if flag.count == 2, flag.count < word.count, flag == "-h"
                        || options.contains(where: { $0.description.shortName == String(flag) && $0.description.valueName == nil }) {
                        throw valueToFlag(String(flag), String(word.dropFirst(3)))
                    }
                    throw unknownOption(word, of: Command.self)
                }
                for (option, rest) in found {
                    try take(option, attached: rest, arguments, &index, &command)
                }
            }
        }
        command.arguments = positional
        return .run(command)
    }

    /// `-q`, `-qi`, `-f FILE`, `-fFILE`, `-f=FILE`: every letter a flag, up to one that
    /// takes a value. Anything else is one unknown option, named whole (`-x^2`).
    private static func shortOptions<Command>(_ word: String, options: [CommandLineOption<Command>])
        -> [(option: CommandLineOption<Command>, rest: String?)]? {
        let letters = Array(word.dropFirst())
        var found: [(option: CommandLineOption<Command>, rest: String?)] = []
        for (position, letter) in letters.enumerated() {
            guard let option = options.first(where: { $0.description.short == letter }) else { return nil }
            if case .none = option.description.value {
                found.append((option, nil))
                continue
            }
            var rest = String(letters[(position + 1)...])
            if rest.hasPrefix("=") { rest.removeFirst() }
            found.append((option, position + 1 < letters.count ? rest : nil))
            break
        }
        return found
    }

    /// `-qh`, `-hf prog.gd`: short options together, `-h` among them before any that
    /// takes the rest of the word as its value (`-fh` reads a file named h).
    private static func asksForHelp<Command>(_ word: String, _ options: [CommandLineOption<Command>]) -> Bool {
        guard word.count > 2, word.hasPrefix("-"), !word.hasPrefix("--"), word.contains("h"), !word.contains("=") else { return false }
        for letter in word.dropFirst() {
            if letter == "h" { return true }
            guard let option = options.first(where: { $0.description.short == letter }) else { return false }
            if option.description.valueName != nil { return false }
        }
        return false
    }

    /// Stores `option`'s value: the attached one, else the next word where it may be one.
    private static func take<Command>(_ option: CommandLineOption<Command>, attached: String?, _ arguments: [String],
                                      _ index: inout Int, _ command: inout Command) throws(UsageError) {
        let description = option.description
        switch description.value {
        case .none:
            if let attached { throw valueToFlag(description.longName, attached) }
            try option.apply(&command, nil)
        case .required:
            if let attached {
                try option.apply(&command, attached)
                return
            }
            guard index < arguments.count, !arguments[index].hasPrefix("-") || arguments[index] == "-" else {
                throw UsageError("Missing value for '\(description.synopsis)'", option: description)
            }
            index += 1
            try option.apply(&command, arguments[index - 1])
        case .optional:
            var value = attached
            if value == nil, index < arguments.count, description.choices.contains(arguments[index]) {
                value = arguments[index]
                index += 1
            }
            try option.apply(&command, value)
        }
    }

    private static func valueToFlag(_ name: String, _ value: String) -> UsageError {
        UsageError("The option '\(name)' does not take any value, but '\(value)' was specified.")
    }

    /// "Unknown option", with the nearest long option where it is a plausible typo of
    /// one (`--precison`), never for a word with other characters (`-x^2`).
    private static func unknownOption<Command: CommandLineCommand>(_ name: String, of _: Command.Type) -> UsageError {
        let typed = String(name.drop { $0 == "-" })
        var message = "Unknown option '\(name)'"
        if name.hasPrefix("--"), typed.allSatisfy({ $0.isLetter || $0 == "-" }),
           let nearest = NameSuggestion.nearest(to: typed, among: Command.descriptions.map(\.long)) {
            message += ". Did you mean '--\(nearest)'?"
        }
        return UsageError(message)
    }
}
