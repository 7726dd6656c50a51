/// Parses expressions into a tape with an operator-precedence loop driven by two
/// explicit stacks (operands and pending operators), so nesting depth is limited by
/// memory, never by the call stack: 100,000 nested parentheses parse like any other.
///
/// Names resolve, in order, to the parser's `environment` (named steps, parameters),
/// the built-in constants, and otherwise to free variables of the tape.
public struct Parser {
    public private(set) var lexer: Lexer
    public var builder: TapeBuilder
    /// Names already bound to nodes (named steps of a program, function parameters).
    public var environment: [String: NodeID] = [:]
    /// User-defined functions callable by name.
    public var functions = FunctionLibrary()
    /// Whether names not in `environment` become free variables; when false they are errors.
    public var allowsFreeVariables = true
    /// The most nodes the tape may hold (`--max-nodes`): a runaway program or a chain of
    /// user functions that doubles at every call stops here with an error, not by
    /// exhausting memory.
    public var nodeLimit = Parser.defaultNodeLimit
    public static let defaultNodeLimit = 20_000_000

    /// The function being defined, whose name may not be called in its own body.
    public var recursionGuard: String?
    /// While reading a function's body: its calls to user functions, each left as a
    /// placeholder variable to expand when the function is called, by the variable slot
    /// of that placeholder (nil: expand now).
    public var deferredCalls: [Int: FunctionTemplate.Call]?
    /// Each deferred call's placeholder, by callee and argument nodes.
    private var deferredCallNodes: [FunctionTemplate.CallKey: NodeID] = [:]
    /// The token under the cursor.
    public private(set) var current: Token

    public init(source: SourceText, startingAt offset: Int = 0, builder: TapeBuilder = TapeBuilder()) throws(UserError) {
        self.lexer = Lexer(source, startingAt: offset)
        self.builder = builder
        self.current = Token(.end, SourceSpan(start: 0, end: 0))
        self.current = try lexer.next()
    }

    public var source: SourceText { lexer.source }

    // MARK: Vocabulary

    public mutating func advance() throws(UserError) {
        current = try lexer.next()
    }

    /// Continues from where `other` (a copy of this parser) stopped reading.
    public mutating func replaceLexer(with other: Parser) {
        lexer = other.lexer
        current = other.current
    }

    public func check(_ kind: TokenKind) -> Bool { current.kind == kind }

    public mutating func match(_ kind: TokenKind) throws(UserError) -> Bool {
        guard current.kind == kind else { return false }
        try advance()
        return true
    }

    public func peek() throws(UserError) -> Token { try lexer.peek() }

    public func error(_ message: String, at span: SourceSpan, help: String? = nil, also: [SourceSpan] = []) -> UserError {
        UserError(Diagnostic(.error, message, at: span, also: also, help: help), in: source)
    }

    // MARK: Expressions

    private struct Operand {
        /// The node, or -1 while the operand is a literal not yet put on the tape
        /// (so `-3` becomes the constant -3, not neg(3)).
        var node: NodeID
        var literal: Double
        var span: SourceSpan
    }

    private enum Pending {
        case binary(Op, precedence: Int, span: SourceSpan)
        case prefix(negates: Bool, span: SourceSpan)
        case group(open: SourceSpan)
        /// A call in progress. Small on purpose (about 24 bytes): 100,000 nested calls
        /// keep this many on the stack, so the name is read back from its span.
        case call(Callee, nameSpan: SourceSpan, arguments: Int32)

        var precedence: Int? {
            switch self {
            case .binary(_, let precedence, _): return precedence
            case .prefix: return Precedence.prefix
            case .group, .call: return nil
            }
        }
    }

    private enum Callee {
        case builtIn(Op)
        case user(arity: Int32)

        var arity: Int {
            switch self {
            case .builtIn(let op): return op.arity
            case .user(let arity): return Int(arity)
            }
        }
    }

