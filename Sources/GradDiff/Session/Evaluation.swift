/// The pipeline from a parsed program and command-line bindings to values and
/// gradients: bind inputs, run the forward pass, run the backward pass from the
/// output, and collect what deserves a warning.
public struct Evaluation: Sendable {
    public let program: Program
    /// What the passes computed: the value every formatter reads.
    public let result: PassResult
    /// Warnings about the program and bindings (unused bindings and steps).
    public var warnings: [LocatedDiagnostic] = []
    /// Warnings about numbers (nan, inf); `--strict` makes these errors.
    public var numericWarnings: [LocatedDiagnostic] = []
    /// Nodes evaluated exactly at a kink (also among `warnings`); `--kink error` makes
    /// these errors.
    public var kinkWarnings: [LocatedDiagnostic] = []

    public var tape: Tape { result.tape }
    public var output: NodeID { result.output }
    /// Each variable's value, by slot.
    public var variableValues: [Double] { result.variableValues }
    public var values: [Double] { result.values }
    public var gradients: [Double] { result.gradients }
    /// The derivative sent backward at kinks (`--kink`).
    var kinkConvention: KinkConvention { result.kinkConvention }
    /// The gradient of the output with respect to each variable, by slot.
    var variableGradients: [Double] { result.variableGradients }
    /// Each bound input's value as typed (`1e400`, `2*pi`), by slot, where it is nan or
    /// inf, for the report of such an input (a declared one's is read from the program's text).
    var boundTexts: [Int: String] = [:]
    /// Inputs whose non-finite value a literal's warning already explains (`x=1e400`).
    var explainedInputs: Set<Int> = []

