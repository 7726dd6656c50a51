/// The expression loop: an operator-precedence parse driven by two explicit stacks,
/// operands and pending operators (groups and calls among them), so nesting depth is
/// limited by memory, never by the call stack.
extension Parser {
    struct Operand: BitwiseCopyable {
        /// The node, or -1 while the operand is a literal not yet put on the tape
        /// (so `-3` becomes the constant -3, not neg(3)) or a vector or matrix.
        var node: NodeID
        /// The tensor node of a vector- or matrix-valued operand, else -1.
        var tensor: Int32 = -1
        var literal: Double
        var span: SourceSpan
    }

    enum Pending: BitwiseCopyable {
        case binary(Op, precedence: Int8, span: SourceSpan)
        case prefix(negates: Bool, span: SourceSpan)
        case group(open: SourceSpan)
        /// A call in progress. Small on purpose (16 bytes, as every case, the callee
        /// last so its byte fits): 300,000 nested calls keep this many on the stack, so
        /// the name is read back from its span and a user function's arity looked up.
        case call(nameSpan: SourceSpan, arguments: Int32, Callee)
        /// A vector or matrix literal in progress, `[a, b, …]`, with its commas so far.
        case bracket(open: SourceSpan, commas: Int32)
        /// An index in progress, `v[i]` or `W[i, j]`: the indexed operand is below it.
        case index(open: SourceSpan, commas: Int32)
        /// `@`, the matrix product, binding like `*`.
        case matmul(span: SourceSpan)

        var precedence: Int? {
            switch self {
            case .binary(_, let precedence, _): return Int(precedence)
            case .prefix: return Precedence.prefix
            case .matmul: return Precedence.product
            case .group, .call, .bracket, .index: return nil
            }
        }
    }

    enum Callee: BitwiseCopyable {
        case builtIn(Op)
        /// A user function; its arity is looked up by name (`arity(of:named:)`), so that
        /// a pending call stays 16 bytes.
        case user
        case tensor(TensorFunction)
    }

