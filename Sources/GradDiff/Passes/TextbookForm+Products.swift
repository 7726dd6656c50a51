#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Products in normal form: a coefficient times powers of distinct bases, printed as
/// `c * a * b^2 / (d * sqrt(e))`: positive powers over negative ones, bases in the
/// order they were made (inputs before what is built from them), a power of 1/2 as a
/// square root, a coefficient p/q with small q as `p * ... / q`.
extension TextbookForm {
    struct Product {
        var coefficient: Double = 1
        /// Bases and their exponents, each base once, in node order.
        var factors: [(base: NodeID, exponent: Double)] = []
    }

    /// Node `id` read as a product, or nil when that means flattening through more than
    /// `flattenBudget` nodes. A node that is not a product is one factor of itself.
    func product(of id: NodeID) -> Product? {
        let tape = builder.tape
        var result = Product()
        var exponents: [NodeID: Double] = [:]
        var stack: [(NodeID, Double)] = [(id, 1)]
        var visited = 0
        while let (node, exponent) = stack.popLast() {
            visited += 1
            if visited > flattenBudget { return nil }
            let i = Int(node)
            let whole = exponent == exponent.rounded()
            switch tape.ops[i] {
            case .constant where !Self.isNamedConstant(tape.constants[Int(tape.first[i])]):
                result.coefficient *= pow(tape.constants[Int(tape.first[i])], exponent)
                continue
            case .negate where whole:
                if exponent.truncatingRemainder(dividingBy: 2) != 0 { result.coefficient = -result.coefficient }
                stack.append((tape.first[i], exponent))
                continue
            case .multiply where whole:
                stack.append((tape.second[i], exponent))
                stack.append((tape.first[i], exponent))
                continue
            case .divide where whole:
                stack.append((tape.second[i], -exponent))
                stack.append((tape.first[i], exponent))
                continue
            case .power where whole:
                if let power = constantValue(tape.second[i]) {
                    stack.append((tape.first[i], exponent * power))
                    continue
                }
            case .sqrt where whole:
                stack.append((tape.first[i], exponent / 2))
                continue
            default:
                break
            }
            exponents[node, default: 0] += exponent
        }
        result.factors = exponents.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return result
    }

    /// `a * b`, in normal form when both flatten within the budget.
    func multiply(_ a: NodeID, _ b: NodeID) -> NodeID {
        guard var left = product(of: a), let right = product(of: b) else { return raw(.multiply, a, b) }
        left.coefficient *= right.coefficient
        var exponents = Dictionary(left.factors.map { ($0.base, $0.exponent) }, uniquingKeysWith: +)
        for factor in right.factors { exponents[factor.base, default: 0] += factor.exponent }
        left.factors = exponents.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return node(for: left)
    }

    /// `a^exponent` for a constant exponent: a whole power distributes over a product,
    /// a fractional one applies to a single base (sqrt(x^2) is |x|, not x).
    func power(_ a: NodeID, _ exponent: Double) -> NodeID {
        if exponent == 1 { return a }
        if exponent == 0 { return constant(1) }
        guard var base = product(of: a) else { return raw(.power, a, constant(exponent)) }
        if exponent == exponent.rounded() {
            base.coefficient = pow(base.coefficient, exponent)
            base.factors = base.factors.map { ($0.base, $0.exponent * exponent) }
            return node(for: base)
        }
        if base.coefficient == 1, base.factors.count == 1, base.factors[0].exponent == 1 {
            return node(for: Product(coefficient: 1, factors: [(base.factors[0].base, exponent)]))
        }
        if base.factors.isEmpty, base.coefficient >= 0 { return constant(pow(base.coefficient, exponent)) }
        return powerNode(a, exponent)
    }

    /// `-a`.
    func negate(_ a: NodeID) -> NodeID {
        if let value = constantValue(a) { return constant(-value) }
        // A sum's sign goes into its terms (-(x - y) = y - x); a product's into its coefficient.
        if let sum = sum(of: a), sum.terms.count > 1 || sum.constant != 0 {
            return node(for: Sum(constant: -sum.constant, terms: sum.terms.map { ($0.rest, -$0.coefficient) }))
        }
        return multiply(constant(-1), a)
    }

    /// The product `p` as nodes.
    func node(for p: Product) -> NodeID {
        if p.coefficient == 0 || !p.coefficient.isFinite { return constant(p.coefficient == 0 ? 0 : p.coefficient) }
        var (numeratorCoefficient, denominatorCoefficient) = Self.fraction(p.coefficient)
        // 0.25 and 2.25 print as decimals; 1/3 and a halving (x / 2) as fractions.
        let decimal = NodeText.constantText(p.coefficient)
        if denominatorCoefficient != 1, decimal.count <= 8, Swift.abs(numeratorCoefficient) != 1 || p.factors.isEmpty {
            (numeratorCoefficient, denominatorCoefficient) = (p.coefficient, 1)
        }
        let numerators = p.factors.filter { $0.exponent > 0 }.map { powerNode($0.base, $0.exponent) }
        var denominators = p.factors.filter { $0.exponent < 0 }.map { powerNode($0.base, -$0.exponent) }
        if denominatorCoefficient != 1 { denominators.insert(constant(denominatorCoefficient), at: 0) }
        var top: NodeID
        if numerators.isEmpty {
            top = constant(numeratorCoefficient)
        } else if numeratorCoefficient == 1 {
            top = chain(numerators)
        } else if numeratorCoefficient == -1 {
            top = chain([raw(.negate, numerators[0])] + numerators.dropFirst())
        } else {
            top = chain([constant(numeratorCoefficient)] + numerators)
        }
        return denominators.isEmpty ? top : raw(.divide, top, chain(denominators))
    }

    /// `base^exponent` as printed: `base`, `sqrt(base)` or `base^e`.
    private func powerNode(_ base: NodeID, _ exponent: Double) -> NodeID {
        switch exponent {
        case 1: return base
        case 0.5: return raw(.sqrt, base)
        default: return raw(.power, base, constant(exponent))
        }
    }

    /// `a * b * c`, grouped from the left as the parser reads it.
    private func chain(_ nodes: [NodeID]) -> NodeID {
        var result = nodes[0]
        for node in nodes.dropFirst() { result = raw(.multiply, result, node) }
        return result
    }

    /// A coefficient as p/q with q from 1 to 16 when that is exact (0.5 = 1/2,
    /// 2/3 = 0.666... = 2/3), else (c, 1).
    static func fraction(_ value: Double) -> (Double, Double) {
        guard value != value.rounded() else { return (value, 1) }
        for q in 2...16 {
            let p = (value * Double(q)).rounded()
            if p / Double(q) == value, Swift.abs(p) < 1e6 { return (p, Double(q)) }
        }
        return (value, 1)
    }
}
