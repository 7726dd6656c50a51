import GradDiff

/// The kinds of option, each read from its text the one way: a flag, text, a whole
/// number, a number, a seed, or one of a fixed list of names (an enum's raw values).
extension CommandLineOption {
    typealias Completion = OptionDescription.Completion

    static func flag(_ long: String, short: Character? = nil, help: String,
                     _ set: @escaping (inout Command) -> Void) -> Self {
        Self(description: OptionDescription(long: long, short: short, value: .none, help: help),
             apply: { command, _ in set(&command) })
    }

    static func text(_ long: String, short: Character? = nil, _ valueName: String, help: String,
                     completion: Completion = .nothing, _ set: @escaping (inout Command, String) -> Void) -> Self {
        Self(description: OptionDescription(long: long, short: short, value: .required(name: valueName), help: help,
                                            completion: completion),
             apply: { command, text in set(&command, text ?? "") })
    }

    /// A value read by `read` (nil: it does not parse), such as a whole number.
    static func number<Value>(_ long: String, _ valueName: String, help: String, default defaultValue: String? = nil,
                              _ read: @escaping (String) -> Value?, _ set: @escaping (inout Command, Value) -> Void) -> Self {
        let description = OptionDescription(long: long, value: .required(name: valueName), help: help,
                                            defaultValue: defaultValue)
        return Self(description: description, apply: { command, text throws(UsageError) in
            guard let text, let value = read(text) else {
                throw UsageError("The value '\(text ?? "")' is invalid for '\(description.synopsis)'", option: description)
            }
            set(&command, value)
        })
    }

    static func int(_ long: String, _ valueName: String, help: String, default defaultValue: Int? = nil,
                    _ set: @escaping (inout Command, Int) -> Void) -> Self {
        number(long, valueName, help: help, default: defaultValue.map(String.init), { Int($0) }, set)
    }

    static func double(_ long: String, _ valueName: String, help: String, default defaultValue: Double? = nil,
                       _ set: @escaping (inout Command, Double) -> Void) -> Self {
        number(long, valueName, help: help, default: defaultValue.map(NumberFormat.shortest), { Double($0) }, set)
    }

    static func seed(_ long: String, _ valueName: String, help: String, default defaultValue: UInt64,
                     _ set: @escaping (inout Command, UInt64) -> Void) -> Self {
        number(long, valueName, help: help, default: String(defaultValue), { UInt64($0) }, set)
    }

    /// One of `Choice`'s raw values; `optionalValue` makes the value optional (`--explain`),
    /// and a value that is none of them is then called no `noun` (`--explain=sideways is
    /// not a pass`): attached, it can only have been meant as one.
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ long: String, _ valueName: String, help: String, default defaultValue: Choice? = nil,
        optionalValue whenAbsent: Choice? = nil, noun: String? = nil, _ set: @escaping (inout Command, Choice) -> Void
    ) -> Self where Choice.RawValue == String {
        let value: OptionDescription.Value = whenAbsent.map { .optional(name: valueName, whenAbsent: $0.rawValue) }
            ?? .required(name: valueName)
        let description = OptionDescription(long: long, value: value, help: help, choices: { Choice.allCases.map(\.rawValue) },
                                            defaultValue: defaultValue?.rawValue, completion: .choices)
        return Self(description: description, apply: { command, text throws(UsageError) in
            guard let text else {
                if let whenAbsent { set(&command, whenAbsent) }
                return
            }
            guard let choice = Choice(rawValue: text) else {
                let choices = description.choices
                let suggestion = NameSuggestion.nearest(to: text, among: choices).map { "; did you mean '\($0)'?" } ?? ""
                if let noun {
                    throw UsageError("--\(long)=\(text) is not a \(noun); use one of " + choices.joined(separator: ", ") + suggestion)
                }
                throw UsageError("The value '\(text)' is invalid for '\(description.synopsis)': use one of "
                                 + choices.joined(separator: ", ") + suggestion, option: description)
            }
            set(&command, choice)
        })
    }
}
