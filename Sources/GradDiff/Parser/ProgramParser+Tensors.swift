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
        if let values = constantValues(operand.tensor, parser.context, firstNew: tapeBefore) {
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
            id = operand.tensor
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
            parser.context.builder.name(element, name + shape.indexText(k))
        }
    }

    /// The numbers of tensor node `id` if it reads no variable: a constant kept as
    /// numbers, or elements whose nodes are all new (from `firstNew` on) or constants,
    /// evaluated in one pass up the new nodes.
    static func constantValues(_ id: Int32, _ context: ParseContext, firstNew: Int) -> [Double]? {
        if let values = context.tensors.constantValues(.tensor(id)) { return values }
        let tape = context.builder.tape
        let elements = context.tensors.elements(of: id)
        var needed = [Bool](repeating: false, count: tape.count - firstNew)
        for element in elements {
            let i = Int(element)
            if i >= firstNew { needed[i - firstNew] = true } else if tape.ops[i] != .constant { return nil }
        }
        for i in stride(from: tape.count - 1, through: firstNew, by: -1) where needed[i - firstNew] {
            if tape.ops[i] == .variable { return nil }
            for input in tape.inputs(of: NodeID(i)) {
                let j = Int(input)
                if j >= firstNew { needed[j - firstNew] = true } else if tape.ops[j] != .constant { return nil }
            }
        }
        var values = [Double](repeating: 0, count: tape.count - firstNew)
        func value(_ node: NodeID) -> Double {
            let i = Int(node)
            return i >= firstNew ? values[i - firstNew] : tape.constants[Int(tape.first[i])]
        }
        for i in firstNew..<tape.count where needed[i - firstNew] {
            switch tape.ops[i] {
            case .constant: values[i - firstNew] = tape.constants[Int(tape.first[i])]
            case let op:
                let b = tape.second[i] >= 0 ? value(tape.second[i]) : 0
                values[i - firstNew] = op.value(value(tape.first[i]), b)
            }
        }
        return elements.map(value)
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
