/// What a name means where it is read: a step, input or parameter in scope, a free
/// variable, a built-in constant or function, or a user function, whose call is
/// expanded onto the tape (or, inside a function's body, deferred to its caller).
extension Parser {

    /// `entry`: the name's entry in `context.recentNames`, whose hint of the variable
    /// it read last spares hashing the name again.
    mutating func resolveName(_ name: String, entry: Int, at span: SourceSpan) throws(UserError) -> Operand {
        // A lone expression has nothing in scope: no lookup (a string hash) a name.
        if !context.scope.isEmpty, let node = context.scope[name] {
            mentionsVariable = true
            return Operand(node: node, literal: 0, span: span)
        }
        // A scalar program pays no call for every name it reads.
        if context.tensors.mayNameTensors, let tensor = try resolveTensorName(name, at: span) {
            mentionsVariable = true
            return tensor
        }
        if allowsFreeVariables {
            let hint = context.recentNames.variableHint(entry)
            if context.builder.isVariable(hint, named: name) {
                mentionsVariable = true
                return Operand(node: hint, literal: 0, span: span)
            }
            if let node = context.builder.existingVariable(name) {
                context.recentNames.setVariableHint(node, for: entry)
                mentionsVariable = true
                return Operand(node: node, literal: 0, span: span)
            }
        }
        if let value = Op.constant(named: name) {
            // In a function's body a constant's name is read at the call, as any other
            // outside name: the caller may have defined it (`e = 3`).
            if deferredCalls == nil { return Operand(node: -1, literal: value, span: span) }
            return Operand(node: context.builder.variable(name, at: span), literal: 0, span: span)
        }
        if Op.function(named: name) != nil || context.functions[name] != nil {
            throw error(.useFunctionWithParentheses(name), at: span)
        }
        guard allowsFreeVariables else {
            let known = Array(context.scope.keys) + Op.constants.map(\.name)
            let suggestion = NameSuggestion.nearest(to: name, among: known)
            throw error(.notDefinedHere(name, suggestion: suggestion), at: span)
        }
        mentionsVariable = true
        return Operand(node: context.builder.variable(name, at: span), literal: 0, span: span)
    }

    /// The operand's node, putting a literal on the tape as a constant first.
    mutating func materialize(_ operand: Operand) -> NodeID {
        operand.node >= 0 ? operand.node : context.builder.constant(operand.literal, at: operand.span)
    }

    /// `builtIn: false` when the name is known not to be a built-in function's.
    func resolveFunction(_ name: String, at span: SourceSpan, builtIn: Bool = true) throws(UserError) -> Callee {
        if name == recursionGuard {
            throw error(.recursion(name), at: span)
        }
        if builtIn, let op = Op.function(named: name) { return .builtIn(op) }
        if context.functions[name] != nil { return .user }
        if let function = TensorFunction.named(name) { return .tensor(function) }
        let candidates = Op.userFunctions.map(\.name) + TensorFunction.allCases.map(\.rawValue) + context.functions.names.sorted()
        throw error(.unknownFunction(name, suggestion: NameSuggestion.nearest(to: name, among: candidates)), at: span)
    }

    mutating func call(_ callee: Callee, name: String, _ arguments: [NodeID], at span: SourceSpan) throws(UserError) -> NodeID {
        switch callee {
        case .builtIn(let op):
            return context.builder.apply(op, arguments[0], arguments.count > 1 ? arguments[1] : -1, at: span)
        case .user:
            guard let index = context.functions.index(of: name) else { preconditionFailure("resolved user functions exist") }
            if deferredCalls != nil { return deferCall(index, named: name, arguments, at: span) }
            let (limit, source) = (nodeLimit, source)
            try checkOutsideNames(of: context.functions[index], at: span)
            var work = context.expansionWork
            defer { context.expansionWork = work }
            return try context.functions.expand(
                index, arguments: arguments, environment: context.scope, into: &context.builder, at: span,
                nodeLimit: limit, work: &work, workLimit: limit,
                limitError: { Parser.nodeLimitError(limit, at: span, in: source) },
                workError: { UserError(.error(.expansionTooLong(limit), at: span), in: source) })
        case .tensor:
            preconditionFailure("tensor functions are called by tensorCall")
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
        let label = context.builder.existingVariable(typed) == nil ? typed : "\(typed)#\((deferredCalls?.count ?? 0) + 1)"
        let node = context.builder.variable(label, at: span)
        let slot = Int(context.builder.tape.first[Int(node)])
        deferredCalls?[slot] = FunctionTemplate.Call(function: function, arguments: arguments, resultSlot: slot)
        deferredCallNodes[key] = node
        return node
    }
}
