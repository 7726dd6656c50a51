/// Evaluates text that must not depend on any variable: a binding's value, a
/// program's declared default.
enum ConstantExpression {
    /// The value, and the warnings of its literals (a number too large for a double).
    static func evaluate(_ source: SourceText, from offset: Int, naming name: String) throws(UserError)
        -> (value: Double, warnings: [Diagnostic]) {
        var parser = try Parser(source: source, startingAt: offset)
        let (node, _) = try parser.parseExpression()
        if parser.current.kind != .end {
            throw UserError(.error(.unexpectedInValue(parser.current.describe(in: source), of: name), at: parser.current.span), in: source)
        }
        let tape = parser.context.builder.tape
        if !tape.variableNames.isEmpty {
            let spans = tape.variableNodes.prefix(NameList.shownNames).map { tape.spans[Int($0)] }
            let names = NameList.quoted(tape.variableNames)
            throw UserError(.error(.valueUsesVariables(name, variables: names), at: spans[0], also: Array(spans.dropFirst())), in: source)
        }
        return (value(of: node, in: tape, over: (0..<tape.count).map(NodeID.init)), parser.lexer.warnings)
    }

    /// The value of `node`, whose subgraph `nodes` (in tape order, each one's inputs
    /// among them) reads no variable: the forward pass's `Op.value` over just those nodes.
    static func value(of node: NodeID, in tape: Tape, over nodes: [NodeID]) -> Double {
        values(of: [node], in: tape, over: nodes)[0]
    }

    /// The values of `roots`, whose subgraph `nodes` (in tape order) reads no variable.
    static func values(of roots: [NodeID], in tape: Tape, over nodes: [NodeID]) -> [Double] {
        var position: [NodeID: Int] = [:]
        position.reserveCapacity(nodes.count)
        var values: [Double] = []
        values.reserveCapacity(nodes.count)
        for id in nodes {
            let index = Int(id)
            let op = tape.ops[index]
            position[id] = values.count
            if op == .constant {
                values.append(tape.constants[Int(tape.first[index])])
            } else {
                let b = tape.second[index] >= 0 ? values[position[tape.second[index]]!] : 0
                values.append(op.value(values[position[tape.first[index]]!], b))
            }
        }
        return roots.map { values[position[$0]!] }
    }
}
