/// What `graddiff diff` prints: the formulas as a program (text), as JSON, or as a LaTeX
/// `aligned` block, with their values when the variables were bound.
extension DerivativeFormulas {
    /// The steps, then one `d_x = ...` line per variable, whatever `--wrt` named (one
    /// shape for scripts to read); with bindings, each value as a comment, and where the
    /// printed formula does not give that value (0·nan, a tie) what it gives instead.
    public func programReport() -> String {
        let labels = names.map { derivativeName($0) }
        var lines = ["# size: \(text.size) operation\(text.size == 1 ? "" : "s")"]
        if names.isEmpty { return lines[0] + "\n# the expression has no variables\n" }
        lines.append(text.program(names: labels))
        if let values = values {
            for (index, value) in values.enumerated() {
                var line = "# \(labels[index]) = \(NumberFormat.shortest(value))"
                if let formula = formulaValues?[index], Self.differs(formula, value) {
                    line += "; the formula gives \(NumberFormat.shortest(formula)) here (\(Self.reason(value)))"
                }
                lines.append(line)
            }
        }
        if usesTieForm {
            lines.append("# step(a - b) from min or max is 0 at a tie (a = b), where graddiff sends the whole gradient to the first argument")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a formula's value and the numeric gradient differ by more than rounding.
    static func differs(_ formula: Double, _ value: Double) -> Bool {
        if formula.isNaN || value.isNaN { return formula.isNaN != value.isNaN }
        if !formula.isFinite || !value.isFinite { return formula != value }
        return Swift.abs(formula - value) > 1e-8 * Swift.max(Swift.abs(formula), Swift.abs(value)) + 1e-12
    }

    /// Why the formula and the numeric gradient part: the formula is mathematics, the
    /// value floating point and graddiff's conventions.
    private static func reason(_ value: Double) -> String {
        value.isFinite ? "at a tie or a kink" : "the formula assumes every term finite, and here one is not"
    }

    /// `{"x": "2 * x"}`, or with bindings `{"x": {"formula": "2 * x", "value": 6}}`. Each
    /// formula carries the steps it needs (`t1 = ...; ...`).
    public func jsonReport() -> String {
        let entries = names.enumerated().map { index, name in
            let own = program(of: index)
            let formula = JSONFormatter.string(own)
            guard let values = values else { return "\(JSONFormatter.string(name)): \(formula)" }
            return "\(JSONFormatter.string(name)): {\"formula\": \(formula), \"value\": \(JSONFormatter.number(values[index]))}"
        }
        return "{" + entries.joined(separator: ", ") + "}\n"
    }

    /// An `aligned` block: the steps, then ∂f/∂x = … for each variable.
    public func latexReport() -> String {
        let power = order == 1 ? "" : "^{\(order)}"
        var lines = zip(text.stepNames, text.stepExpressions).map { "\($0) &= \($1)" }
        for (index, name) in names.enumerated() {
            var line = "\\frac{\\partial\(power) f}{\\partial \(DerivativeText.latexName(name))\(power)} &= \(text.expressions[index])"
            if let values = values { line += " = \(NumberFormat.shortest(values[index]))" }
            lines.append(line)
        }
        return "\\begin{aligned}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{aligned}\n"
    }

    private func derivativeName(_ variable: String) -> String {
        order == 1 ? "d_\(variable)" : "d\(order)_\(variable)"
    }
}
