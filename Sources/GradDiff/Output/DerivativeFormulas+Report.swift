/// What `graddiff diff` prints: the formulas as a program (text), as JSON, or as a LaTeX
/// `aligned` block, with their values when the variables were bound.
extension DerivativeFormulas {
    /// The steps, then one `d_x = ...` line per variable, whatever `--wrt` named (one
    /// shape for scripts to read); with bindings, each value as a comment, and where the
    /// printed formula does not give that value (0·nan, a tie, an overflowing term) what
    /// it gives instead, and why.
    public func programReport() -> String {
        let labels = printedNames.map { derivativeName($0) }
        var lines = ["# size: \(text.size) operation\(text.size == 1 ? "" : "s")"]
        if names.isEmpty { return lines[0] + "\n# the expression has no variables\n" }
        for (versioned, name) in pasteableNames {
            let base = versioned.prefix(while: { $0 != "#" })
            lines.append("# \(name) is \(versioned), version \(versioned.dropFirst(base.count + 1)) of \(base) (# would start a comment)")
        }
        lines.append(text.program(names: labels))
        if let values = values {
            for (index, value) in values.enumerated() {
                var line = "# \(labels[index]) = \(NumberFormat.shortest(value))"
                let fault = formulaFaults?[index] ?? nil
                if let formula = formulaValues?[index], Self.differs(formula, value, faulted: fault != nil) {
                    line += "; the formula gives \(NumberFormat.shortest(formula)) here (\(Self.reason(fault, formula, value)))"
                }
                lines.append(line)
            }
        }
        if usesTieForm {
            lines.append("# step(a - b) from min or max is 0 at a tie (a = b), where graddiff sends the whole gradient to the first argument")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a formula's value and the numeric gradient differ by more than rounding:
    /// by 1e-8 of the larger, or 4 units in its last place for a subnormal, and by more
    /// than 1e-12, the rounding left where terms of order 1 cancel. That floor is for a
    /// formula whose terms are all ordinary numbers, not for one with a term that over-
    /// or underflowed (it hid 0 for 5e-201 at atan2's 1e200).
    static func differs(_ formula: Double, _ value: Double, faulted: Bool) -> Bool {
        if formula.isNaN || value.isNaN { return formula.isNaN != value.isNaN }
        if !formula.isFinite || !value.isFinite { return formula != value }
        let larger = Swift.max(Swift.abs(formula), Swift.abs(value))
        let floor = faulted ? 0 : 1e-12
        return Swift.abs(formula - value) > Swift.max(1e-8 * larger, 4 * larger.ulp) + floor
    }

    /// Why the formula and the numeric gradient part: the formula is mathematics, the
    /// value floating point and graddiff's conventions. graddiff's conventions for a
    /// power's derivatives (log(0) in a^b·log(a), 0·inf in b·a^(b−1));
    /// else a gradient that is not finite where the formula is (the numeric pass met a
    /// term the formula simplified away); else a fault of the formula's own terms; else
    /// a tie.
    private static func reason(_ fault: FormulaFault?, _ formula: Double, _ value: Double) -> String {
        if let fault, fault == .logOfZeroInPower || fault == .zeroExponentInPowerSlope { return fault.reason }
        if !value.isFinite && formula.isFinite { return FormulaFault.notFiniteReason }
        if let fault { return fault.reason }
        return value.isFinite ? "at a tie or a kink" : FormulaFault.notFiniteReason
    }

    /// `{"x": "2 * x"}`, or with bindings `{"x": {"formula": "2 * x", "value": 6}}`. Each
    /// formula carries the steps it needs (`t1 = ...; ...`).
    public func jsonReport() -> String {
        let entries = printedNames.enumerated().map { index, name in
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

    /// The variables as the formulas name them (`x_2` for `x#2`).
    private var printedNames: [String] {
        let pasteable = Dictionary(pasteableNames, uniquingKeysWith: { first, _ in first })
        return names.map { pasteable[$0] ?? $0 }
    }

    private func derivativeName(_ variable: String) -> String {
        order == 1 ? "d_\(variable)" : "d\(order)_\(variable)"
    }
}
