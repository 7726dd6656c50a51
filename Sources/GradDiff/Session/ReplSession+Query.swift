/// An expression typed in the session: its node table, cut down to the nodes it needs.
extension ReplSession {
    /// Spans of nodes made by earlier entries point into text that is gone; diagnostics
    /// at such nodes keep their message and lose the caret.
    private static let earlierSpan = SourceSpan(start: -1, end: -1)

    /// The table (in the session's format) of the expression at `node`, and its warnings.
    /// `firstNewNode` is the first node this entry made: older ones were typed before.
    func query(_ node: NodeID, in working: Program, source: SourceText, span: SourceSpan,
               firstNewNode: Int) throws(UserError) -> (String, [LocatedDiagnostic]) {
        let tape = working.tape
        let wrt = try resolveWrt(in: working)
        var keep = tape.dependencies(of: [node])
        let missing = tape.variableNodes.indices.filter {
            keep[Int(tape.variableNodes[$0])] && working.defaults[$0] == nil
        }
        if !missing.isEmpty {
            throw missingValues(missing, in: working, source: source, span: span, firstNewNode: firstNewNode)
        }
        // Variables named by :wrt but unused here still get their (zero) gradient.
        for variable in wrt ?? [] where working.defaults[Int(tape.first[Int(variable)])] != nil {
            keep[Int(variable)] = true
        }
        var (subtape, newIDs) = tape.subgraph(keeping: keep)
        for old in 0..<min(firstNewNode, tape.count) where newIDs[old] >= 0 {
            subtape.spans[Int(newIDs[old])] = Self.earlierSpan
        }
        var pruned = Program(source: source, tape: subtape)
        pruned.output = newIDs[Int(node)]
        for (slot, value) in working.defaults {
            let kept = newIDs[Int(tape.variableNodes[slot])]
            if kept >= 0 { pruned.defaults[Int(subtape.first[Int(kept)])] = value }
        }
        for (name, id) in working.names where newIDs[Int(id)] >= 0 {
            pruned.names[name] = newIDs[Int(id)]
        }
        let evaluation = try Evaluation.run(pruned, bindings: [])
        try Interruption.check()
        var options = self.options
        options.wrt = wrt?.map { subtape.variableNames[Int(subtape.first[Int(newIDs[Int($0)])])] }
        let warnings = evaluation.numericWarnings.map { warning in
            var warning = warning
            if warning.diagnostic.span == Self.earlierSpan { warning.diagnostic.span = nil }
            return warning
        }
        return (format.render(evaluation, options), warnings)
    }

    /// The variable nodes `:wrt` names: an input's latest version, or a free variable.
    private func resolveWrt(in program: Program) throws(UserError) -> [NodeID]? {
        guard let names = options.wrt else { return nil }
        let tape = program.tape
        var nodes: [NodeID] = []
        for name in names {
            if let node = program.names[name] {
                guard tape.ops[Int(node)] == .variable else {
                    throw UserError(.error(":wrt names '\(name)', a step; gradients are reported for inputs",
                                           help: "change it with :wrt, or :wrt alone for every node"), in: nil)
                }
                nodes.append(node)
            } else if let slot = tape.variableSlot(named: name) {
                nodes.append(tape.variableNodes[slot])
            } else {
                let known = tape.variableNames.filter { !$0.contains("#") }
                throw UserError(.error(":wrt names '\(name)', which is not a variable of the session",
                                       help: NameSuggestion.nearest(to: name, among: known).map { "did you mean '\($0)'? (change it with :wrt)" }
                                           ?? "change it with :wrt, or :wrt alone for every node"), in: nil)
            }
        }
        return nodes
    }

    /// "no value for the variable 'w'": under each use of it in this entry, or under
    /// the whole expression when it comes in through earlier definitions.
    private func missingValues(_ slots: [Int], in program: Program, source: SourceText, span: SourceSpan,
                               firstNewNode: Int) -> UserError {
        let tape = program.tape
        let names = slots.map { tape.variableNames[$0] }
        let typedHere = slots.map { tape.variableNodes[$0] }.filter { Int($0) >= firstNewNode }.map { tape.spans[Int($0)] }
        let spans = typedHere.isEmpty ? [span] : typedHere
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        let example = names.map { "\($0) = 1" }.joined(separator: "; ")
        return UserError(Diagnostic(.error, names.count == 1 ? "no value for the variable \(list)" : "no values for the variables \(list)",
                                    at: spans[0], also: Array(spans.dropFirst()),
                                    help: "give \(names.count == 1 ? "it a value" : "them values") first, such as: \(example)"),
                         in: source)
    }
}
