/// One problem found in what the user wrote: how bad it is, what it is, where it is,
/// and, where we can tell, how to fix it.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; nil for problems with no place in the text (a missing file).
    var span: SourceSpan?
    /// Further places to underline on the same source (every use of a missing variable).
    var otherSpans: [SourceSpan]
    public var help: String?

    public init(
        _ severity: Severity, _ message: String, at span: SourceSpan? = nil,
        also otherSpans: [SourceSpan] = [], help: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.span = span
        self.otherSpans = otherSpans
        self.help = help
    }

    public static func error(_ message: String, at span: SourceSpan? = nil, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: span, help: help)
    }

    public static func warning(_ message: String, at span: SourceSpan? = nil, help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: span, help: help)
    }
}

/// Diagnostics attached to the source they point into.
public struct LocatedDiagnostic: Sendable {
    public var diagnostic: Diagnostic
    public var source: SourceText?
    /// Whether the renderer may show the source's line and the help (which can repeat
    /// the text). False for a file that failed to `:load`: it is named with the line and
    /// column only, since it may be any file the user can read.
    var quotesSource = true

    public init(_ diagnostic: Diagnostic, in source: SourceText?) {
        self.diagnostic = diagnostic
        self.source = source
    }

    /// The same diagnostic as an error: a warning that an option (`--strict`,
    /// `--kink error`) makes fatal.
    public var asError: LocatedDiagnostic {
        var error = self
        error.diagnostic.severity = .error
        return error
    }
}

/// A user error: the expression, a program or a binding is wrong. Carries every
/// diagnostic found (one per problem), errors first.
public struct UserError: Error, Sendable {
    public var diagnostics: [LocatedDiagnostic]
    /// Whether the user interrupted the work (Ctrl-C) rather than wrote something wrong.
    var isInterruption = false

    public init(_ diagnostics: [LocatedDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic, in source: SourceText?) {
        self.diagnostics = [LocatedDiagnostic(diagnostic, in: source)]
    }
}
