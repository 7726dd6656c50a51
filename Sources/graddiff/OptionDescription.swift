/// What one option of a command is, as `--help`, the completion scripts, the scanner
/// (`ArgumentScanner`) and the usage hints read it: its spellings, whether it takes a
/// value, its help and the values a shell may offer for it.
struct OptionDescription {
    /// Whether the option takes a value, and how.
    enum Value {
        /// A flag: `--quiet`.
        case none
        /// `--format FORMAT` or `--format=FORMAT`.
        case required(name: String)
        /// `--explain`, `--explain=PASS`, or `--explain PASS` where PASS is one of `choices`.
        case optional(name: String, whenAbsent: String)
    }

    /// What a shell offers after the option.
    enum Completion {
        case nothing
        /// The option's `choices`.
        case choices
        /// Any file or directory.
        case files
        /// Files with one of these extensions, and directories.
        case filesEnding([String])
    }

    /// The name after `--`.
    let long: String
    let short: Character?
    let value: Value
    let help: String
    /// The default, as `--help` says it after the help ("default: table").
    let defaultValue: String?
    let completion: Completion
    /// Lists `choices` only when asked: an enum's `allCases` costs a runtime type
    /// lookup, which a start-up that reads no list should not pay.
    private let listChoices: () -> [String]

    init(long: String, short: Character? = nil, value: Value, help: String, choices: @escaping () -> [String] = { [] },
         defaultValue: String? = nil, completion: Completion = .nothing) {
        self.long = long
        self.short = short
        self.value = value
        self.help = help
        self.listChoices = choices
        self.defaultValue = defaultValue
        self.completion = completion
    }

    /// The values it takes, when they are a fixed list.
    var choices: [String] { listChoices() }

    /// `--format`.
    var longName: String { "--" + long }

    /// `-f`, when there is a short spelling.
    var shortName: String? { short.map { "-" + String($0) } }

    /// The value's name, or nil for a flag.
    var valueName: String? {
        switch value {
        case .none: return nil
        case .required(let name), .optional(let name, _): return name
        }
    }

    /// How the option is shown in `--help` and in errors: `--format <FORMAT>`,
    /// `--explain [<PASS>]`, `-f, --file <FILE>`.
    var synopsis: String {
        switch value {
        case .none: return longName
        case .required(let name): return "\(longName) <\(name)>"
        case .optional(let name, _): return "\(longName) [<\(name)>]"
        }
    }

    /// `synopsis` with the short spelling first.
    var label: String {
        (shortName.map { $0 + ", " } ?? "") + synopsis
    }

    /// The help with its values and default, as `--help` prints it.
    var fullHelp: String {
        var notes: [String] = []
        if !choices.isEmpty { notes.append("values: " + choices.joined(separator: ", ")) }
        if case .optional(_, let whenAbsent) = value { notes.append("default as flag: " + whenAbsent) }
        if let defaultValue { notes.append("default: " + defaultValue) }
        return Self.help(help, noting: notes)
    }

    /// The help with its default, as the completion scripts show it beside the option.
    var helpWithDefault: String {
        Self.help(help, noting: defaultValue.map { ["default: " + $0] } ?? [])
    }

    /// `help` with `notes` in parentheses before its last full stop: "The rate (default: 0.01)."
    private static func help(_ help: String, noting notes: [String]) -> String {
        guard !notes.isEmpty else { return help }
        let note = " (" + notes.joined(separator: "; ") + ")"
        return help.hasSuffix(".") ? help.dropLast() + note + "." : help + note
    }

    /// Whether `word` is this option's spelling (`--format`, `-f`).
    func isSpelled(_ word: String) -> Bool {
        word == longName || (shortName.map { $0 == word } ?? false)
    }
}

/// An option of `Command`: its description, and how a value given on the command line
/// is stored in the command (nil for a flag, or for an optional value left out).
struct CommandLineOption<Command> {
    let description: OptionDescription
    let apply: (inout Command, String?) throws(UsageError) -> Void
}
