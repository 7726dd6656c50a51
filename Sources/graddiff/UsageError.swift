/// A command line graddiff cannot run (exit status 64): an unknown option, a missing or
/// bad value, or options that do not go together. `option` is the one at fault, whose
/// help the report repeats.
struct UsageError: Error {
    let message: String
    let option: OptionDescription?

    init(_ message: String, option: OptionDescription? = nil) {
        self.message = message
        self.option = option
    }
}

/// The checks that combine options throw these, by the name they have always had.
typealias ValidationError = UsageError
