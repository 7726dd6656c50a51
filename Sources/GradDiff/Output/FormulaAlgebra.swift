/// The rule table read as text: `op.partials(a, b, output: out, in: FormulaAlgebra())`
/// with terms named after a node's inputs and the node itself gives its local partial
/// derivatives as formulas (`∂g/∂p = z`, `∂n4/∂s = cos(s)`). Because `--explain` and
/// `--dot-backward` print what the numeric backward pass computes from the same table,
/// the formulas and the numbers cannot drift apart.
///
/// Terms print with minimal parentheses (the parser's precedence table). A simplifying
/// algebra folds what the rules' generic shapes leave behind: 0 + x = x, x - 0 = x,
/// 0 - x = -x, 1·x = x, -1·x = -x, 0·x = 0, x/1 = x, x^1 = x, x^0 = 1, -(-x) = x,
/// x·x = x^2, and arithmetic on two constants when the result is no longer to read
/// (2 - 1 = 1, but 1/3 stays `1 / 3`). 0·x = 0 ignores that 0·inf is nan: the formula
/// is the rule, the number beside it is the truth. A plain algebra (`simplifying:
/// false`) only prints, for re-printing a node as written (`x * 1`, `4 * (-3)`).
///
/// Internal ops spell as a reader expects: `sign(x)`, `[x > 0]` (1 if x > 0, else 0),
/// `[a ≤ b]`, `xlogy(a, b)` (a·log(b), 0 when a = 0); sechSquared, powerDerivative and
/// atan's two as the formulas they compute (`1 / cosh(x) / cosh(x)`, `b * a^(b - 1)`,
/// `1 / (1 + x^2)`, `u * x / (1 + x^2)`) and hypot's quotient as `x / hypot(x, y)`.
struct FormulaAlgebra: DerivativeAlgebra {
    struct Term: Sendable, Equatable, CustomStringConvertible {
        var text: String
        /// How tightly the text binds (`Precedence`), for parentheses around it.
        var precedence: Int
        /// The number this term is, if it is a constant: only constants fold.
        var constant: Double?
        /// For `-t`: `t`, so that -(-t) folds to t.
        var negated: Printed?
        /// The internal ops in the text (`xlogy`, `[a ≤ b]`), whose meaning a reader may need.
        var internalOps: Set<Op> = []

        var description: String { text }
        var operand: InfixText.Operand { (text, precedence) }
    }

    /// A term's text and precedence (a struct, not a tuple, so `Term` stays Equatable).
    struct Printed: Sendable, Equatable {
        var text: String
        var precedence: Int
    }

    let simplifying: Bool

    init(simplifying: Bool = true) {
        self.simplifying = simplifying
    }

    /// A name, or any text that needs no parentheses (`x`, `n3`, `sin(s)`).
    func symbol(_ text: String) -> Term {
        Term(text: text, precedence: Precedence.atom)
    }

    /// Text that stands for a number but never folds (a value substituted into a
    /// formula): negative numbers print as `(-3)` where an operand needs it.
    func number(_ text: String) -> Term {
        Term(text: text, precedence: text.hasPrefix("-") ? Precedence.prefix : Precedence.atom)
    }

    func constant(_ value: Double) -> Term {
        let text: String
        switch value {
        // The rules for log2 and log10 divide by these; their names read better.
        case 0.6931471805599453: text = "log(2)"
        case 2.302585092994046: text = "log(10)"
        default: text = NodeText.constantText(value)
        }
        var term = number(text)
        term.constant = value
        return term
    }

    func apply(_ op: Op, _ a: Term) -> Term {
        if op == .negate { return negate(a) }
        // Printed as the formula it stands for.
        if op == .sechSquared {
            let cosh = apply(.cosh, a)
            return divide(divide(one, cosh), cosh)
        }
        if op == .atanDerivative { return divide(one, add(one, square(a))) }
        var term = symbol(op == .step ? "[\(a.text) > 0]" : InfixText.call(op.functionSpelling ?? op.name, [a.text]))
        term.internalOps = a.internalOps.union(Self.internalOps.contains(op) ? [op] : [])
        return term
    }

