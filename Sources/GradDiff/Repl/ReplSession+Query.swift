/// An expression typed in the session: its node table, cut down to the nodes it needs.
extension ReplSession {
    /// The table (in the session's format) of the expression at `node`, and its
    /// warnings. `span` is the expression's and `entryStart` where its entry starts, both
    /// in `working.source`; every diagnostic points into that source.
    func query(_ node: NodeID, in working: Program, span: SourceSpan, entryStart: Int,
               journal: ProgramJournal) throws(UserError) -> (String, [LocatedDiagnostic], [(key: String, note: LocatedDiagnostic)]) {
        let prepared = try prepare(node, in: working, span: span, entryStart: entryStart, journal: journal)
        // The warnings the command line gives: numbers that are not finite, and kinks
        // (errors with `--kink error`).
        let kinkWarnings = prepared.evaluation.kinkWarnings
        if kinks == .error, !kinkWarnings.isEmpty {
            throw UserError(kinkWarnings.map(\.asError))
        }
        let warnings = prepared.evaluation.numericWarnings + kinkWarnings
        return (format.render(prepared.evaluation.result, prepared.options), warnings,
                earlierVersionNotes(wrt: prepared.wrt, cone: prepared.cone, of: node, in: working, span: span))
    }

    /// An expression made ready to print: its nodes alone, numbered as the command line
    /// numbers them, evaluated at the session's values, with the options that print it.
    struct PreparedExpression {
        /// The expression's nodes as a program of their own (named plainly for JSON).
        var program: Program
        var evaluation: Evaluation
        /// The session's options, with `:wrt`'s names as the program spells them.
        var options: OutputOptions
        /// The expression's nodes and the `:wrt` variables, in the session's program.
        var cone: [NodeID]
        var wrt: [NodeID]?
    }

    func prepare(_ node: NodeID, in working: Program, span: SourceSpan, entryStart: Int,
                 journal: ProgramJournal) throws(UserError) -> PreparedExpression {
        let tape = working.tape
        let wrt = try resolveWrt(in: working)
        // Only the expression's own nodes are visited: a query costs its size, not the session's.
        let cone = tape.cone(of: [node])
        let missing = cone.filter { tape.ops[Int($0)] == .variable && working.defaults[Int(tape.first[Int($0)])] == nil }
            .map { Int(tape.first[Int($0)]) }
        if !missing.isEmpty {
            throw missingValues(missing, of: node, in: working, span: span, entryStart: entryStart, journal: journal)
        }
        // Variables named by :wrt but unused here still get their (zero) gradient; one
        // with no value yet has no row to put it in.
        for variable in wrt ?? [] {
            let slot = Int(tape.first[Int(variable)])
            guard working.defaults[slot] != nil else {
                let name = tape.variableNames[slot]
                throw UserError(.error(.wrtWithoutValue(name)), in: nil)
            }
        }
        var (pruned, newIDs) = working.pruned(to: tape.expressionOrder(of: [node] + (wrt ?? []), keepingTogether: working.tensors.tapeRanges))
        pruned.output = newIDs[node]
        if format == .json {
            var plain = Program(source: pruned.source, tape: Self.plainNames(pruned.tape))
            (plain.defaults, plain.output) = (pruned.defaults, pruned.output)
            // Vectors and matrices stay shaped, as the command line's JSON has them.
            plain.context.tensors = pruned.context.tensors
            pruned = plain
        }
        let subtape = pruned.tape
        let evaluation = try Evaluation.run(pruned, bindings: [], kinks: kinks)
        try Interruption.check()
        var options = self.options
        options.wrt = wrt?.map { subtape.variableNames[Int(subtape.first[Int(newIDs[$0]!)])] }
        return PreparedExpression(program: pruned, evaluation: evaluation, options: options, cone: cone, wrt: wrt)
    }

    /// The variable nodes `:wrt` names: an input's latest version, or a free variable.
    private func resolveWrt(in program: Program) throws(UserError) -> [NodeID]? {
        // A vector or matrix input stands for its elements, as with --wrt.
        guard let names = program.elementNames(options.wrt) else { return nil }
        let tape = program.tape
        var nodes: [NodeID] = []
        for name in names {
            if let node = program.names[name] {
                guard tape.ops[Int(node)] == .variable else {
                    throw UserError(.error(.wrtNamesStep(name, option: ":wrt", help: "change it with :wrt, or :wrt alone for every node")),
                                    in: nil)
                }
                nodes.append(node)
            } else if let slot = tape.variableSlot(named: name) {
                nodes.append(tape.variableNodes[slot])
            } else {
                let known = tape.variableNames.filter { !$0.contains("#") }
                throw UserError(.error(.wrtNotSessionVariable(name, suggestion: NameSuggestion.nearest(to: name, among: known))), in: nil)
            }
        }
        // `:wrt W,W[1,2]` names W[1,2] twice, through W.
        if let repeated = CommaList.repeatedName(names) { throw UserError(.error(.wrtNamesTwice(repeated, option: ":wrt")), in: nil) }
        return nodes
    }

    /// "no value for the variable 'w'", under each use typed in this entry, else under
    /// the whole expression. A variable that came in through a step defined before it
    /// had a value stays free in that step (a later `w = 1` is a new version), so the
    /// help then says to define the step again.
    private func missingValues(_ slots: [Int], of node: NodeID, in program: Program, span: SourceSpan,
                               entryStart: Int, journal: ProgramJournal) -> UserError {
        let tape = program.tape
        let names = slots.map { tape.variableNames[$0] }
        let typedHere = slots.map { tape.spans[Int(tape.variableNodes[$0])] }.filter { Int($0.start) >= entryStart }
        let spans = typedHere.isEmpty ? [span] : Array(typedHere.prefix(NameList.shownNames))
        let list = NameList.quoted(names)
        var help = "give \(names.count == 1 ? "it a value" : "them values") first, such as: "
            + NameList.examples(names, separator: "; ") { "\($0) = 1" }
        if typedHere.count < names.count, let step = earlierStepLackingAValue(node, in: program, journal: journal) {
            let name = step.prefix(while: { $0 != "#" })
            help += ", then define \(name) again (it keeps the variables it was defined with)"
        }
        return UserError(.error(.missingValues(list, count: names.count, how: help), at: spans[0], also: Array(spans.dropFirst())),
                         in: program.source)
    }

    /// The first step defined before this entry (by its name then: `journal` knows
    /// what the entry renamed) that `node` reads and that depends on a variable with no
    /// value, found over `node`'s own nodes only.
    private func earlierStepLackingAValue(_ node: NodeID, in program: Program, journal: ProgramJournal) -> String? {
        let tape = program.tape
        var lacks: [NodeID: Bool] = [:]
        for id in tape.cone(of: [node]) {
            let i = Int(id)
            let lacking = tape.ops[i] == .variable
                ? program.defaults[Int(tape.first[i])] == nil
                : tape.inputs(of: id).contains { lacks[$0] == true }
            lacks[id] = lacking
            if lacking, let name = journal.nameBeforeEntry(of: id, now: tape.stepNames[id]) { return name }
        }
        return nil
    }
}