    /// Parses one expression, stopping before `;`, `=`, a newline outside parentheses,
    /// an unmatched `)` or `,`, or the end. Returns its node and span.
    public mutating func parseExpression() throws(UserError) -> (node: NodeID, span: SourceSpan) {
        var operands: [Operand] = []
        var pending: [Pending] = []
        var expectsOperand = true
        var depth = 0

        while true {
            if builder.tape.count > nodeLimit { throw nodeLimitError() }
            if depth > 0, current.kind == .newline {
                try advance()
                continue
            }
            if expectsOperand {
                switch current.kind {
                case .number:
                    operands.append(Operand(node: -1, literal: current.number, span: current.span))
                    try advance()
                    expectsOperand = false
                case .identifier:
                    let name = source.text(of: current.span)
                    let nameSpan = current.span
                    if try peek().kind == .leftParen {
                        let callee = try resolveFunction(name, at: nameSpan)
                        try advance()
                        pending.append(.call(callee, nameSpan: nameSpan, arguments: 0))
                        depth += 1
                        try advance()
                    } else {
                        operands.append(try resolveName(name, at: nameSpan))
                        try advance()
                        expectsOperand = false
                    }
                case .leftParen:
                    pending.append(.group(open: current.span))
                    depth += 1
                    try advance()
                case .minus, .plus:
                    pending.append(.prefix(negates: current.kind == .minus, span: current.span))
                    try advance()
                case .rightParen:
                    if case .call(let callee, let nameSpan, 0)? = pending.last {
                        let name = source.text(of: nameSpan)
                        let span = nameSpan.union(current.span)
                        guard callee.arity == 0 else { throw arityError(name, callee, given: 0, at: span) }
                        pending.removeLast()
                        depth -= 1
                        operands.append(Operand(node: try call(callee, name: name, [], at: span), literal: 0, span: span))
                        try advance()
                        expectsOperand = false
                        continue
                    }
                    throw missingOperand(after: pending.last)
                default:
                    throw missingOperand(after: pending.last)
                }
                continue
            }

            // An operand is complete: what follows must continue or end the expression.
            if let (op, precedence, groupsRight) = Precedence.binary(current.kind) {
                try reduce(&operands, &pending, above: precedence, groupsRight: groupsRight)
                pending.append(.binary(op, precedence: precedence, span: current.span))
                try advance()
                expectsOperand = true
                continue
            }
            switch current.kind {
            case .comma where depth > 0:
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                guard case .call(let callee, let nameSpan, let count)? = pending.last else {
                    throw error("',' separates function arguments, but this is not a function call", at: current.span,
                                help: "remove the ',' or call a function such as max(a, b)")
                }
                pending[pending.count - 1] = .call(callee, nameSpan: nameSpan, arguments: count + 1)
                try advance()
                expectsOperand = true
            case .rightParen where depth > 0:
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                let close = current.span
                switch pending.removeLast() {
                case .group(let open):
                    operands[operands.count - 1].span = open.union(close)
                case .call(let callee, let nameSpan, let count):
                    let name = source.text(of: nameSpan)
                    let given = Int(count) + 1
                    guard given == callee.arity else {
                        throw arityError(name, callee, given: given, at: nameSpan.union(close))
                    }
                    let arguments = operands.suffix(given).map { materialize($0) }
                    operands.removeLast(given)
                    let node = try call(callee, name: name, arguments, at: nameSpan.union(close))
                    operands.append(Operand(node: node, literal: 0, span: nameSpan.union(close)))
                default:
                    preconditionFailure("reduce stops only at a group or call")
                }
                depth -= 1
                try advance()
            case .number, .identifier, .leftParen:
                let previous = operands.last!.span
                let shown = source.text(of: previous)
                let next = source.text(of: current.span)
                throw error(
                    "expected an operator before \(current.describe(in: source))", at: current.span,
                    help: current.kind == .leftParen && !shown.isEmpty
                        ? "to multiply, write '\(shortened(shown))*(…)'"
                        : "to multiply, write '\(shortened(shown))*\(shortened(next))'")
            default:
                if depth > 0 {
                    let open = pending.last(where: { $0.precedence == nil })!
                    throw unclosed(open)
                }
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                let result = operands.removeLast()
                return (materialize(result), result.span)
            }
        }
    }

