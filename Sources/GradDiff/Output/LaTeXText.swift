/// Derivative graphs as LaTeX: the same walk as `DerivativeText` (steps for shared and
/// long subexpressions), with `\frac`, `\sqrt`, `\sin\left(…\right)` and `\cdot`.
/// Internal ops print as mathematics: [a ≤ b] and [a > 0] as Iverson brackets,
/// sign as `\operatorname{sign}`, xlogy(a, b) as a·log b, sechSquared,
/// powerDerivative and atan's two as 1/cosh², b·a^(b−1), 1/(1 + a²) and u·a/(1 + a²),
/// hypot's quotient as a/hypot(a, b).
enum LaTeXText {
    typealias Operand = InfixText.Operand

    static func name(_ name: String) -> String {
        let escaped = name.replacingAll("_", with: "\\_").replacingAll("#", with: "\\#")
        return name.unicodeScalars.count == 1 ? escaped : "\\mathit{\(escaped)}"
    }

    static func constant(_ value: Double) -> Operand {
        var text = NodeText.constantText(value)
        if text.hasSuffix("pi") {
            text = text.dropLast(2) + "\\pi"
        } else if let exponent = text.firstIndex(where: { $0 == "e" }), text != "e", text != "-e" {
            let mantissa = text[..<exponent]
            text = "\(mantissa) \\times 10^{\(text[text.index(after: exponent)...])}"
        }
        return (text, text.hasPrefix("-") ? Precedence.prefix : Precedence.atom)
    }

    private static func parenthesized(_ operand: Operand, when condition: Bool) -> String {
        condition ? "\\left(\(operand.text)\\right)" : operand.text
    }

    static func binary(_ op: Op, _ a: Operand, _ b: Operand) -> Operand {
        switch op {
        case .add, .subtract:
            let r = parenthesized(b, when: b.precedence < Precedence.sum || (op == .subtract && b.precedence == Precedence.sum)
                                      || b.precedence == Precedence.prefix)
            return ("\(parenthesized(a, when: a.precedence < Precedence.sum)) \(op == .add ? "+" : "-") \(r)", Precedence.sum)
        case .multiply, .multiplyOrZero:
            let l = parenthesized(a, when: a.precedence < Precedence.product)
            let r = parenthesized(b, when: b.precedence <= Precedence.prefix)
            return ("\(l) \\cdot \(r)", Precedence.product)
        case .divide:
            return ("\\frac{\(a.text)}{\(b.text)}", Precedence.atom)
        case .power:
            return ("{\(parenthesized(a, when: a.precedence <= Precedence.power))}^{\(b.text)}", Precedence.power)
        case .xlogy:
            return binary(.multiply, a, call("\\log", b))
        case .powerDerivative:
            let exponent = binary(.subtract, b, ("1", Precedence.atom))
            return binary(.multiply, b, binary(.power, a, exponent))
        case .atanDerivativeProduct:
            let sum = binary(.add, ("1", Precedence.atom), binary(.power, b, ("2", Precedence.atom)))
            return binary(.divide, binary(.multiply, a, b), sum)
        case .hypotQuotient:
            return binary(.divide, a, binary(.hypot, a, b))
        case .lessOrEqual:
            return ("\\left[\(a.text) \\le \(b.text)\\right]", Precedence.atom)
        case .expDifference:
            return ("e^{\(binary(.subtract, a, b).text)}", Precedence.atom)
        case .logsumexpShift:
            return binary(.max, a, b)
        case .logsumexpRest:
            return binary(.min, a, b)
        case .logsumexpLog:
            return call("\\log", a)
        case .min, .max:
            return ("\\\(op.name)\\left(\(a.text), \(b.text)\\right)", Precedence.atom)
        default:
            // No LaTeX command of their own (atan2, hypot): an operator name.
            return ("\\operatorname{\(op.functionSpelling ?? op.name)}\\left(\(a.text), \(b.text)\\right)", Precedence.atom)
        }
    }

    private static func call(_ name: String, _ a: Operand) -> Operand {
        ("\(name)\\left(\(a.text)\\right)", Precedence.atom)
    }

    static func unary(_ op: Op, _ a: Operand) -> Operand {
        switch op {
        case .negate: return ("-\(parenthesized(a, when: a.precedence <= Precedence.prefix))", Precedence.prefix)
        case .sqrt: return ("\\sqrt{\(a.text)}", Precedence.atom)
        case .cbrt: return ("\\sqrt[3]{\(a.text)}", Precedence.atom)
        case .abs: return ("\\left|\(a.text)\\right|", Precedence.atom)
        case .step: return ("\\left[\(a.text) > 0\\right]", Precedence.atom)
        case .sechSquared: return binary(.divide, ("1", Precedence.atom), binary(.power, call("\\cosh", a), ("2", Precedence.atom)))
        case .atanDerivative:
            let square = binary(.power, a, ("2", Precedence.atom))
            return binary(.divide, ("1", Precedence.atom), binary(.add, ("1", Precedence.atom), square))
        case .asin, .acos, .atan: return call("\\arc\(op.name.dropFirst())", a)
        case .log2: return call("\\log_{2}", a)
        case .log10: return call("\\log_{10}", a)
        case .sin, .cos, .tan, .sinh, .cosh, .tanh, .exp, .log: return call("\\\(op.name)", a)
        default: return call("\\operatorname{\(op.functionSpelling ?? op.name)}", a)
        }
    }
}
