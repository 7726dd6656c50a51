/// What a program was before some statements were parsed into it, so they can be taken
/// back: a REPL entry is all or nothing. Parsing changes the program in place (so an
/// entry costs its own length, not the session's); this keeps the counts to truncate
/// to (nodes, constants, note texts, variables, functions, steps, warnings, text), and
/// the first earlier value of every name, version count and node name the statements
/// changed.
struct ProgramJournal: Sendable {
    let emptySource: SourceText?
    let sourceByteCount: Int
    let tapeCount: Int
    let constantCount: Int
    let noteTextCount: Int
    let variableCount: Int
    let functionCount: Int
    let stepCount: Int
    let warningCount: Int
    let output: NodeID?
    let tensors: TensorGraph.Mark
    private(set) var names: [String: NodeID?] = [:]
    private(set) var versionCounts: [String: Int?] = [:]
    private(set) var stepNames: [NodeID: String?] = [:]

    init(_ program: Program) {
        emptySource = program.source.bytes.isEmpty ? program.source : nil
        sourceByteCount = program.source.bytes.count
        tapeCount = program.tape.count
        constantCount = program.tape.constants.count
        noteTextCount = program.tape.noteTexts.count
        variableCount = program.tape.variableNames.count
        functionCount = program.functions.templates.count
        stepCount = program.steps.count
        warningCount = program.warnings.count
        output = program.output
        tensors = program.context.tensors.mark()
    }

    /// Records `name`'s node before it is bound anew (the first time only).
    mutating func willRebind(_ name: String, from node: NodeID?) {
        if names[name] == nil { names[name] = .some(node) }
    }

    mutating func willCount(_ name: String, from count: Int?) {
        if versionCounts[name] == nil { versionCounts[name] = .some(count) }
    }

    /// The step name `node` had before the entry: nil for a node the entry made.
    func nameBeforeEntry(of node: NodeID, now name: String?) -> String? {
        guard Int(node) < tapeCount else { return nil }
        if let earlier = stepNames[node] { return earlier }
        return name
    }

    /// Records an older node's step name before a statement names it.
    mutating func willRename(_ node: NodeID, from name: String?) {
        if Int(node) < tapeCount, stepNames[node] == nil { stepNames[node] = .some(name) }
    }
}

extension Program {
    /// Puts the program back as it was when `journal` was made.
    mutating func restore(_ journal: ProgramJournal) {
        for slot in journal.variableCount..<tape.variableNames.count {
            defaults[slot] = nil
            declarations[slot] = nil
        }
        builder.rollBack(toNodes: journal.tapeCount, constants: journal.constantCount, noteTexts: journal.noteTextCount)
        for (node, name) in journal.stepNames { builder.setStepName(node, name) }
        for (name, node) in journal.names { names[name] = node }
        for (name, count) in journal.versionCounts { versionCounts[name] = count }
        functions.truncate(to: journal.functionCount)
        steps.removeLast(steps.count - journal.stepCount)
        warnings.removeLast(warnings.count - journal.warningCount)
        output = journal.output
        context.tensors.restore(journal.tensors)
        if let empty = journal.emptySource {
            source = empty
        } else {
            source.truncate(toByteCount: journal.sourceByteCount)
        }
    }
}
