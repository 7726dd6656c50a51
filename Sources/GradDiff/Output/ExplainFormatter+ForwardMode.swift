extension ExplainFormatter {
    /// Forward mode as it runs, up the tape beside the values: each node's tangent
    /// (its derivative along the direction) from its inputs' tangents and the same
    /// local partials the backward pass uses, then what both modes cost:
    ///
    ///     forward mode: each node's tangent ṅ = Σ ∂n/∂input · (input's tangent), inputs first
    ///     ẋ = 1
    ///     ṗ = ∂p/∂x · ẋ + ∂p/∂y · ẏ = 1 · ẋ + 1 · ẏ = 1 · 1 + 1 · 0 = 1
    ///     ġ = ∂g/∂p · ṗ + ∂g/∂z · ż = z · ṗ + p · ż = (-3) · 1 + 4 · 0 = -3
    ///
    /// Inputs whose tangent is exactly zero (constants, variables the direction does not
    /// move) send nothing and are left out of the sums.
    public func forwardMode(direction: [Double]) -> String {
        let tangents = TangentPass.run(tape, values: result.values, direction: direction, kinks: result.kinkConvention)
        var moves = [Bool](repeating: false, count: tape.count)
        var text = "forward mode: each node's tangent ṅ = Σ ∂n/∂input · (input's tangent), inputs first\n"
        let shownVariables = tape.variableNodes.filter { Int($0) <= Int(result.output) }
        let labelWidth = Swift.min(shownVariables.map { TangentReport.dotted(tape.label(of: $0)).columns }.max() ?? 0, 16)
        for node in shownVariables {
            moves[Int(node)] = direction[Int(tape.first[Int(node)])] != 0
            text += chain(TangentReport.dotted(tape.label(of: node)).padded(to: labelWidth) + " = ", [number(tangents[Int(node)])])
        }
        for i in 0...Int(result.output) where tape.ops[i].arity > 0 {
            let id = NodeID(i)
            let partials = result.localPartials(of: id).filter { moves[Int($0.input)] }
            guard !partials.isEmpty else { continue }
            moves[i] = true
            let node = tape.label(of: id)
            let symbols = partials.map { "∂\(node)/∂\(tape.label(of: $0.input)) · \(TangentReport.dotted(tape.label(of: $0.input)))" }
            let formulas = partials.map { partial -> String in
                let formula = partial.formula.precedence < Precedence.power ? "(\(partial.formula.text))" : partial.formula.text
                return "\(formula) · \(TangentReport.dotted(tape.label(of: partial.input)))"
            }
            let numbers = partials.map { "\(parenthesized(number($0.value))) · \(parenthesized(number(tangents[Int($0.input)])))" }
            text += chain(TangentReport.dotted(node) + " = ", [symbols.joined(separator: " + "), formulas.joined(separator: " + "),
                                                               numbers.joined(separator: " + "), number(tangents[i])])
        }
        return text + costLines()
    }

    /// What the whole gradient of the output costs in each mode: the "why
    /// backpropagation" argument as numbers.
    public func costLines() -> String {
        let inputs = tape.variableNames.count
        let costs = ModeCosts(tape, outputs: [result.output], inputs: inputs)
        let output = tape.label(of: result.output)
        return "cost of all \(inputs) partial derivative\(inputs == 1 ? "" : "s") of \(output):\n"
            + "  forward mode: \(inputs) pass\(inputs == 1 ? "" : "es") (one per input), \(costs.forwardMultiplyAdds) multiply-adds\n"
            + "  reverse mode: 1 backward pass, \(costs.reverseMultiplyAdds) multiply-adds\n"
    }

    private func parenthesized(_ number: String) -> String {
        number.hasPrefix("-") ? "(\(number))" : number
    }
}
