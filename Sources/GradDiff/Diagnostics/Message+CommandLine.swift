/// The catalogue: the command line itself (words the argument parser could not take).
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
