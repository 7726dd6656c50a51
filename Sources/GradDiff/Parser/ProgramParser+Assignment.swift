/// `name = expression`: a constant declares an input with a default, anything else
/// names a step; assigning a name again makes a new version (`c#2`).
extension ProgramParser {
    static func assignment(_ name: String, nameSpan: SourceSpan, _ parser: inout Parser, _ program: inout Program,
                                   _ journal: inout ProgramJournal) throws(UserError) -> Statement {
        try checkNameIsFree(name, at: nameSpan, parser, &program)
        if parser.context.functions[name] != nil {
            throw parser.error(.stepNamedLikeFunction(name), at: nameSpan)
        }
        if parser.check(.semicolon) || parser.check(.newline) || parser.check(.end) {
            throw parser.error(.assignmentWithoutExpression(name), at: parser.current.span)
        }
        let countBefore = parser.context.builder.tape.count
        let tensorsBefore = parser.context.tensors.count
        let operand = try parser.parseOperand()
        if operand.tensor >= 0 {
            return try tensorAssignment(name, nameSpan: nameSpan, operand, &parser, &program, &journal,
                                        tapeBefore: countBefore, tensorsBefore: tensorsBefore)
        }
        let (node, span) = (parser.materialize(operand), operand.span)
        let versioned = versionedName(name, &program, &journal, parser.context.builder, parser.context.tensors)
        parser.context.tensors.scalarStatement(named: name)
        if let constantNodes = constantSubgraph(parser.context.builder.tape, node, firstNew: countBefore) {
            // A constant declares an input with that default; its nodes are dropped.
            let value = ConstantExpression.value(of: node, in: parser.context.builder.tape, over: constantNodes)
            parser.context.builder.truncate(to: countBefore)
            parser.context.tensors.truncate(toCount: tensorsBefore)
            let variable = parser.context.builder.variable(versioned, at: nameSpan)
            let slot = Int(parser.context.builder.tape.first[Int(variable)])
            program.defaults[slot] = value
            program.declarations[slot] = nameSpan.union(span)
            journal.willRebind(name, from: parser.context.scope[name])
            parser.context.scope[name] = variable
            program.steps.append((name: versioned, node: variable, span: nameSpan.union(span)))
            program.output = variable
            return Statement(kind: .input, name: name, version: versioned, span: nameSpan.union(span), node: variable)
        }
        // `q = x` or `q = p` makes an alias: the node keeps the name it has.
        if parser.context.builder.tape.ops[Int(node)] != .variable, parser.context.builder.tape.stepNames[node] == nil {
            journal.willRename(node, from: parser.context.builder.tape.stepNames[node])
            parser.context.builder.name(node, versioned)
        }
        journal.willRebind(name, from: parser.context.scope[name])
        parser.context.scope[name] = node
        program.steps.append((name: versioned, node: node, span: nameSpan.union(span)))
        program.output = node
        return Statement(kind: .step, name: name, version: versioned, span: nameSpan.union(span), node: node)
    }

    /// The nodes `node` depends on, in tape order, if none of them is a variable. The
    /// search stops at any older node other than a constant, so a long program costs
    /// linear time: such a node was made by an earlier statement that read a variable
    /// (a rare older node of constants only, reused by merging, makes a step instead).
    static func constantSubgraph(_ tape: Tape, _ node: NodeID, firstNew: Int) -> [NodeID]? {
        var stack = [node]
        var seen = Set<NodeID>()
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            let op = tape.ops[Int(id)]
            if op == .variable || (Int(id) < firstNew && op != .constant) { return nil }
            stack += tape.inputs(of: id)
        }
        return seen.sorted()
    }

    /// `name` for its first definition, `name#2`, `name#3`, … after. A free variable
    /// read before the first assignment counts as the first version.
    static func versionedName(_ name: String, _ program: inout Program, _ journal: inout ProgramJournal,
                                      _ builder: TapeBuilder, _ tensors: TensorGraph) -> String {
        journal.willCount(name, from: program.versionCounts[name])
        var earlier = program.versionCounts[name] ?? 0
        if earlier == 0, builder.existingVariable(name) != nil || tensors.input(named: name) != nil { earlier = 1 }
        program.versionCounts[name] = earlier + 1
        return earlier == 0 ? name : "\(name)#\(earlier + 1)"
    }
}
