/// A command line graddiff cannot run (exit status 64): an unknown option, a missing or
/// bad value, or options that do not go together, and, where one option is at fault,
/// its synopsis and help, which the report repeats.
struct UsageError: Error {
    let message: String
    let optionHelp: String?

    init(_ message: String, option: OptionDescription? = nil) {
        self.message = message
        self.optionHelp = option.map { "\($0.synopsis)  \($0.fullHelp)" }
    }
}

/// The checks that combine options throw these, by the name they have always had.
typealias ValidationError = UsageError
