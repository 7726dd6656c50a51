/// Every node of a session's program at the inputs' current values, for confirmations
/// and `:vars`: nan where a variable has no value yet, and which nodes lack one.
struct SessionValues {
    let program: Program
    let values: [Double]
    /// Whether each node depends on a variable with no value.
    let lacksValue: [Bool]

    init(_ program: Program) {
        self.program = program
        let tape = program.tape
        var variables = [Double](repeating: .nan, count: tape.variableNames.count)
        for (slot, value) in program.defaults { variables[slot] = value }
        values = ForwardPass.run(tape, variables: variables)
        var lacks = [Bool](repeating: false, count: tape.count)
        for i in 0..<tape.count {
            lacks[i] = tape.ops[i] == .variable
                ? program.defaults[Int(tape.first[i])] == nil
                : tape.inputs(of: NodeID(i)).contains { lacks[Int($0)] }
        }
        lacksValue = lacks
    }

    /// The variables with no value that `node` depends on, in order of appearance.
    func missingVariables(of node: NodeID) -> [String] {
        guard lacksValue[Int(node)] else { return [] }
        let tape = program.tape
        let needed = tape.dependencies(of: [node])
        return tape.variableNodes.indices
            .filter { needed[Int(tape.variableNodes[$0])] && lacksValue[Int(tape.variableNodes[$0])] }
            .map { tape.variableNames[$0] }
    }

    /// How graddiff reads `node`'s expression, with named operands by name (`p * z`).
    func text(of node: NodeID) -> String {
        let tape = program.tape
        let (subgraph, newIDs) = tape.subgraph(of: tape.cone(of: [node]))
        return NodeText(subgraph)[newIDs[node]!]
    }
}