    /// Applies pending operators that bind tighter than an incoming one of `precedence`.
    private mutating func reduce(
        _ operands: inout [Operand], _ pending: inout [Pending], above precedence: Int, groupsRight: Bool
    ) throws(UserError) {
        while let top = pending.last, let topPrecedence = top.precedence {
            guard topPrecedence > precedence || (topPrecedence == precedence && !groupsRight) else { return }
            pending.removeLast()
            switch top {
            case .binary(let op, _, _):
                let right = operands.removeLast()
                let left = operands.removeLast()
                let span = left.span.union(right.span)
                let node = builder.apply(op, materialize(left), materialize(right), at: span)
                operands.append(Operand(node: node, literal: 0, span: span))
            case .prefix(let negates, let span):
                var operand = operands.removeLast()
                operand.span = span.union(operand.span)
                if negates {
                    if operand.node < 0 {
                        operand.literal = -operand.literal
                    } else {
                        operand.node = builder.apply(.negate, operand.node, at: operand.span)
                    }
                }
                operands.append(operand)
            case .group, .call:
                return
            }
        }
    }

    private mutating func materialize(_ operand: Operand) -> NodeID {
        operand.node >= 0 ? operand.node : builder.constant(operand.literal, at: operand.span)
    }

    private mutating func resolveName(_ name: String, at span: SourceSpan) throws(UserError) -> Operand {
        if let node = environment[name] { return Operand(node: node, literal: 0, span: span) }
        if allowsFreeVariables, let node = builder.existingVariable(name) {
            return Operand(node: node, literal: 0, span: span)
        }
        if let value = Op.constant(named: name) { return Operand(node: -1, literal: value, span: span) }
        if Op.function(named: name) != nil || functions[name] != nil {
            throw error("'\(name)' is a function; call it with parentheses", at: span, help: "write \(name)(…)")
        }
        guard allowsFreeVariables else {
            let known = Array(environment.keys) + Op.constants.map(\.name)
            let suggestion = NameSuggestion.nearest(to: name, among: known)
            throw error("'\(name)' is not defined here", at: span,
                        help: suggestion.map { "did you mean '\($0)'?" } ?? "only numbers, constants and functions may appear here")
        }
        return Operand(node: builder.variable(name, at: span), literal: 0, span: span)
    }

    private func resolveFunction(_ name: String, at span: SourceSpan) throws(UserError) -> Callee {
        if name == recursionGuard {
            throw error("\(name) calls itself; recursive functions are not supported", at: span,
                        help: "graddiff inlines every call, so a function may only call functions defined before it")
        }
        if let op = Op.function(named: name) { return .builtIn(op) }
        if let function = functions[name] { return .user(arity: Int32(function.parameters.count)) }
        let candidates = Op.userFunctions.map(\.name) + functions.names.sorted()
        if let suggestion = NameSuggestion.nearest(to: name, among: candidates) {
            throw error("unknown function '\(name)'", at: span, help: "did you mean '\(suggestion)'?")
        }
        throw error("unknown function '\(name)'", at: span,
                    help: "to multiply, write '\(name)*(…)'; `graddiff --help` lists the functions")
    }

    private mutating func call(_ callee: Callee, name: String, _ arguments: [NodeID], at span: SourceSpan) throws(UserError) -> NodeID {
        switch callee {
        case .builtIn(let op):
            return builder.apply(op, arguments[0], arguments.count > 1 ? arguments[1] : -1, at: span)
        case .user:
            guard let index = functions.index(of: name) else { preconditionFailure("resolved user functions exist") }
            if deferredCalls != nil { return deferCall(index, named: name, arguments, at: span) }
            let (limit, source) = (nodeLimit, source)
            return try functions.expand(index, arguments: arguments, environment: environment, into: &builder, at: span,
                                        nodeLimit: limit, limitError: { Parser.nodeLimitError(limit, at: span, in: source) })
        }
    }

