/// What a parse reads names against and writes nodes into: the tape being built (with
/// its index of nodes, for merging), the names in scope (named steps and inputs, or a
/// function's parameters) and the user functions. A program keeps its context between
/// entries, so a REPL line merges into the session's graph; a function's body is read
/// in a fresh one.
struct ParseContext: Sendable {
    var builder: TapeBuilder
    /// Names already bound to nodes: the latest version of every named step and input,
    /// or while reading a function's body, its parameters.
    var scope: [String: NodeID] = [:]
    /// User-defined functions callable by name.
    var functions = FunctionLibrary()
    /// The vector- and matrix-valued operations, their shapes and their elements.
    var tensors = TensorGraph()
    /// The steps the expansions of user functions' calls have taken in this parse (a
    /// program, or a session's entry): each body node visited and each call made.
    /// `--max-nodes` bounds it as it bounds the nodes (`FunctionLibrary.expand`).
    var expansionWork = 0
    /// The names the parse read last (`RecentNames`), kept here so a session's entries
    /// reuse its memory; forgotten at each entry, whose text may replace an undone one.
    var recentNames = RecentNames()

    init(builder: TapeBuilder = TapeBuilder()) {
        self.builder = builder
    }
}
