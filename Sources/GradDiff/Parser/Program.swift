/// A parsed program: statements run in order, like a script.
///
///     p = x + y        # a named step
///     g = p * z        # the last statement is the output
///     w = 0.5          # a constant: declares the input w with default 0.5
///     f(a, b) = a*b    # a user function, inlined at each call
///
/// Reassigning a name makes a new version (`c`, `c#2`, `c#3`) that later statements
/// see, while earlier uses keep the old one.
public struct Program: Sendable {
    public var source: SourceText
    /// The tape with its index of nodes, the names and the functions, kept so that the
    /// next statements (a REPL entry) merge with them without rebuilding the index.
    var context: ParseContext
    var builder: TapeBuilder {
        get { context.builder }
        set { context.builder = newValue }
    }
    public var tape: Tape { context.builder.tape }
    /// The node of the last statement's value (nil for a program of definitions only).
    public var output: NodeID?
    /// Inputs declared with a default value (`w = 0.5`), by variable slot.
    var defaults: [Int: Double] = [:]
    /// Where each input was declared, by variable slot.
    var declarations: [Int: SourceSpan] = [:]
    /// The latest version of every named step and input: name → node.
    public var names: [String: NodeID] {
        get { context.scope }
        set { context.scope = newValue }
    }
    /// Every statement's name and node, in order (for `--output` and unused-step warnings).
    public var steps: [(name: String, node: NodeID, span: SourceSpan)] = []
    var functions: FunctionLibrary {
        get { context.functions }
        set { context.functions = newValue }
    }
    /// How many versions of each assigned name exist (for `c#2`, `c#3`).
    var versionCounts: [String: Int] = [:]
    public var warnings: [Diagnostic] = []

    public init(source: SourceText, tape: Tape = Tape()) {
        self.source = source
        self.context = ParseContext(builder: TapeBuilder(continuing: tape, indexed: false))
    }
}