    /// Evaluates `program` at `bindings`, differentiating the statement named
    /// `outputName` (or the last statement).
    /// `forJacobian` (`--jacobian`): a vector or matrix output is differentiated from
    /// its last element (`Jacobian` runs the others), and a step it does not use is
    /// said to have no row (no step is printed). `jacobianRows` are the steps a Jacobian
    /// of several outputs differentiates (`--output p,q`): each uses what it reads.
    /// `unusedSteps` says what becomes of a step the output does not use, where neither
    /// the node table nor a Jacobian is the reader (`minimize`).
    public static func run(_ program: Program, bindings: [Binding], outputName: String? = nil,
                           kinks: KinkConvention = .zero, forJacobian: Bool = false,
                           jacobianRows: [NodeID] = [], unusedSteps: Message.UnusedStepFate? = nil) throws(UserError) -> Evaluation {
        let tape = program.tape
        let tensorOutput = forJacobian ? program.tensorOutput(named: outputName) : nil
        let output: NodeID
        if let tensorOutput { output = program.tensors.elements(of: tensorOutput).last! } else { output = try program.outputNode(named: outputName) }
        var values = Array(repeating: Double.nan, count: tape.variableNames.count)
        var bound = Array(repeating: false, count: tape.variableNames.count)
        for (slot, value) in program.defaults {
            values[slot] = value
            bound[slot] = true
        }
        var warnings: [LocatedDiagnostic] = []
        var errors: [LocatedDiagnostic] = []
        // Each name's first binding, by index: a batch of 10^5 columns binds as many names.
        var seen: [String: Int] = [:]
        seen.reserveCapacity(bindings.count)
        var unused: [Binding] = []
        var bindingWarnings: [(slot: Int?, warning: LocatedDiagnostic)] = []
        var boundTexts: [Int: String] = [:]
        for (index, binding) in bindings.enumerated() {
            if let firstIndex = seen[binding.name] {
                let earlier = bindings[firstIndex]
                let first = earlier.source.text(of: SourceSpan(start: 0, end: earlier.source.bytes.count))
                let second = binding.source.text(of: SourceSpan(start: 0, end: binding.source.bytes.count))
                errors.append(LocatedDiagnostic(.error(.boundTwice(binding.name, first: first, second: second), at: binding.nameSpan),
                                                in: binding.source))
                continue
            }
            seen[binding.name] = index
            bindingWarnings += binding.warnings.map { (tape.variableSlot(named: binding.name), LocatedDiagnostic($0, in: binding.source)) }
            if bindTensor(binding, program, &values, &bound, &errors) { continue }
            if let slot = tape.variableSlot(named: binding.name) {
                values[slot] = binding.value
                bound[slot] = true
                // Kept only where a report may quote it: 10^5 batch columns would pay a string each.
                if !binding.value.isFinite { boundTexts[slot] = binding.valueText }
            } else if program.names[binding.name] != nil {
                errors.append(LocatedDiagnostic(.error(.stepBound(binding.name), at: binding.nameSpan), in: binding.source))
            } else {
                unused.append(binding)
            }
        }
        let missing = (0..<tape.variableNames.count).filter { !bound[$0] }
        // An unused binding may be a misspelled variable, but only one still without a
        // value: suggesting a name that is already bound points the wrong way.
        let unbound = missing.map { tape.variableNames[$0] }
        var misspelled: [String: Binding] = [:]
        let variables = unused.isEmpty ? [] : tape.variableNames.filter { !$0.contains("#") }
        for binding in unused {
            let suggestion = NameSuggestion.nearest(to: binding.name, among: unbound)
            if let suggestion, misspelled[suggestion] == nil { misspelled[suggestion] = binding }
            warnings.append(LocatedDiagnostic(.warning(.boundButUnused(binding.name, suggestion: suggestion, variables: variables),
                                                       at: binding.nameSpan), in: binding.source))
        }
        if !missing.isEmpty {
            let names = missingNames(missing, program)
            let spans = missing.prefix(NameList.shownNames).map { tape.spans[Int(tape.variableNodes[$0])] }
            let list = NameList.quoted(names)
            let example = NameList.examples(names) { bindingExample($0, program) }
            var how = "bind \(names.count == 1 ? "it" : "them") after the expression, such as: \(example)"
            if names == ["T"], let base = Self.tensorRaised(to: tape.variableNodes[missing[0]], in: program) {
                // W^T for the transpose: a power with a variable T.
                how = Message.caretTransposeHelp(base)
            } else if let variable = names.first(where: { misspelled[$0] != nil }), let binding = misspelled[variable] {
                let text = binding.source.text(of: SourceSpan(start: 0, end: binding.source.bytes.count))
                let value = text.drop(while: { $0 != "=" })
                how = Message.misspelledBinding(text, binds: binding.name, not: variable, fixed: variable + value,
                                                alone: names.count == 1, otherwise: how)
            }
            errors.append(LocatedDiagnostic(.error(.missingValues(list, count: names.count, how: how),
                                                   at: spans[0], also: Array(spans.dropFirst())),
                                            in: program.source))
        }
        if !errors.isEmpty { throw UserError(errors) }

        let result = PassResult(tape, output: output, variables: values, kinks: kinks, tensors: program.tensors)
        var evaluation = Evaluation(program: program, result: result)
        evaluation.boundTexts = boundTexts
        // A literal too large for a double (1e999) is where an inf comes from: its parser
        // warning counts as a numeric one, which --strict makes an error; so does that of
        // a binding (x=1e999) or declaration (w = 1e999) of an input the output reads,
        // whose own "'x' is inf" it makes redundant.
        let reaches = result.reachesOutput
        let infiniteLiterals = Set((0..<tape.count).filter {
            reaches[$0] && tape.ops[$0] == .constant && !result.values[$0].isFinite
        }.map { tape.spans[$0] })
        // Inputs the output reads whose value is not finite: one a literal explains.
        // Only worth finding when a warning may explain one (a batch's first evaluation has
        // every column's variable nan: 10^5 of them would cost megabytes for nothing).
        let infiniteInputs = bindingWarnings.isEmpty && program.warnings.isEmpty ? []
            : Set(tape.variableNodes.indices.filter { reaches[Int(tape.variableNodes[$0])] && !values[$0].isFinite })
        let (literalBindings, otherBindings) = (bindingWarnings.filter { $0.slot.map(infiniteInputs.contains) == true },
                                                bindingWarnings.filter { $0.slot.map(infiniteInputs.contains) != true })
        evaluation.explainedInputs = Set(literalBindings.compactMap(\.slot))
        // Their declarations by where they start, searched by halves: 10^5 declarations of
        // 1e999 with as many warnings must not take 10^10 steps.
        let declarations = infiniteInputs.compactMap { slot in program.declarations[slot].map { (slot: slot, span: $0) } }
            .sorted { $0.span.start < $1.span.start }
        func explains(_ warning: Diagnostic) -> Bool {
            guard let span = warning.span else { return false }
            if infiniteLiterals.contains(span) { return true }
            var (low, high) = (0, declarations.count)  // the first declaration starting after the warning
            while low < high {
                let middle = (low + high) / 2
                if declarations[middle].span.start <= span.start { low = middle + 1 } else { high = middle }
            }
            guard low > 0, span.end <= declarations[low - 1].span.end else { return false }
            evaluation.explainedInputs.insert(declarations[low - 1].slot)
            return true
        }
        let (literal, other) = (program.warnings.filter(explains), program.warnings.filter { !explains($0) })
        evaluation.warnings = other.map { LocatedDiagnostic($0, in: program.source) } + otherBindings.map(\.warning) + warnings
        // A vector or matrix output, or several, use what any of them reads, not only what
        // the last (the passes' output) does.
        let outputs = tensorOutput.map { Array(program.tensors.elements(of: $0)) } ?? jacobianRows
        let used = outputs.isEmpty ? reaches : tape.dependencies(of: outputs)
        let fate = unusedSteps ?? (forJacobian ? .noJacobianRow : .stillPrinted)
        evaluation.warnings += evaluation.unusedStepWarnings(used, fate) + evaluation.unusedTensorStepWarnings(used, fate)
        evaluation.numericWarnings = literal.map { LocatedDiagnostic($0, in: program.source) } + literalBindings.map(\.warning)
            + NonFiniteReport.warnings(for: evaluation)
        evaluation.kinkWarnings = KinkReport.warnings(for: evaluation)
        evaluation.warnings += evaluation.kinkWarnings
        return evaluation
    }

