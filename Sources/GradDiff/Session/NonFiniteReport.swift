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
        var warnings: [LocatedDiagnostic] = []
        for id in origins.prefix(limit) {
            let i = Int(id)
            if tape.ops[i] == .variable {
                // An input bound to nan or inf is where it came from (a literal too large
                // for a double has its own warning from the parser, which Evaluation files
                // with these).
                let name = tape.label(of: id)
                warnings.append(LocatedDiagnostic(.warning(.nonFiniteInput(name, value: NumberFormat.shortest(values[i])),
                                                           at: tape.spans[i]),
                                                  in: evaluation.program.source))
                continue
            }
            if text == nil { text = NodeText(tape) }
            let inputs = tape.inputs(of: id)
            let shownInputs = inputs.map { "\(tape.label(of: $0)) = \(NumberFormat.shortest(values[Int($0)]))" }
            warnings.append(LocatedDiagnostic(
                .warning(.nonFiniteNode(tape.label(of: id), text: text![id], value: NumberFormat.shortest(values[i]), inputs: shownInputs),
                         at: tape.spans[i]),
                in: evaluation.program.source))
        }
        if origins.count > limit {
            warnings.append(LocatedDiagnostic(.warning(.moreNonFinite(origins.count - limit)), in: nil))
        }
        if let origin = result.nonFinite.backward {
            warnings.append(backwardWarning(origin, evaluation))
        }
        return warnings
    }

    /// The first place the backward pass turns a finite gradient into nan or ±inf.
    private static func backwardWarning(_ origin: NonFiniteOrigins.BackwardOrigin, _ evaluation: Evaluation) -> LocatedDiagnostic {
        let tape = evaluation.result.tape
        let values = evaluation.result.values
        let id = origin.node
        let inputs = tape.inputs(of: id)
        // The rule's formula over the inputs' labels, as written (no constant folded in).
        let algebra = FormulaAlgebra()
        let formula = tape.ops[Int(id)].partials(algebra.symbol(tape.label(of: inputs[0])),
                                                 algebra.symbol(inputs.count > 1 ? tape.label(of: inputs[1]) : "_"),
                                                 output: algebra.symbol(tape.label(of: id)), in: algebra)
        let partialText = (origin.input == inputs[0] ? formula.0 : formula.1).text
        let shownInputs = inputs.map { "\(tape.label(of: $0)) = \(NumberFormat.shortest(values[Int($0)]))" }
        let message = Message.nonFiniteGradient(
            NumberFormat.shortest(origin.contribution), at: tape.label(of: id), text: NodeText(tape)[id],
            received: NumberFormat.shortest(origin.received), partialName: "∂\(tape.label(of: id))/∂\(tape.label(of: origin.input))",
            partial: partialText, value: NumberFormat.shortest(origin.partial), inputs: shownInputs)
        return LocatedDiagnostic(.warning(message, at: tape.spans[Int(id)]), in: evaluation.program.source)
    }
}
