/// Vectors and matrices in the expression loop: literals (`[1, 2]`, `[[a, b], [c, d]]`),
/// indices (`v[2]`, `W[1, 2]`), the postfix transpose (`Wᵀ`) and `@`. Each is checked
/// for shape here, before any number exists, and lowered onto the tape at once.
extension Parser {
    /// Parses one scalar expression, stopping before `;`, `=`, a newline outside
    /// parentheses, an unmatched `)` or `,`, or the end. Returns its node and span; a
    /// vector or matrix is an error (`parseOperand()` takes those too).
    mutating func parseExpression() throws(UserError) -> (node: NodeID, span: SourceSpan) {
        let result = try parseOperand()
        if result.tensor >= 0 { throw error(.scalarExpected(context.tensors[result.tensor].shape.noun), at: result.span) }
        return (materialize(result), result.span)
    }

    /// After a complete operand: `ᵀ` transposes it, `[` starts an index, `@` a matrix
    /// product. Returns whether an operand is expected next, or nil for any other token.
    mutating func continueTensorOperand(_ operands: inout ValueStack<Operand>, _ pending: inout ValueStack<Pending>,
                                        _ depth: inout Int) throws(UserError) -> Bool? {
        switch current.kind {
        case .transpose:
            let operand = operands.removeLast()
            operands.append(try transpose(operand, at: operand.span.union(current.span)))
            try advance()
            return false
        case .leftBracket:
            pending.append(.index(open: current.span, commas: 0))
            depth += 1
            try advance()
            return true
        case .at:
            try reduce(&operands, &pending, above: Precedence.product, groupsRight: false)
            pending.append(.matmul(span: current.span))
            try advance()
            return true
        default:
            return nil
        }
    }

    /// `]`: ends a literal or an index (anything else open is unclosed).
    mutating func closeBracket(_ operands: inout ValueStack<Operand>, _ open: Pending) throws(UserError) {
        switch open {
        case .bracket(let start, let commas):
            let count = Int(commas) + 1
            let items = operands.suffix(count)
            operands.removeLast(count)
            operands.append(try literal(items, at: start.union(current.span)))
        case .index(let start, let commas):
            let count = Int(commas) + 1
            let indices = operands.suffix(count)
            operands.removeLast(count)
            let indexed = operands.removeLast()
            operands.append(try index(indexed, indices, at: indexed.span.union(current.span), open: start))
        default:
            throw unclosed(open)
        }
    }

    // MARK: Operands as tensors

    /// The operand as a tensor node's input: its tensor node, or its scalar node.
    mutating func reference(_ operand: Operand) -> TensorRef {
        operand.tensor >= 0 ? .tensor(operand.tensor) : .scalar(materialize(operand))
    }

    /// The tape ids of a reference's elements (a constant's numbers go onto the tape).
    mutating func elementIDs(_ reference: TensorRef) -> ArraySlice<NodeID> {
        guard let id = reference.tensor else { return [reference.scalar!] }
        return context.tensors.materialize(id, into: &context.builder)
    }

    func shape(of operand: Operand) -> TensorShape {
        operand.tensor >= 0 ? context.tensors[operand.tensor].shape : .scalar
    }

    /// The numbers of an operand that is a constant: a literal number, or a constant
    /// vector or matrix whose numbers are not on the tape.
    func constantNumbers(_ operand: Operand) -> [Double]? {
        if operand.tensor >= 0 { return context.tensors.constantValues(.tensor(operand.tensor)) }
        return operand.node < 0 ? [operand.literal] : nil
    }

    /// What an operand is, said in a message: `W is 2×3` for a name, else its text.
    func phrase(_ operand: Operand) -> String {
        shape(of: operand).phrase(quoted(operand))
    }

    /// The help for a scalar where a vector or matrix is needed, when it is a free
    /// variable: a binding may name the vector in another case (`W=[1, 2]` for `w`), or
    /// it needs one (a free name is a scalar unless a binding shapes it).
    func helpForScalar(_ operand: Operand, as noun: String = "a vector or matrix", otherwise help: String) -> String {
        let tape = context.builder.tape
        guard operand.tensor < 0, operand.node >= 0, tape.ops[Int(operand.node)] == .variable else { return help }
        let name = tape.variableNames[Int(tape.first[Int(operand.node)])]
        guard source.text(of: operand.span) == name else { return help }
        if let bound = context.tensors.boundShapes.keys.sorted().first(where: { $0.lowercased() == name.lowercased() }) {
            return "\(bound)=… binds '\(bound)', not '\(name)' (names are case-sensitive)"
        }
        return "bind \(name) as \(noun), such as \(name)=[1, 2, 3]; or \(help)"
    }

    /// The operand's text as written, shortened if long.
    func quoted(_ operand: Operand) -> String {
        let text = source.text(of: operand.span)
        return text.count <= 24 ? text : String(text.prefix(20)) + "…"
    }

