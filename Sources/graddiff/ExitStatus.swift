/// graddiff's exit statuses, one per kind of outcome (sysexits.h numbering for errors).
/// The man page's EXIT STATUS section lists these.
enum ExitStatus: Int32, CaseIterable {
    /// Everything worked.
    case success = 0
    /// `--strict` and a value or gradient became nan or inf; or `minimize` diverged.
    case nonFinite = 1
    /// `--check` and a gradient differs from its finite difference by more than `--tol`.
    case checkFailed = 2
    /// `--kink error` and a node is evaluated exactly at a kink.
    case atKink = 3
    /// A bad flag or option, or options that do not go together (EX_USAGE).
    case usage = 64
    /// An error in the expression, program or bindings, or a failed statement piped
    /// into a session (EX_DATAERR).
    case dataError = 65
    /// An input file could not be read (EX_NOINPUT).
    case noInput = 66
    /// A program graddiff needs is not installed: Graphviz's `dot`, for `--render` (EX_UNAVAILABLE).
    case unavailable = 69
    /// An internal error: a bug in graddiff (EX_SOFTWARE).
    case software = 70
    /// Output could not be written (EX_IOERR).
    case ioError = 74
    /// `minimize` was stopped by Ctrl-C (SIGINT), after printing its summary (128 + 2).
    case interrupted = 130

    var meaning: String {
        switch self {
        case .success: return "success"
        case .nonFinite: return "--strict was given and a value or gradient is nan or infinite; or minimize diverged"
        case .checkFailed: return "--check was given and a gradient disagrees with its finite difference"
        case .atKink: return "--kink error was given and a node is evaluated exactly at a kink"
        case .usage: return "usage error: unknown option, bad option value or combination"
        case .dataError: return "error in the expression, program, bindings or a piped statement"
        case .noInput: return "an input file cannot be read"
        case .unavailable: return "a program or library graddiff needs is not installed (Graphviz's dot, for --render; GNU readline, for a session at a terminal)"
        case .software: return "internal error (a bug: please report it)"
        case .ioError: return "output cannot be written"
        case .interrupted: return "minimize was interrupted (Ctrl-C); the summary and files are still written"
        }
    }
}
