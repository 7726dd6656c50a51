/// One statement of a program as the parser read it: what it defined and where it was
/// written. `ProgramParser.parse(_:into:nodeLimit:recordingStatements:)` returns them so
/// that a REPL can say what a line defined and save the definitions as they were typed.
struct Statement: Sendable {
    enum Kind: Sendable, Equatable {
        /// `w = 0.5`: declares the input `name` with a default value.
        case input
        /// `p = x + y`: the named step `name`.
        case step
        /// `f(a, b) = a*b`: the user function `name`.
        case function
        /// A bare expression.
        case expression
    }

    var kind: Kind
    /// The name defined; empty for an expression.
    var name: String
    /// The version an assignment made: `c` the first time, then `c#2`, `c#3`.
    var version: String
    /// The whole statement, from its first token to the end of its expression, in the
    /// program's source.
    var span: SourceSpan
    /// The node the statement's value is (nil for a function; a vector's or matrix's
    /// last element).
    var node: NodeID?
    /// The tensor node of a vector- or matrix-valued statement.
    var tensor: Int32?

    init(kind: Kind, name: String, version: String? = nil, span: SourceSpan, node: NodeID?) {
        self.kind = kind
        self.name = name
        self.version = version ?? name
        self.span = span
        self.node = node
    }
}
