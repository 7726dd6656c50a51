/// Statements whose value is a vector or matrix: `W = [[0.1, 0.2], [0.3, 0.4]]` or
/// `W1 = 0.5 * randn(16, 4)` declares an input with those defaults (as `w = 0.5` does a
/// scalar one), `z = W @ x + b` names a step, and a bare expression is the output.
extension ProgramParser {
    static func tensorExpression(_ operand: Parser.Operand, _ parser: inout Parser, _ program: inout Program) -> Statement {
        let id = operand.tensor
        let last = parser.elementIDs(.tensor(id)).last!
        parser.context.tensors.steps.append((name: "", node: id, span: operand.span))
        parser.context.tensors.output = id
        program.output = last
        var statement = Statement(kind: .expression, name: "", span: operand.span, node: last)
        statement.tensor = id
        return statement
    }

    static func tensorAssignment(_ name: String, nameSpan: SourceSpan, _ operand: Parser.Operand, _ parser: inout Parser,
                                 _ program: inout Program, _ journal: inout ProgramJournal,
                                 tapeBefore: Int, tensorsBefore: Int) throws(UserError) -> Statement {
        let span = nameSpan.union(operand.span)
        let versioned = versionedName(name, &program, &journal, parser.context.builder, parser.context.tensors)
        let shape = parser.context.tensors[operand.tensor].shape
        journal.willRebind(name, from: parser.context.scope[name])
        parser.context.scope[name] = nil
        let id: Int32
        var kind = Statement.Kind.step
        if !parser.mentionsVariable, let values = constantValues(operand.tensor, parser.context) {
            // Numbers only: an input with these defaults, its nodes (if any) dropped.
            parser.context.builder.truncate(to: tapeBefore)
            let random = parser.context.tensors.random
            parser.context.tensors.truncate(toCount: tensorsBefore)
            parser.context.tensors.random = random
            program.defaults.reserveCapacity(program.defaults.count + shape.count)
            // The elements' variables take the next slots, in order.
            let firstSlot = parser.context.builder.tape.variableNames.count
            id = parser.declareInput(versioned, shape: shape, at: nameSpan)
            if versioned != name { parser.context.tensors.scope[name] = id }
            for (k, value) in values.enumerated() { program.defaults[firstSlot + k] = value }
            if versioned == name { parser.context.tensors.inputs[name] = id }
            kind = .input
        } else {
            // Naming a node an earlier statement made would change how it prints (`s =
            // sum(W @ r); u = W @ r` would show s as sum(u)): the step gets its own copy.
            let made = operand.tensor
            id = Int(made) < tensorsBefore && parser.context.tensors.names[made] == nil
                ? parser.context.tensors.copy(made, into: &parser.context.builder, at: operand.span) ?? made : made
            if parser.context.tensors.names[id] == nil {
                // `b = a` makes an alias: the node keeps the name it has.
                parser.context.tensors.names[id] = versioned
                nameElements(of: id, versioned, &parser, &journal)
            }
            parser.context.tensors.scope[name] = id
        }
        parser.context.tensors.steps.append((name: versioned, node: id, span: span))
        parser.context.tensors.output = id
        program.output = parser.context.tensors.elements(of: id).last!
        var statement = Statement(kind: kind, name: name, version: versioned, span: span, node: program.output)
        statement.tensor = id
        return statement
    }

    /// Gives a step's elements the names `z[1]`, `z[2]` (or `z[1,2]`) in the element
    /// table, where they have no name of their own (an input or a named step keeps its).
    private static func nameElements(of id: Int32, _ name: String, _ parser: inout Parser, _ journal: inout ProgramJournal) {
        let shape = parser.context.tensors[id].shape
        let tape = parser.context.builder.tape
        for (k, element) in parser.context.tensors.elements(of: id).enumerated() {
            guard tape.stepNames[element] == nil, tape.ops[Int(element)] != .variable, tape.ops[Int(element)] != .constant else { continue }
            journal.willRename(element, from: nil)
            parser.context.builder.name(element, shape.elementName(name, k))
        }
    }

    /// The numbers of tensor node `id` if no element reads a variable: a constant kept
    /// as numbers, or elements evaluated in one pass over the nodes they depend on
    /// (older nodes they merged with included: what was written decides, as for a scalar).
    static func constantValues(_ id: Int32, _ context: ParseContext) -> [Double]? {
        if let values = context.tensors.constantValues(.tensor(id)) { return values }
        let tape = context.builder.tape
        let elements = context.tensors.elements(of: id)
        guard !elements.contains(where: { tape.readsVariable[Int($0)] }) else { return nil }
        return ConstantExpression.values(of: Array(elements), in: tape, over: tape.cone(of: Array(elements)))
    }
}

extension Program {
    /// Readies a program about to be parsed: the shapes bindings give free names, and the seed of `randn`.
    mutating func prepareTensors(bindings: [Binding], seed: UInt64) {
        for binding in bindings {
            if let tensor = binding.tensor { context.tensors.boundShapes[binding.name] = tensor.shape }
        }
        context.tensors.random = RandomNormal(seed: seed)
    }

    /// The vectors and matrices of the program, their shapes and their elements.
    var tensors: TensorGraph { context.tensors }
}
