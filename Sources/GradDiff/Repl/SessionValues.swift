/// A session's nodes at the inputs' current values, for confirmations and `:vars`: nan
/// where a variable has no value yet, and which nodes lack one. Built over the nodes
/// some roots need (what an entry defines), or over the whole program.
struct SessionValues {
    let program: Program
    /// The nodes evaluated, renumbered (`subgraph(of:)`), and each one's new id.
    private let tape: Tape
    private let newIDs: [NodeID: NodeID]?
    private let values: [Double]
    /// Whether each evaluated node depends on a variable with no value.
    private let lacksValue: [Bool]

    /// Every node of `program`, or only those `roots` depend on: an entry's confirmations
    /// cost what it defines, not the session.
    init(_ program: Program, roots: [NodeID]? = nil) {
        self.program = program
        let evaluated: Program
        if let roots {
            let pruned = program.pruned(to: program.tape.cone(of: roots))
            (evaluated, newIDs) = (pruned.program, pruned.newIDs)
        } else {
            (evaluated, newIDs) = (program, nil)
        }
        let tape = evaluated.tape
        self.tape = tape
        let defaults = tape.variableNames.indices.map { evaluated.defaults[$0] }
        values = ForwardPass.run(tape, variables: defaults.map { $0 ?? .nan })
        var lacks = [Bool](repeating: false, count: tape.count)
        for i in 0..<tape.count {
            lacks[i] = tape.ops[i] == .variable
                ? defaults[Int(tape.first[i])] == nil
                : tape.inputs(of: NodeID(i)).contains { lacks[Int($0)] }
        }
        lacksValue = lacks
    }

    private func id(_ node: NodeID) -> NodeID {
        guard let newIDs else { return node }
        guard let id = newIDs[node] else { preconditionFailure("a node outside the roots' graph") }
        return id
    }

    /// `node`'s value (nan if it needs a variable with no value).
    func value(of node: NodeID) -> Double { values[Int(id(node))] }

    /// The variables with no value that `node` depends on, in order of appearance.
    func missingVariables(of node: NodeID) -> [String] {
        let node = id(node)
        guard lacksValue[Int(node)] else { return [] }
        return tape.cone(of: [node])
            .filter { tape.ops[Int($0)] == .variable && lacksValue[Int($0)] }
            .map { tape.variableNames[Int(tape.first[Int($0)])] }
    }

    /// How graddiff reads `node`'s expression, with named operands by name (`p * z`).
    func text(of node: NodeID) -> String {
        let node = id(node)
        let (subgraph, newIDs) = tape.subgraph(of: tape.cone(of: [node]))
        return NodeText(subgraph)[newIDs[node]!]
    }
}
