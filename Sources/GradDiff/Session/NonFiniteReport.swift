/// Finds where nan and ±inf first appear: the nodes whose value is not finite although
/// all their inputs are (domain errors such as log(-1), sqrt(-1), 1/0), and the
/// variables whose gradient is not finite.
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
        if origins == 0 {
            for (slot, node) in tape.variableNodes.enumerated() where reaches[Int(node)] {
                let gradient = evaluation.gradients[Int(node)]
                guard !gradient.isFinite else { continue }
                warnings.append(LocatedDiagnostic(
                    .warning("the gradient with respect to \(tape.variableNames[slot]) is \(NumberFormat.shortest(gradient))",
                             at: tape.spans[Int(node)],
                             help: "the output is not differentiable here (for example sqrt at 0), or a zero met an infinity"),
                    in: evaluation.program.source))
            }
        }
        return warnings
    }
}