    func apply(_ op: Op, _ a: Term, _ b: Term) -> Term {
        // The zero-absorbing product of pow's rule reads as a product; only 0 · inf differs.
        if op == .multiplyOrZero { return apply(.multiply, a, b) }
        if op == .powerDerivative { return apply(.multiply, b, power(a, subtract(b, one))) }
        if op == .atanDerivativeProduct { return divide(multiply(a, b), add(one, square(b))) }
        if op == .hypotQuotient { return divide(a, apply(.hypot, a, b)) }
        if simplifying, let folded = fold(op, a, b) { return folded }
        if simplifying && op == .multiply && a == b { return apply(.power, a, constant(2)) }
        var term: Term
        switch op {
        case .add, .subtract, .multiply, .divide, .power:
            term = Term(text: InfixText.binary(op, a.operand, b.operand), precedence: Precedence.of(op))
        case .lessOrEqual:
            term = symbol("[\(a.text) ≤ \(b.text)]")
        default:
            term = symbol(InfixText.call(op.functionSpelling ?? op.name, [a.text, b.text]))
        }
        term.internalOps = a.internalOps.union(b.internalOps).union(Self.internalOps.contains(op) ? [op] : [])
        return term
    }

    private func negate(_ a: Term) -> Term {
        if simplifying {
            if let value = a.constant { return constant(-value) }
            if let inner = a.negated {
                return Term(text: inner.text, precedence: inner.precedence, internalOps: a.internalOps)
            }
        }
        return Term(text: InfixText.negate(a.operand), precedence: Precedence.prefix,
                    negated: Printed(text: a.text, precedence: a.precedence), internalOps: a.internalOps)
    }

    /// The ops only derivative rules use, which a reader may need spelled out.
    static let internalOps: Set<Op> = [.sign, .step, .lessOrEqual, .xlogy, .logsumexpShift, .expDifference, .logsumexpRest,
                                       .logsumexpLog]

    /// What each internal op in `ops` means, one line each, in a fixed order.
    static func meanings(of ops: Set<Op>) -> [String] {
        [(Op.sign, "sign(a) is -1, 0 or 1 as a is negative, zero or positive"),
         (.step, "[a > 0] is 1 if a > 0, else 0"),
         (.lessOrEqual, "[a ≤ b] is 1 if a ≤ b, else 0"),
         (.xlogy, "xlogy(a, b) = a * log(b), and 0 when a or b is 0"),
         (.logsumexpShift, "shift(a, b) is the larger of a and b, which logsumexp and softmax subtract and no gradient flows through"),
         (.expDifference, "expdiff(a, b) = exp(a - b), and 1 when a = b"),
         (.logsumexpRest, "rest(a, b) is the one of a and b that shift(a, b) leaves, and no gradient flows through"),
         (.logsumexpLog, "logtotal(a, b) = log(a) where a = 1 + b, computed as log1p(b); no gradient flows through b"),
        ].filter { ops.contains($0.0) }.map(\.1)
    }
}

extension FormulaAlgebra {
    /// The identities of the type comment, or nil when none applies.
    private func fold(_ op: Op, _ a: Term, _ b: Term) -> Term? {
        if let x = a.constant, let y = b.constant, InfixText.isInfix(op) {
            return foldConstants(op.value(x, y), from: a, b)
        }
        switch op {
        case .add:
            if a.constant == 0 { return b }
            if b.constant == 0 { return a }
        case .subtract:
            if b.constant == 0 { return a }
            if a.constant == 0 { return negate(b) }
        case .multiply:
            if a.constant == 0 || b.constant == 0 { return constant(0) }
            if a.constant == 1 { return b }
            if b.constant == 1 { return a }
            if a.constant == -1 { return negate(b) }
            if b.constant == -1 { return negate(a) }
        case .divide:
            if b.constant == 1 { return a }
            if a.constant == 0 { return constant(0) }
        case .power:
            if b.constant == 1 { return a }
            if b.constant == 0 { return constant(1) }
        default:
            break
        }
        return nil
    }

    /// `value` as a constant if its text is about as short as its operands' (2 - 1 = 1,
    /// 0.5 - 1 = -0.5), else nil so the arithmetic stays visible (1 / 3, 0.1 + 0.2).
    private func foldConstants(_ value: Double, from a: Term, _ b: Term) -> Term? {
        guard value.isFinite else { return nil }
        let folded = constant(value)
        return folded.text.count <= Swift.max(a.text.count, b.text.count) + 1 ? folded : nil
    }
}
