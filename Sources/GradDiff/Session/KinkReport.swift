/// Warns when a node is evaluated exactly where its derivative does not exist: abs or
/// relu at 0, min or max at a tie. The gradient there follows `--kink` (by default
/// abs'(0) = 0, relu'(0) = 0, a tie sends the gradient to the first argument); the
/// warning gives the one-sided derivatives (from the rule table) and says which was used.
enum KinkReport {
    static let limit = 3

    static func warnings(for evaluation: Evaluation) -> [LocatedDiagnostic] {
        let result = evaluation.result
        let tape = result.tape
        var warnings: [LocatedDiagnostic] = []
        guard !result.kinkNodes.isEmpty else { return warnings }
        let label = result.warningLabels()
        for id in result.kinkNodes.prefix(limit) {
            let inputs = tape.inputs(of: id)
            guard let message = kink(tape.ops[Int(id)], inputs.map { result.values[Int($0)] }, inputs.map(label),
                                     result.kinkConvention) else { continue }
            warnings.append(LocatedDiagnostic(.warning(.atKink(label(id), message.what, derivatives: message.derivatives),
                                                       at: tape.spans[Int(id)]),
                                              in: evaluation.program.source))
        }
        let kinks = result.kinkNodes.count
        if kinks > limit {
            warnings.append(LocatedDiagnostic(.warning(.moreKinks(kinks - limit)), in: nil))
        }
        return warnings
    }

    private static func kink(_ op: Op, _ inputs: [Double], _ names: [String],
                             _ convention: KinkConvention) -> (what: String, derivatives: String)? {
        let a = inputs[0], b = inputs.count > 1 ? inputs[1] : 0
        guard let sides = op.oneSidedPartials(a, b) else { return nil }
        func number(_ value: Double) -> String { NumberFormat.shortest(value) }
        let chosen = NumericPartials(kinks: convention).of(op, a, b, output: op.value(a, b))
        let used = op.arity == 1 ? number(chosen.0) : "\(number(chosen.0)) and \(number(chosen.1))"
        let how = convention == .error
            ? "choose one with --kink zero, left, right or mean"
            : "graddiff uses \(used) (--kink \(convention.rawValue))"
        if op.arity == 1 {
            return ("\(op.name)(\(names[0])) at \(names[0]) = 0",
                    "the derivative is \(number(sides.left.0)) from the left and \(number(sides.right.0)) from the right; \(how)")
        }
        return ("\(op.name)(\(names[0]), \(names[1])) with both arguments \(number(a))",
                "the partials are \(number(sides.left.0)) and \(number(sides.left.1)) from the left, \(number(sides.right.0)) and \(number(sides.right.1)) from the right; \(how)")
    }
}