    /// A placeholder for a call inside a function's body. The same function on the same
    /// argument nodes shares one placeholder however it is spelled; it is named as typed
    /// (`f(sin(a))`) when that is short, on one line and without a comment, else
    /// `f(…)`, and numbered (`f(…)#2`) when a name is taken.
    private mutating func deferCall(_ function: Int, named name: String, _ arguments: [NodeID], at span: SourceSpan) -> NodeID {
        let key = FunctionTemplate.CallKey(function: function, arguments: arguments)
        if let existing = deferredCallNodes[key] { return existing }
        // Measured in bytes before any text is made: calls nested 10^5 deep stay linear.
        let bytes = source.bytes[Int(span.start)..<Int(span.end)]
        let plain = bytes.count <= 48 && !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "#") || $0 >= 0x80 }
        let typed = plain ? source.text(of: span) : "\(name)(…)"
        let label = builder.existingVariable(typed) == nil ? typed : "\(typed)#\((deferredCalls?.count ?? 0) + 1)"
        let node = builder.variable(label, at: span)
        let slot = Int(builder.tape.first[Int(node)])
        deferredCalls?[slot] = FunctionTemplate.Call(function: function, arguments: arguments, resultSlot: slot)
        deferredCallNodes[key] = node
        return node
    }

    private func nodeLimitError() -> UserError {
        Parser.nodeLimitError(nodeLimit, at: current.span, in: source)
    }

    private static func nodeLimitError(_ limit: Int, at span: SourceSpan, in source: SourceText) -> UserError {
        UserError(.error("the graph has more than \(limit) nodes, the limit", at: span,
                         help: "raise it with --max-nodes N, or write a smaller expression"), in: source)
    }

    private func arityError(_ name: String, _ callee: Callee, given: Int, at span: SourceSpan) -> UserError {
        let wanted = callee.arity
        let noun = wanted == 1 ? "argument" : "arguments"
        let verb = given == 1 ? "was" : "were"
        return error("\(name) takes \(wanted) \(noun), but \(given) \(verb) given", at: span,
                     help: "call it as \(signature(name, arity: wanted))")
    }

    private func signature(_ name: String, arity: Int) -> String {
        let names = arity == 1 ? ["x"] : (arity == 2 ? ["a", "b"] : (0..<arity).map { "x\($0 + 1)" })
        return "\(name)(\(names.joined(separator: ", ")))"
    }

    private func missingOperand(after previous: Pending?) -> UserError {
        let at = current.kind == .end || current.kind == .newline
            ? SourceSpan(start: Int(current.span.start), end: Int(current.span.start)) : current.span
        switch previous {
        case .binary(_, _, let span)?, .prefix(_, let span)?:
            return error("expected an expression after '\(source.text(of: span))', found \(current.describe(in: source))",
                         at: at, also: [span])
        case .group(let open)?:
            return error("expected an expression after '(', found \(current.describe(in: source))", at: at, also: [open])
        case .call(_, let nameSpan, let count)?:
            return error("expected an argument for \(source.text(of: nameSpan)), found \(current.describe(in: source))", at: at,
                         help: count > 0 ? "remove the extra ','" : nil)
        case nil:
            if current.kind == .end { return error("the expression is empty", at: at, help: "write an expression such as (x+y)*z") }
            return error("expected an expression, found \(current.describe(in: source))", at: at)
        }
    }

    private func unclosed(_ open: Pending) -> UserError {
        let at = current.kind == .end || current.kind == .newline
            ? SourceSpan(start: Int(current.span.start), end: Int(current.span.start)) : current.span
        switch open {
        case .group(let span):
            let column = source.location(of: Int(span.start)).column
            return error("expected ')' to close the '(' at column \(column), found \(current.describe(in: source))",
                         at: at, help: "add ')'", also: [span])
        case .call(_, let nameSpan, _):
            return error("expected ')' to close the call to \(source.text(of: nameSpan)), found \(current.describe(in: source))",
                         at: at, help: "add ')'", also: [nameSpan])
        default:
            preconditionFailure("only groups and calls are unclosed")
        }
    }

    private func shortened(_ text: String) -> String {
        text.count <= 12 ? text : String(text.prefix(10)) + "…"
    }
}
