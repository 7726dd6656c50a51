/// Which node a command differentiates: the last statement's, or the step `--output`
/// names. One check for every command, so each says the same.
extension Program {
    public func outputNode(named name: String?) throws(UserError) -> NodeID {
        guard let name else {
            if let id = tensors.output { throw tensorOutputError(id) }
            guard let output else {
                throw UserError(.error(functions.isEmpty ? .emptyExpression : .onlyFunctions), in: source)
            }
            return output
        }
        if let node = names[name] { return node }
        if let node = Self.version(name, among: steps) { return node }
        if let id = tensorOutput(named: name) { throw tensorOutputError(id) }
        if functions[name] != nil { throw UserError(.error(.outputNamesFunction(name)), in: nil) }
        let steps = (self.steps.map(\.name) + tensors.steps.map(\.name)).filter { !$0.isEmpty }
        throw UserError(.error(.outputUndefined(name, suggestion: NameSuggestion.nearest(to: name, among: steps), steps: steps)),
                        in: nil)
    }

    /// The label the node table gives the step `name` names (for the Jacobian's rows): a
    /// name assigned more than once means its latest version (`c` is `c#2`), and `c#1`
    /// names the first, which the table calls `c`.
    public func outputLabel(named name: String) -> String {
        if names[name] != nil, let count = versionCounts[name], count > 1 { return "\(name)#\(count)" }
        if names[name] == nil, name.hasSuffix("#1") { return String(name.dropLast(2)) }
        return name
    }

    /// The vector or matrix the output is (the last statement's, or the step `name`), if
    /// it is one.
    public func tensorOutput(named name: String?) -> Int32? {
        guard let name else { return tensors.output }
        guard names[name] == nil else { return nil }
        if let id = tensors.scope[name] { return id }
        return Self.version(name, among: tensors.steps)
    }

    /// The node of a step's version by its label (`c#2`), or `c#1` for the first, which
    /// the table calls c.
    private static func version<Node>(_ name: String, among steps: [(name: String, node: Node, span: SourceSpan)]) -> Node? {
        if let step = steps.last(where: { $0.name == name }) { return step.node }
        if name.hasSuffix("#1"), let step = steps.first(where: { $0.name == name.dropLast(2) }) { return step.node }
        return nil
    }

    /// Checks that every name in `wrt` is a variable of the program: one check for every
    /// command, so each says the same.
    public func validate(wrt: [String]?) throws(UserError) {
        for name in wrt ?? [] where tape.variableSlot(named: name) == nil && tensors.input(named: name) == nil {
            let message: Message = names[name] != nil
                ? .wrtNamesStep(name, help: Message.didYouMean(NameSuggestion.nearest(to: name, among: tape.variableNames))
                                    ?? "its variables are \(NameList.plain(tape.variableNames))")
                : .wrtNamesNoVariable(name, suggestion: NameSuggestion.nearest(to: name, among: tape.variableNames),
                                      variables: tape.variableNames)
            throw UserError(.error(message), in: nil)
        }
        // A vector or matrix names its elements: `W,W[1,2]` names W[1,2] twice.
        if let elements = elementNames(wrt), let repeated = CommaList.repeatedName(elements) {
            throw UserError(.error(.wrtNamesTwice(repeated)), in: nil)
        }
    }
}