    /// The scalar steps `used` (by node) does not mark.
    private func unusedStepWarnings(_ used: [Bool], _ fate: Message.UnusedStepFate) -> [LocatedDiagnostic] {
        var warnings: [LocatedDiagnostic] = []
        let unused = program.steps.filter { !used[Int($0.node)] }
        // A generated program can leave 10^5 steps unused: a few say it, one line counts the rest.
        let shown = 5
        for step in unused.prefix(shown) {
            let what = step.name.isEmpty ? "this expression's value" : "'\(step.name)'"
            warnings.append(LocatedDiagnostic(.warning(.unusedByOutput(what, fate), at: step.span), in: program.source))
        }
        if unused.count > shown {
            warnings.append(LocatedDiagnostic(.warning(.moreUnusedSteps(unused.count - shown)), in: nil))
        }
        return warnings
    }

    /// The vector or matrix an element of which is raised to variable node `node` (`W`
    /// of `W^T`), if any. Only on the way to an error: it may visit the whole tape.
    private static func tensorRaised(to node: NodeID, in program: Program) -> String? {
        let tape = program.tape
        for i in tape.ops.indices where tape.ops[i] == .power && tape.second[i] == node {
            for id in 0..<Int32(program.tensors.count) where program.tensors.elements(of: id).contains(tape.first[i]) {
                return program.tensors.label(of: id)
            }
        }
        return nil
    }
}

extension Evaluation {
    /// The program's text and this evaluation's warnings, for an HTML page.
    public var pageNotes: PageNotes {
        PageNotes(source: program.source, warnings: warnings, kinkWarnings: kinkWarnings, numericWarnings: numericWarnings)
    }
}
