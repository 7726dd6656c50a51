/// Finds where nan and ±inf first appear: in the forward pass, the nodes whose value is
/// not finite although all their inputs are (domain errors such as log(-1), sqrt(-1),
/// 1/0); in the backward pass, when every value is finite, the first node (in the order
/// the pass runs) that sends a non-finite gradient from a finite one, with the local
/// partial that did it (sqrt at 0, or 0 times an infinite partial).
enum NonFiniteReport {
    /// At most this many origins are named; the rest are counted.
    static let limit = 3

    static func warnings(for evaluation: Evaluation) -> [LocatedDiagnostic] {
        let tape = evaluation.tape
        let values = evaluation.values
        let reaches = evaluation.reachesOutput()
        var text: NodeText?  // made only when there is something to report
        var warnings: [LocatedDiagnostic] = []
        var origins = 0
        for i in 0..<tape.count where reaches[i] && !values[i].isFinite {
            let inputs = tape.inputs(of: NodeID(i))
            if tape.ops[i] == .variable {
                // An input bound to nan or inf is where it came from (a literal too large
                // for a double has its own warning from the parser, which Evaluation files
                // with these).
                origins += 1
                guard origins <= limit else { continue }
                let name = tape.label(of: NodeID(i))
                warnings.append(LocatedDiagnostic(
                    .warning("'\(name)' is \(NumberFormat.shortest(values[i]))", at: tape.spans[i],
                             help: "its value was given as \(NumberFormat.shortest(values[i]))"),
                    in: evaluation.program.source))
                continue
            }
            guard !inputs.isEmpty, inputs.allSatisfy({ values[Int($0)].isFinite }) else { continue }
            origins += 1
            guard origins <= limit else { continue }
            if text == nil { text = NodeText(tape) }
            let shownInputs = inputs.map { "\(tape.label(of: $0)) = \(NumberFormat.shortest(values[Int($0)]))" }
            warnings.append(LocatedDiagnostic(
                .warning("\(tape.label(of: NodeID(i))) = \(text![NodeID(i)]) is \(NumberFormat.shortest(values[i]))",
                         at: tape.spans[i], help: "its input\(inputs.count == 1 ? " is" : "s are") \(shownInputs.joined(separator: ", "))"),
                in: evaluation.program.source))
        }
        if origins > limit {
            warnings.append(LocatedDiagnostic(.warning("\(origins - limit) more nodes became nan or inf"), in: nil))
        }
        if origins == 0, let origin = backwardOrigin(evaluation, reaches) {
            warnings.append(origin)
        }
        return warnings
    }

    /// The first place the backward pass turns a finite gradient into nan or ±inf.
    private static func backwardOrigin(_ evaluation: Evaluation, _ reaches: [Bool]) -> LocatedDiagnostic? {
        let tape = evaluation.tape
        let values = evaluation.values
        guard values.indices.allSatisfy({ !reaches[$0] || values[$0].isFinite }) else { return nil }
        let gradients = evaluation.gradients
        guard tape.variableNodes.contains(where: { reaches[Int($0)] && !gradients[Int($0)].isFinite }) else { return nil }
        // Replay the pass, watching each node's gradient as it arrives.
        var received = Array(repeating: 0.0, count: tape.count)
        received[Int(evaluation.output)] = 1
        for i in stride(from: Int(evaluation.output), through: 0, by: -1) where reaches[i] {
            let inputs = tape.inputs(of: NodeID(i))
            guard !inputs.isEmpty, received[i].isFinite else { continue }
            let op = tape.ops[i]
            let a = values[Int(inputs[0])]
            let b = inputs.count > 1 ? values[Int(inputs[1])] : 0
            let (partialA, partialB) = op.numericPartials(a, b, output: values[i], kinks: evaluation.kinkConvention)
            for (input, partial) in zip(inputs, [partialA, partialB]) {
                let contribution = received[i] * partial
                received[Int(input)] += contribution
                guard !contribution.isFinite else { continue }
                let id = NodeID(i)
                let formula = op.partials(FormulaAlgebra().symbol(tape.label(of: inputs[0])),
                                          FormulaAlgebra().symbol(inputs.count > 1 ? tape.label(of: inputs[1]) : "_"),
                                          output: FormulaAlgebra().symbol(tape.label(of: id)), in: FormulaAlgebra())
                let partialText = (input == inputs[0] ? formula.0 : formula.1).text
                let shownInputs = inputs.map { "\(tape.label(of: $0)) = \(NumberFormat.shortest(values[Int($0)]))" }
                return LocatedDiagnostic(
                    .warning("the backward pass first becomes \(NumberFormat.shortest(contribution)) at \(tape.label(of: id)) = \(NodeText(tape)[id]): "
                             + "its gradient \(NumberFormat.shortest(received[i])) times ∂\(tape.label(of: id))/∂\(tape.label(of: input)) = \(partialText) = \(NumberFormat.shortest(partial))",
                             at: tape.spans[i],
                             help: "there \(shownInputs.joined(separator: ", ")); the value is finite but not differentiable here"),
                    in: evaluation.program.source)
            }
        }
        return nil
    }
}
