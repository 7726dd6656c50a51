extension PassResult {
    /// The nodes on some path from one of `variables` to the output: those the output
    /// depends on that depend on one of `variables` themselves. With nil, every node the
    /// output depends on. `--wrt` uses this to narrate and draw only what its gradients
    /// are made of; two loops over the tape, no recursion.
    func nodesOnPaths(from variables: [String]?) -> [Bool] {
        let reaches = reachesOutput
        guard let variables else { return reaches }
        var dependsOnVariables = Array(repeating: false, count: tape.count)
        for name in variables {
            if let slot = tape.variableSlot(named: name) { dependsOnVariables[Int(tape.variableNodes[slot])] = true }
        }
        for i in 0..<tape.count where !dependsOnVariables[i] {
            dependsOnVariables[i] = tape.inputs(of: NodeID(i)).contains { dependsOnVariables[Int($0)] }
        }
        return (0..<tape.count).map { reaches[$0] && dependsOnVariables[$0] }
    }
}
