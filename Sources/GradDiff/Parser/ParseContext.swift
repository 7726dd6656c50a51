/// What a parse reads names against and writes nodes into: the tape being built (with
/// its index of nodes, for merging), the names in scope (named steps and inputs, or a
/// function's parameters) and the user functions. A program keeps its context between
/// entries, so a REPL line merges into the session's graph; a function's body is read
/// in a fresh one.
public struct ParseContext: Sendable {
    public var builder: TapeBuilder
    /// Names already bound to nodes: the latest version of every named step and input,
    /// or while reading a function's body, its parameters.
    public var scope: [String: NodeID] = [:]
    /// User-defined functions callable by name.
    public var functions = FunctionLibrary()

    public init(builder: TapeBuilder = TapeBuilder()) {
        self.builder = builder
    }
}
