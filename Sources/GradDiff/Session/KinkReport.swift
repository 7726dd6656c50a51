/// Warns when a node is evaluated exactly where its derivative does not exist: abs or
/// relu at 0, min or max at a tie. The gradient there follows graddiff's convention
/// (abs'(0) = 0, relu'(0) = 0, a tie sends the gradient to the first argument); the
/// warning gives the one-sided derivatives so the reader knows what was chosen.
enum KinkReport {
    static let limit = 3

    static func warnings(for evaluation: Evaluation) -> [LocatedDiagnostic] {
        let tape = evaluation.tape
        let values = evaluation.values
        let reaches = evaluation.reachesOutput()
        var warnings: [LocatedDiagnostic] = []
        var kinks = 0
        for i in 0..<tape.count where reaches[i] {
            switch tape.ops[i] {
            case .abs, .relu, .min, .max: break
            default: continue
            }
            let inputs = tape.inputs(of: NodeID(i))
            guard let message = kink(tape.ops[i], inputs.map { values[Int($0)] }, inputs.map { tape.label(of: $0) }) else { continue }
            kinks += 1
            guard kinks <= limit else { continue }
            warnings.append(LocatedDiagnostic(
                .warning("\(tape.label(of: NodeID(i))) is evaluated at a kink: \(message.what)", at: tape.spans[i],
                         help: message.derivatives),
                in: evaluation.program.source))
        }
        if kinks > limit {
            warnings.append(LocatedDiagnostic(.warning("\(kinks - limit) more nodes are evaluated at a kink"), in: nil))
        }
        return warnings
    }

    private static func kink(_ op: Op, _ inputs: [Double], _ names: [String]) -> (what: String, derivatives: String)? {
        switch op {
        case .abs where inputs[0] == 0:
            return ("abs(\(names[0])) at \(names[0]) = 0",
                    "the derivative is -1 from the left and 1 from the right; graddiff uses 0")
        case .relu where inputs[0] == 0:
            return ("relu(\(names[0])) at \(names[0]) = 0",
                    "the derivative is 0 from the left and 1 from the right; graddiff uses 0")
        case .min where inputs[0] == inputs[1], .max where inputs[0] == inputs[1]:
            let value = NumberFormat.shortest(inputs[0])
            return ("\(op.name)(\(names[0]), \(names[1])) with both arguments \(value)",
                    "the partials are 1 and 0 on one side and 0 and 1 on the other; graddiff sends the gradient to \(names[0])")
        default:
            return nil
        }
    }
}
