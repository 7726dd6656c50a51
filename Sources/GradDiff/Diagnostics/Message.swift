/// The words of a diagnostic: what is wrong and, where a fix is plain, the fix. Every
/// message graddiff says is made by one function of the catalogue (`Message+*.swift`),
/// with named arguments, so that a problem is worded the same by every command, file
/// and session.
public struct Message: Sendable, Equatable {
    public var text: String
    public var help: String?

    public init(_ text: String, help: String? = nil) {
        self.text = text
        self.help = help
    }

    /// "did you mean 'x'?" for a near miss; nil when there is none.
    static func didYouMean(_ suggestion: String?, _ note: String = "") -> String? {
        suggestion.map { "did you mean '\($0)'?\(note)" }
    }
}

extension Diagnostic {
    public static func error(_ message: Message, at span: SourceSpan? = nil, also: [SourceSpan] = []) -> Diagnostic {
        Diagnostic(.error, message.text, at: span, also: also, help: message.help)
    }

    public static func warning(_ message: Message, at span: SourceSpan? = nil, also: [SourceSpan] = []) -> Diagnostic {
        Diagnostic(.warning, message.text, at: span, also: also, help: message.help)
    }
}
