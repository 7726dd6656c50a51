/// What `graddiff diff` prints: the formulas as a program (text), as JSON, or as a LaTeX
/// `aligned` block, with their values when the variables were bound.
extension DerivativeFormulas {
    /// The steps, then the derivative (one variable asked for) or `d_x = ...` lines.
    /// With `singleVariable` (one `--wrt` name), the bare expression.
    public func programReport(singleVariable single: Bool) -> String {
        let labels = names.map { derivativeName($0) }
        var lines = ["# size: \(text.size) operation\(text.size == 1 ? "" : "s")"]
        if names.isEmpty { return lines[0] + "\n# the expression has no variables\n" }
        lines.append(text.program(names: single ? nil : labels))
        if let values = values {
            for (index, value) in values.enumerated() {
                lines.append("# \(labels[index]) = \(NumberFormat.shortest(value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
