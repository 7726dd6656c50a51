/// The catalogue: the command line itself (words the command could not take).
extension Message {
    /// `x = 2` typed as three words; `joined` is the bindings as they should be written.
    static func spacesAroundEquals(_ joined: String) -> Message {
        Message("spaces around '=' split a binding into several arguments",
                help: "write each binding as one word, without spaces around '=': \(joined)")
    }
    /// `-x^2` taken for an option; `example` is the command with `--` in place.
    static func expressionStartsWithMinus(_ example: String?) -> Message {
        Message("an expression starting with '-' looks like an option",
                help: "an expression starting with '-' must follow '--', after the options"
                    + (example.map { ": \($0)" } ?? ""))
    }
    /// `graddiff diff -q`: an option some other commands take (`others`, as `graddiff
    /// minimize`, or `graddiff` for the root command), not `command`.
    static func optionOfOtherCommands(_ option: String, command: String, others: [String]) -> Message {
        func named(_ command: String) -> String { command == "graddiff" ? "graddiff itself" : command }
        let owners = others.map(named).joined(separator: " and ")
        return Message("\(named(command)) has no option '\(option)'",
                       help: "\(named(command)) has no option '\(option)'; \(owners) \(others.count == 1 ? "has" : "have") it: "
                           + "leave it out, or run \(others.count == 1 ? "that" : "one of those") instead")
    }
    /// `graddiff diff -z x^2`: a word starting with '-' that is no option of any command,
    /// and cannot be the expression (one is given, or a word after it is no binding).
    static func noSuchOption(_ option: String, command: String) -> Message {
        Message("\(command) has no option '\(option)'",
                help: "\(command) has no option '\(option)', and it is not the expression: leave it out "
                    + "(\(command) --help lists the options)")
    }
    /// `graddiff x=3`, or `echo 'x^2' | graddiff x=3`: the binding is the expression, a
    /// program that only declares `name`, and standard input is not read.
    /// `word` is the argument quoted for the shell.
    public static func expressionIsABinding(_ argument: String, word: String, name: String) -> Message {
        Message("'\(argument)' is read as the expression: a program that only declares \(name)",
                help: "give the expression first (graddiff EXPRESSION \(word)), read it from standard input with "
                    + "-f - \(word), or start a session with -i \(word)")
    }
    /// `--seed -1`: a value that cannot be negative.
    static func negativeWholeNumber(_ option: String) -> Message {
        Message("\(option) takes no negative value", help: "give \(option) a whole number that is not negative (see --help)")
    }
    /// `--lr -0.1`: `attached` is `--lr=-0.1`.
    static func negativeOptionValue(_ attached: String) -> Message {
        Message("an option's value starting with '-' looks like an option",
                help: "attach a value that starts with '-' with '=': \(attached)")
    }
}