    /// Parses one expression (a scalar, vector or matrix), stopping before `;`, `=`, a
    /// newline outside parentheses, an unmatched `)` or `,`, or the end: a scalar's node
    /// (or a literal not yet on the tape) or a tensor node. See `parseExpression()`.
    mutating func parseOperand() throws(UserError) -> Operand {
        var operands = ValueStack<Operand>()
        var pending = ValueStack<Pending>()
        var expectsOperand = true
        var depth = 0
        groupMemo = GroupMemo(effects: groupEffects)
        // Held once here, so that lending it to each name costs no retain and release.
        let text = lexer.source.bytes
        while true {
            if context.builder.tape.count > nodeLimit { throw nodeLimitError() }
            if depth > 0, current.kind == .newline {
                try advance()
                continue
            }
            if expectsOperand {
                switch current.kind {
                case .number:
                    // The literal after this one, read early (`Lexer.ahead`; 0 when there
                    // is none): its constant is looked up a term from now. This one's slot
                    // was loaded when it was the literal ahead (the first of a line was not:
                    // one wait for memory, where loading both cost more than it saved).
                    context.builder.prefetchConstant(lexer.ahead.value)
                    operands.append(Operand(node: -1, literal: current.number, span: current.span))
                    try advance()
                    expectsOperand = false
                case .identifier:
                    let nameSpan = current.span
                    let (name, entry) = text.withUnsafeBufferPointer { context.recentNames.name(at: nameSpan, in: $0) }
                    if try nextIsLeftParen() {
                        if try reuseGroup(&operands) { expectsOperand = false; continue }
                        // A built-in function's name cannot be redefined: its op stands.
                        let builtIn = context.recentNames.function(entry)
                        let callee = if let builtIn { Callee.builtIn(builtIn) } else { try resolveFunction(name, at: nameSpan, builtIn: false) }
                        try advance()
                        pending.append(.call(nameSpan: nameSpan, arguments: 0, callee))
                        depth += 1
                        try advance()
                    } else {
                        operands.append(try resolveName(name, entry: entry, at: nameSpan))
                        try advance()
                        expectsOperand = false
                    }
                case .leftParen:
                    if try reuseGroup(&operands) { expectsOperand = false; continue }
                    pending.append(.group(open: current.span))
                    depth += 1
                    try advance()
                case .leftBracket:
                    pending.append(.bracket(open: current.span, commas: 0))
                    depth += 1
                    try advance()
                case .minus, .plus:
                    pending.append(.prefix(negates: current.kind == .minus, span: current.span))
                    try advance()
                case .rightParen:
                    if case .call(let nameSpan, 0, let callee)? = pending.last {
                        let name = source.text(of: nameSpan)
                        let span = nameSpan.union(current.span)
                        guard accepts(callee, named: name, 0) else { throw arityError(name, callee, given: 0, at: span) }
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
            // `ᵀ`, `[` (an index) and `@`: whether an operand is expected next.
            if let next = try continueTensorOperand(&operands, &pending, &depth) {
                expectsOperand = next
                continue
            }
            if let (op, precedence, groupsRight) = Precedence.binary(current.kind) {
                try reduce(&operands, &pending, above: precedence, groupsRight: groupsRight)
                pending.append(.binary(op, precedence: Int8(precedence), span: current.span))
                try advance()
                expectsOperand = true
                continue
            }
            switch current.kind {
            case .comma where depth > 0:
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                switch pending.last {
                case .call(let nameSpan, let count, let callee)?:
                    pending.top = .call(nameSpan: nameSpan, arguments: count + 1, callee)
                case .bracket(let open, let commas)?:
                    pending.top = .bracket(open: open, commas: commas + 1)
                case .index(let open, let commas)?:
                    pending.top = .index(open: open, commas: commas + 1)
                default:
                    throw error(.commaOutsideCall, at: current.span)
                }
                try advance()
                expectsOperand = true
            case .rightParen where depth > 0:
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                let close = current.span
                switch pending.removeLast() {
                case .group(let open):
                    operands.top.span = open.union(close)
                case .call(let nameSpan, let count, .builtIn(let op))
                    where Int(count) + 1 == op.arity && operands.allOfTop(op.arity, satisfy: { $0.tensor < 0 }):
                    // A built-in function of numbers (nearly every call): its node at once,
                    // with no array of arguments and no string of its name.
                    let span = nameSpan.union(close)
                    let first = materialize(operands[fromTop: op.arity - 1])
                    let second = op.arity == 2 ? materialize(operands.top) : -1
                    if op.arity == 2 { operands.removeLast() }
                    operands.top = Operand(node: context.builder.apply(op, first, second, at: span), literal: 0, span: span)
                case .call(let nameSpan, let count, let callee):
                    let name = source.text(of: nameSpan)
                    let given = Int(count) + 1
                    guard accepts(callee, named: name, given) else {
                        throw arityError(name, callee, given: given, at: nameSpan.union(close))
                    }
                    let span = nameSpan.union(close)
                    if let result = try tensorCall(callee, name: name, operands.suffix(given), at: span) {
                        operands.removeLast(given)
                        operands.append(result)
                    } else {
                        let arguments = operands.suffix(given).map { materialize($0) }
                        operands.removeLast(given)
                        let node = try call(callee, name: name, arguments, at: span)
                        operands.append(Operand(node: node, literal: 0, span: span))
                    }
                case let open:
                    throw unclosed(open)
                }
                depth -= 1
                rememberGroup(operands.top)
                if operands.count > 1 { prefetchWaitingLiterals(operands) }
                try advance()
            case .rightBracket where depth > 0:
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                try closeBracket(&operands, pending.removeLast())
                depth -= 1
                try advance()
            case .number, .identifier, .leftParen:
                let previous = operands.top.span
                let shown = source.text(of: previous)
                let next = current.kind == .leftParen && !shown.isEmpty ? nil : source.text(of: current.span)
                throw error(.operatorMissing(before: current.describe(in: source), previous: shown, next: next),
                            at: current.span)
            default:
                if depth > 0 {
                    let open = pending.last(where: { $0.precedence == nil })!
                    throw unclosed(open)
                }
                try reduce(&operands, &pending, above: 0, groupsRight: false)
                return operands.removeLast()
            }
        }
    }

    /// Applies pending operators that bind tighter than an incoming one of `precedence`.
    mutating func reduce(
        _ operands: inout ValueStack<Operand>, _ pending: inout ValueStack<Pending>, above precedence: Int, groupsRight: Bool
    ) throws(UserError) {
        while let top = pending.last, let topPrecedence = top.precedence {
            guard topPrecedence > precedence || (topPrecedence == precedence && !groupsRight) else { return }
            pending.removeLast()
            switch top {
            case .binary(let op, _, _):
                // The result takes the left operand's place: two writes to the stack, not three.
                let (left, right) = (operands[fromTop: 1], operands.top)
                operands.removeLast()
                let span = left.span.union(right.span)
                if left.tensor >= 0 || right.tensor >= 0 { operands.top = try elementwise(op, left, right, at: span); continue }
                let node = context.builder.apply(op, materialize(left), materialize(right), at: span)
                operands.top = Operand(node: node, literal: 0, span: span)
            case .matmul(let span):
                try matrixProduct(&operands, operator: span)
            case .prefix(let negates, let span):
                var operand = operands.top
                operand.span = span.union(operand.span)
                if negates, operand.tensor >= 0 {
                    operand = try elementwise(.negate, operand, nil, at: operand.span)
                } else if negates, operand.node < 0 {
                    operand.literal = -operand.literal
                } else if negates {
                    operand.node = context.builder.apply(.negate, operand.node, at: operand.span)
                }
                operands.top = operand
            case .group, .call, .bracket, .index:
                return
            }
        }
    }
}
