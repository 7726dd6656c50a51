/// What a REPL session answers to one entry. The session does no I/O: its driver
/// prints `output` to standard output and `diagnostics` to standard error.
public struct ReplReply: Sendable {
    /// Text for standard output: node tables, command output and, when the session
    /// confirms definitions, lines such as `x = 1`.
    public var output = ""
    /// Text for the person that is no result, for standard error: `:help`, a setting
    /// asked for and confirmations, in a session whose format programs read (JSON Lines,
    /// CSV, TSV, DOT), where it would break the stream on standard output.
    public var aside = ""
    /// Errors and warnings, located in the entry as typed.
    public var diagnostics: [LocatedDiagnostic] = []
    /// Whether the entry failed; the session is then exactly as it was before it.
    public var failed = false
    /// Whether it failed because the user interrupted it (Ctrl-C).
    public var interrupted = false
    /// Whether the user asked to end the session (`:quit`).
    public var quits = false
    /// How many of the entry's expressions were vectors or matrices (printed as values,
    /// with no gradient table).
    var vectorsAndMatrices = 0

    public init() {}

    public mutating func fail(_ error: UserError) {
        failed = true
        interrupted = error.isInterruption
        if !error.isInterruption { diagnostics += error.diagnostics }
    }

    mutating func fail(_ diagnostic: Diagnostic, in source: SourceText?) {
        fail(UserError(diagnostic, in: source))
    }
}
