/// Warns where nan and ±inf first appear (`NonFiniteOrigins`, found by the passes): the
/// inputs bound to one, the nodes that became one from finite inputs, or, when every
/// value is finite, where the backward pass first did.
enum NonFiniteReport {
    /// At most this many origins are named; the rest are counted.
    static let limit = 3

    static func warnings(for evaluation: Evaluation) -> [LocatedDiagnostic] {
        let result = evaluation.result
        let tape = result.tape
        let values = result.values
        let origins = result.nonFinite.forward
        var text: NodeText?  // made only when there is something to report
        var labels: ((NodeID) -> String)?  // the same: in a vector program, a pass over the tape
        func label(_ id: NodeID) -> String {
            if labels == nil { labels = result.warningLabels() }
            return labels!(id)
        }
        var warnings: [LocatedDiagnostic] = []
        let shown = origins.lazy.filter { tape.ops[Int($0)] != .variable || !evaluation.explainedInputs.contains(Int(tape.first[Int($0)])) }
        for id in shown.prefix(limit) {
            let i = Int(id)
            if tape.ops[i] == .variable {
                // An input bound to nan or inf is where it came from, quoted as it was
                // given (a literal too large for a double has its own warning from the
                // parser instead, which Evaluation files with these).
                let name = tape.label(of: id)
                let value = NumberFormat.shortest(values[i])
                let given = givenText(of: Int(tape.first[i]), in: evaluation) ?? value
                warnings.append(LocatedDiagnostic(.warning(.nonFiniteInput(name, value: value, given: given), at: tape.spans[i]),
                                                  in: evaluation.program.source))
                continue
            }
            if text == nil { text = NodeText(tape) }
            let inputs = tape.inputs(of: id)
            let shownInputs = inputs.map { "\(label($0)) = \(NumberFormat.shortest(values[Int($0)]))" }
            warnings.append(LocatedDiagnostic(
                .warning(.nonFiniteNode(label(id), text: text![id], value: NumberFormat.shortest(values[i]), inputs: shownInputs),
                         at: tape.spans[i]),
                in: evaluation.program.source))
        }
        let count = shown.count
        if count > limit {
            warnings.append(LocatedDiagnostic(.warning(.moreNonFinite(count - limit)), in: nil))
        }
        if let origin = result.nonFinite.backward {
            warnings.append(backwardWarning(origin, evaluation))
        }
        return warnings
    }

    /// How the value of the input in `slot` was written: its binding's value (`x=1/0`)
    /// or the expression of its declaration (`w = 1/0`); nil when neither gave it.
    private static func givenText(of slot: Int, in evaluation: Evaluation) -> String? {
        if let text = evaluation.boundTexts[slot] { return text }
        let program = evaluation.program
        guard program.defaults[slot] != nil, let span = program.declarations[slot] else { return nil }
        let bytes = program.source.bytes[Int(span.start)..<Int(span.end)]
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        return program.source.text(of: SourceSpan(start: equals + 1, end: Int(span.end))).trimmingSpaces()
    }

    /// The first place the backward pass turns a finite gradient into nan or ±inf.
    private static func backwardWarning(_ origin: NonFiniteOrigins.BackwardOrigin, _ evaluation: Evaluation) -> LocatedDiagnostic {
        let tape = evaluation.result.tape
        let values = evaluation.result.values
        let label = evaluation.result.warningLabels()
        let id = origin.node
        let inputs = tape.inputs(of: id)
        // The rule's formula over the inputs' labels, as written (no constant folded in).
        let algebra = FormulaAlgebra()
        let formula = tape.ops[Int(id)].partials(algebra.symbol(label(inputs[0])),
                                                 algebra.symbol(inputs.count > 1 ? label(inputs[1]) : "_"),
                                                 output: algebra.symbol(label(id)), in: algebra)
        let partialText = (origin.input == inputs[0] ? formula.0 : formula.1).text
        let shownInputs = inputs.map { "\(label($0)) = \(NumberFormat.shortest(values[Int($0)]))" }
        let message = Message.nonFiniteGradient(
            NumberFormat.shortest(origin.contribution), at: label(id), text: NodeText(tape)[id],
            received: NumberFormat.shortest(origin.received), partialName: "∂\(label(id))/∂\(label(origin.input))",
            partial: partialText, value: NumberFormat.shortest(origin.partial), inputs: shownInputs)
        return LocatedDiagnostic(.warning(message, at: tape.spans[Int(id)]), in: evaluation.program.source)
    }
}
