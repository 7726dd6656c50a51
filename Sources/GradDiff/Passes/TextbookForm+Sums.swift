/// Sums in normal form: a constant plus terms, each a coefficient times a product with
/// coefficient 1, each such product once. Printed with a positive term first, the others
/// added or subtracted by their sign, a positive constant first (`1 + x^2`) and a
/// negative one last (`x^2 - 1`).
extension TextbookForm {
    struct Sum {
        var constant: Double = 0
        var terms: [(rest: NodeID, coefficient: Double)] = []
    }

    /// Node `id` read as a sum, or nil when that means flattening through more than
    /// `flattenBudget` nodes. A node that is not a sum is one term of itself.
    func sum(of id: NodeID) -> Sum? {
        let tape = builder.tape
        var result = Sum()
        var stack: [(NodeID, Double)] = [(id, 1)]
        var visited = 0
        while let (node, sign) = stack.popLast() {
            visited += 1
            if visited > flattenBudget { return nil }
            let i = Int(node)
            switch tape.ops[i] {
            case .constant:
                result.constant += sign * tape.constants[Int(tape.first[i])]
            case .add:
                stack.append((tape.second[i], sign))
                stack.append((tape.first[i], sign))
            case .subtract:
                stack.append((tape.second[i], -sign))
                stack.append((tape.first[i], sign))
            case .negate:
                stack.append((tape.first[i], -sign))
            default:
                let (coefficient, rest) = splitCoefficient(node)
                result.terms.append((rest, sign * coefficient))
            }
        }
        return result
    }

    /// A term as its coefficient and the rest: `-6 * x` as (-6, x).
    private func splitCoefficient(_ id: NodeID) -> (Double, NodeID) {
        guard let product = product(of: id), product.coefficient != 1 else { return (1, id) }
        if product.factors.isEmpty { return (product.coefficient, constant(1)) }
        return (product.coefficient, node(for: Product(coefficient: 1, factors: product.factors)))
    }

    /// `a + b`, like terms collected, when both flatten within the budget.
    func add(_ a: NodeID, _ b: NodeID) -> NodeID {
        guard var left = sum(of: a), let right = sum(of: b) else { return raw(.add, a, b) }
        left.constant += right.constant
        left.terms += right.terms
        return node(for: left)
    }

    /// The sum `s` as nodes, its like terms collected.
    func node(for s: Sum) -> NodeID {
        var constant = s.constant
        var coefficients: [NodeID: Double] = [:]
        for term in s.terms {
            if let value = constantValue(term.rest) {
                constant += term.coefficient * value
            } else {
                coefficients[term.rest, default: 0] += term.coefficient
            }
        }
        var terms = coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (rest: $0.key, coefficient: $0.value) }
        // 1 - step(u) for a step made from [a ≤ b] is step(-u): min's and max's other partial.
        if constant == 1, terms.count == 1, terms[0].coefficient == -1, tieSteps.contains(terms[0].rest) {
            let step = raw(.step, negate(builder.tape.first[Int(terms[0].rest)]))
            tieSteps.insert(step)
            return step
        }
        if terms.isEmpty { return self.constant(constant) }
        if let positive = terms.firstIndex(where: { $0.coefficient > 0 }), positive > 0 {
            terms.insert(terms.remove(at: positive), at: 0)
        }
        var result: NodeID? = constant > 0 ? self.constant(constant) : nil
        for term in terms {
            if let sum = result {
                let magnitude = scaled(term.rest, Swift.abs(term.coefficient))
                result = raw(term.coefficient > 0 ? .add : .subtract, sum, magnitude)
            } else {
                result = scaled(term.rest, term.coefficient)
            }
        }
        guard var sum = result else { return self.constant(constant) }
        if constant < 0 { sum = raw(.subtract, sum, self.constant(-constant)) }
        return sum
    }

    /// `coefficient * rest` as a product node.
    private func scaled(_ rest: NodeID, _ coefficient: Double) -> NodeID {
        if coefficient == 1 { return rest }
        guard var product = product(of: rest) else { return raw(.multiply, constant(coefficient), rest) }
        product.coefficient *= coefficient
        return node(for: product)
    }
}
