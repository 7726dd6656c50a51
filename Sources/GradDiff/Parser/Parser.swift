/// Parses expressions into a tape with an operator-precedence loop driven by two
/// explicit stacks (operands and pending operators), so nesting depth is limited by
/// memory, never by the call stack: 100,000 nested parentheses parse like any other.
///
/// Names resolve, in order, to the context's scope (named steps, parameters), vectors
/// and matrices in scope or bound, free variables already read, the built-in
/// constants, and otherwise to new free variables of the tape.
public struct Parser {
    private(set) var lexer: Lexer
    /// The tape being built, the names in scope and the user functions.
    var context: ParseContext
    /// Whether names not in scope become free variables; when false they are errors.
    var allowsFreeVariables = true
    /// The most nodes the tape may hold (`--max-nodes`): a runaway program or a chain of
    /// user functions that doubles at every call stops here with an error, not by
    /// exhausting memory.
    public var nodeLimit = Parser.defaultNodeLimit
    public static let defaultNodeLimit = 20_000_000

    /// The function being defined, whose name may not be called in its own body.
    var recursionGuard: String?
    /// While reading a function's body: its calls to user functions, each left as a
    /// placeholder variable to expand when the function is called, by the variable slot
    /// of that placeholder (nil: expand now).
    var deferredCalls: [Int: FunctionTemplate.Call]?
    /// Each deferred call's placeholder, by callee and argument nodes.
    var deferredCallNodes: [FunctionTemplate.CallKey: NodeID] = [:]
    /// Whether a name read so far means an input, a step or a free variable (not a
    /// built-in constant): a statement that mentions one is a step, never a constant
    /// declaration, whatever it simplifies to. The program parser clears it per statement.
    var mentionsVariable = false
    /// The groups and calls read in the current expression (`GroupMemo`).
    var groupMemo = GroupMemo()
    /// The token under the cursor.
    private(set) var current: Token

    init(source: SourceText, startingAt offset: Int = 0, context: ParseContext = ParseContext()) throws(UserError) {
        self.lexer = Lexer(source, startingAt: offset)
        self.context = context
        self.current = Token(.end, SourceSpan(start: 0, end: 0))
        self.current = try lexer.next()
    }

    public var source: SourceText { lexer.source }

    // MARK: Vocabulary

    mutating func advance() throws(UserError) {
        current = try lexer.next()
    }

    /// Moves the cursor to the token at byte `offset` (past text read once already).
    mutating func skip(to offset: Int) throws(UserError) {
        lexer.skip(to: offset)
        try advance()
    }

    /// Continues from where `other` (a copy of this parser) stopped reading.
    mutating func replaceLexer(with other: Parser) {
        lexer = other.lexer
        current = other.current
    }

    func check(_ kind: TokenKind) -> Bool { current.kind == kind }

    mutating func match(_ kind: TokenKind) throws(UserError) -> Bool {
        guard current.kind == kind else { return false }
        try advance()
        return true
    }

    func peek() throws(UserError) -> Token { try lexer.peek() }

    /// Whether the token after the current one is `(` (a name being called).
    func nextIsLeftParen() throws(UserError) -> Bool {
        if let known = lexer.nextIsLeftParen() { return known }
        return try lexer.peek().kind == .leftParen
    }

    public func error(_ message: Message, at span: SourceSpan, also: [SourceSpan] = []) -> UserError {
        UserError(.error(message, at: span, also: also), in: source)
    }
}