    /// Throws unless `count` more nodes fit under the node limit: a tensor operation can
    /// ask for millions at once, and is refused before any is made.
    func ensureRoom(for count: Int, at span: SourceSpan) throws(UserError) {
        if count > nodeLimit || context.builder.tape.count > nodeLimit - count {
            throw Parser.nodeLimitError(nodeLimit, at: span, in: source)
        }
    }

    /// Appends a tensor node whose elements `lower` appends to the tape (reusing a node
    /// that computes the same); a one-element result (a sum, a dot product) is a scalar
    /// operand, its tensor node kept for the table and the narration.
    mutating func lowered(_ op: TensorOp, shape: TensorShape, inputs: [TensorRef], at span: SourceSpan,
                          _ lower: (inout TapeBuilder) -> [NodeID]) -> Operand {
        let id: Int32
        if let existing = context.tensors.existing(op, inputs) {
            id = existing
        } else {
            let start = context.builder.tape.count
            let elements = lower(&context.builder)
            id = context.tensors.append(op, shape: shape, inputs: inputs, elements: elements, tapeStart: start,
                                        tapeEnd: context.builder.tape.count, span: span)
        }
        return operand(for: id, at: span)
    }

    /// A tensor node as an operand: a scalar one (rank 0) by its element.
    func operand(for id: Int32, at span: SourceSpan) -> Operand {
        if context.tensors[id].shape.isScalar, let element = context.tensors.elements(of: id).first {
            return Operand(node: element, literal: 0, span: span)
        }
        return Operand(node: -1, tensor: id, literal: 0, span: span)
    }

    /// A constant vector or matrix, kept as numbers until something needs them on the
    /// tape (so `W = 0.5 * randn(16, 4)` declares an input without making 128 nodes).
    mutating func constant(_ values: [Double], shape: TensorShape, at span: SourceSpan) -> Operand {
        if shape.isScalar { return Operand(node: -1, literal: values[0], span: span) }
        let id = context.tensors.appendConstant(values, shape: shape, span: span, text: shortText(span))
        return Operand(node: -1, tensor: id, literal: 0, span: span)
    }

    /// The text of `span` if it is short and on one line (else empty): how a literal or
    /// constant is shown.
    func shortText(_ span: SourceSpan) -> String {
        guard span.end - span.start <= 48 else { return "" }
        let text = source.text(of: span)
        return text.contains("\n") || text.contains("#") ? "" : text
    }
}

/// Names that mean vectors and matrices: steps and inputs in scope, and free names a
/// binding gives a shape (`x=[1, 2]` makes `x` an input of two elements, `x[1]`, `x[2]`).
extension Parser {
    mutating func resolveTensorName(_ name: String, at span: SourceSpan) throws(UserError) -> Operand? {
        guard context.tensors.mayNameTensors else { return nil }
        if let id = context.tensors.scope[name] {
            if deferredCalls != nil { throw error(.tensorInFunctionBody(name, context.tensors[id].shape.noun), at: span) }
            return Operand(node: -1, tensor: id, literal: 0, span: span)
        }
        guard allowsFreeVariables, context.builder.existingVariable(name) == nil,
              let shape = context.tensors.boundShapes[name], !shape.isScalar else { return nil }
        if deferredCalls != nil { throw error(.tensorInFunctionBody(name, shape.noun), at: span) }
        try ensureRoom(for: shape.count, at: span)
        let id = declareInput(name, shape: shape, at: span)
        context.tensors.inputs[name] = id
        return Operand(node: -1, tensor: id, literal: 0, span: span)
    }

    /// A vector or matrix input named `name`: the variables `name[1]`, … (or
    /// `name[1,1]`, …), in scope under `name`.
    mutating func declareInput(_ name: String, shape: TensorShape, at span: SourceSpan) -> Int32 {
        let start = context.builder.tape.count
        context.builder.reserve(nodes: shape.count, variables: shape.count)
        var elements: [NodeID] = []
        elements.reserveCapacity(shape.count)
        // The names are new: a vector's elements are named after it, and a name used again is a new version.
        for k in 0..<shape.count { elements.append(context.builder.variable(shape.elementName(name, k), at: span, isNew: true)) }
        let id = context.tensors.append(.input, shape: shape, inputs: [], elements: elements, tapeStart: start,
                                        tapeEnd: context.builder.tape.count, span: span)
        context.tensors.names[id] = name
        context.tensors.scope[name] = id
        return id
    }

    /// A user function's body resolves its outside names at each call: none may be a
    /// vector or matrix, which the body would read as a scalar.
    func checkOutsideNames(of template: FunctionTemplate, at span: SourceSpan) throws(UserError) {
        guard !context.tensors.scope.isEmpty else { return }
        for name in template.body.variableNames.dropFirst(template.parameters.count) {
            if let id = context.tensors.scope[name], context.scope[name] == nil {
                throw error(.tensorInFunctionBody(name, context.tensors[id].shape.noun), at: span)
            }
        }
    }
}
