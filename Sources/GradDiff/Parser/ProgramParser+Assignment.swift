/// `name = expression`: an expression that mentions no input, step or variable and
/// reads none (`w = 0.5`, `c = 2*3`, `r = 2*pi`) declares an input with that default;
/// anything else names a step, even one that happens to be constant (`y = f(x)` with
/// `f(a) = 2`: it mentions x). What was written decides, never what merging identical
/// nodes found on the tape: `c = 2*3` declares c whether or not an earlier statement
/// computed 2*3. Assigning a name again makes a new version (`c#2`).
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
        parser.mentionsVariable = false
        let operand = try parser.parseOperand()
        if operand.tensor >= 0 {
            return try tensorAssignment(name, nameSpan: nameSpan, operand, &parser, &program, &journal,
                                        tapeBefore: countBefore, tensorsBefore: tensorsBefore)
        }
        var (node, span) = (parser.materialize(operand), operand.span)
        let versioned = versionedName(name, &program, &journal, parser.context.builder, parser.context.tensors)
        parser.context.tensors.scalarStatement(named: name)
        let tape = parser.context.builder.tape
        if !parser.mentionsVariable, !tape.readsVariable[Int(node)] {
            // A constant declares an input with that default; its new nodes are dropped
            // (older ones it merged with belong to the statements that made them).
            let value = ConstantExpression.value(of: node, in: tape, over: tape.cone(of: [node]))
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
        let op = tape.ops[Int(node)]
        // Naming a node an earlier statement made, or a constant that later literals
        // would merge with, would change how those print (`y = x + sin(x); s = sin(x)`
        // would show y as x + s): the step gets a node of its own doing the same.
        if op == .constant || (op != .variable && Int(node) < countBefore && tape.stepNames[node] == nil) {
            node = parser.context.builder.copy(node, at: span)
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
