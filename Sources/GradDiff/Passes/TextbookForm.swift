/// Derivative graphs rewritten the way a textbook prints them: `graddiff diff`'s text.
///
/// `SymbolicBackwardPass` builds derivatives exactly as the numeric pass computes them
/// (`NodeAlgebra` folds only what is exact for every double). This copy is for reading:
/// one loop up the reachable nodes rebuilds each one in a normal form, as mathematics
/// rather than floating point, assuming every subexpression finite and away from kinks:
///
/// - products are a coefficient times powers of distinct bases: constants fold through
///   them (3·(2·x) = 6·x), equal bases add their exponents (x·x = x^2, a/x/x = a/x^2,
///   sqrt(u)·sqrt(u) = u, u/u = 1), signs move to the front (-(1/x^2) = -1/x^2), and
///   0·a = 0; an integer power distributes ((x^3)^2 = x^6);
/// - sums are a constant plus distinct terms with coefficients: like terms collect
///   (2·x + 3·x = 5·x, a - a = 0) and 0 + a = a;
/// - constants fold as SymPy folds them: arithmetic always (1/3 prints as a fraction),
///   a function of a whole number or pi only to a whole number (sqrt(4) = 2, sin(pi) = 0,
///   log(10) stays), of any other number always (exp(0.25) = 1.284...);
/// - internal ops become user functions: the zero-absorbing product a product,
///   xlogy(a, b) a·log(b), sechSquared(a) cosh(a)^-2, powerDerivative(a, b) b·a^(b - 1),
///   atanDerivative(a) (1 + a^2)^-1, atanDerivativeProduct(u, a) u·a·(1 + a^2)^-1,
///   hypotQuotient(a, b) a·hypot(a, b)^-1,
///   logsumexp's expdiff(a, b) exp(a - b), shift(a, b) max(a, b), rest(a, b)
///   min(a, b) and logtotal(a, b) log(a) (a = 1 + b),
///   and [a ≤ b] from min and max `step(b - a)`, its complement 1 - [a ≤ b]
///   `step(a - b)`: the textbook's Heaviside, which differs from graddiff's tie
///   convention only where a = b (`usesTieForm` says when to state it).
///
/// The printed value of a derivative never comes from this graph: it is the numeric
/// gradient, which follows floating point and graddiff's conventions where these
/// identities do not hold (0·nan, ties). Work per node is bounded: a sum or product is
/// flattened through at most `flattenBudget` nodes, beyond which it is left as built.
final class TextbookForm {
    private(set) var builder = TapeBuilder()
    let span = SourceSpan(start: 0, end: 0)
    /// The most nodes one sum or product is flattened through.
    let flattenBudget = 64
    /// Whether a min or max tie's partial was printed as a step (`step(x - y)`).
    private(set) var usesTieForm = false
    /// The steps made from [a ≤ b], whose complement 1 - step(u) prints as step(-u).
    var tieSteps: Set<NodeID> = []
    /// The log(a) nodes made from xlogy: a^b·log(a), which graddiff takes as 0 at a = 0
    /// where the printed product is 0·log(0).
    private(set) var powerLogs: Set<NodeID> = []
    /// A power's derivative in its base, b·a^(b−1): its exponent b and the a^(b−1) node.
    struct PowerSlope: Sendable, Equatable {
        var exponent: NodeID
        var power: NodeID
    }
    /// The b·a^(b−1) made from powerDerivative, which graddiff takes as 0 when b = 0
    /// where the printed product at a = 0 is 0·inf.
    private(set) var powerSlopes: [PowerSlope] = []

    var tape: Tape { builder.tape }

    /// `tape`'s nodes reachable from `roots` in textbook form, on a new tape with the
    /// same variables in the same slots; -1 roots (no dependence) become 0.
    static func rewrite(_ tape: Tape, roots: [NodeID]) -> (form: TextbookForm, roots: [NodeID]) {
        let form = TextbookForm()
        for (slot, name) in tape.variableNames.enumerated() {
            _ = form.builder.variable(name, at: tape.spans[Int(tape.variableNodes[slot])])
        }
        guard let top = roots.max(), top >= 0 else { return (form, roots.map { _ in form.constant(0) }) }
        var reached = [Bool](repeating: false, count: Int(top) + 1)
        for root in roots where root >= 0 { reached[Int(root)] = true }
        for i in stride(from: Int(top), through: 0, by: -1) where reached[i] {
            for input in tape.inputs(of: NodeID(i)) { reached[Int(input)] = true }
        }
        var map = [NodeID](repeating: -1, count: Int(top) + 1)
        for i in 0...Int(top) where reached[i] {
            map[i] = form.rebuild(tape, i, map)
        }
        return (form, roots.map { $0 >= 0 ? map[Int($0)] : form.constant(0) })
    }

    /// Node `i` of `tape` in textbook form, its inputs already rebuilt (`map`).
    private func rebuild(_ tape: Tape, _ i: Int, _ map: [NodeID]) -> NodeID {
        let op = tape.ops[i]
        switch op {
        case .constant: return constant(tape.constants[Int(tape.first[i])])
        case .variable: return builder.tape.variableNodes[Int(tape.first[i])]
        default: break
        }
        let a = map[Int(tape.first[i])]
        let b = op.arity == 2 ? map[Int(tape.second[i])] : -1
        switch op {
        case .add: return add(a, b)
        case .subtract: return add(a, negate(b))
        case .negate: return negate(a)
        case .multiply, .multiplyOrZero: return multiply(a, b)
        case .divide: return multiply(a, power(b, -1))
        case .power: return powerOf(a, b)
        case .powerDerivative:
            let power = powerOf(a, add(b, constant(-1)))
            powerSlopes.append(PowerSlope(exponent: b, power: power))
            return multiply(b, power)
        case .sechSquared: return power(function(.cosh, a), -2)
        case .atanDerivative: return power(add(constant(1), multiply(a, a)), -1)
        case .atanDerivativeProduct: return multiply(multiply(a, b), power(add(constant(1), multiply(b, b)), -1))
        case .hypotQuotient: return multiply(a, power(function(.hypot, a, b), -1))
        case .sqrt: return power(a, 0.5)
        case .xlogy:
            let log = function(.log, b)
            powerLogs.insert(log)
            return multiply(a, log)
        case .expDifference: return function(.exp, add(a, negate(b)))
        case .logsumexpShift: return function(.max, a, b)
        case .logsumexpRest: return function(.min, a, b)
        case .logsumexpLog: return function(.log, a)
        case .lessOrEqual:
            // [a ≤ b] as the textbook's step(b - a); equal except at a tie.
            usesTieForm = true
            let step = function(.step, add(b, negate(a)))
            tieSteps.insert(step)
            return step
        default:
            return op.arity == 2 ? function(op, a, b) : function(op, a)
        }
    }

    /// a^b, a power of a constant exponent where b is one.
    private func powerOf(_ a: NodeID, _ b: NodeID) -> NodeID {
        if let exponent = constantValue(b) { return power(a, exponent) }
        if constantValue(a) == 1 { return constant(1) }  // 1^b = 1, nan included
        return raw(.power, a, b)
    }

    /// A node as built, with no simplification (hash-consed like every node).
    func raw(_ op: Op, _ a: NodeID, _ b: NodeID = -1) -> NodeID {
        builder.apply(op, a, b, at: span)
    }

    func constant(_ value: Double) -> NodeID {
        builder.constant(value, at: span)
    }

    /// The number node `id` is, if it is a constant or a fraction of two (`1 / 3`).
    func constantValue(_ id: NodeID) -> Double? {
        let tape = builder.tape
        let i = Int(id)
        switch tape.ops[i] {
        case .constant:
            return tape.constants[Int(tape.first[i])]
        case .divide, .negate:
            guard let a = constantValue(tape.first[i]) else { return nil }
            if tape.ops[i] == .negate { return -a }
            return constantValue(tape.second[i]).map { a / $0 }
        default:
            return nil
        }
    }

    /// Whether a constant prints as itself in a formula (a whole number, pi, e) rather
    /// than standing for a measured quantity that folds (0.5, 1.5), as SymPy treats
    /// integers and floats.
    static func isExactConstant(_ value: Double) -> Bool {
        (value == value.rounded() && Swift.abs(value) < 1e15) || Op.constantName(of: Swift.abs(value)) != nil
    }

    /// Whether a constant stays a factor of a product (pi, e) instead of joining the
    /// coefficient: `2 * pi * x`, not `6.283185307179586 * x`.
    static func isNamedConstant(_ value: Double) -> Bool {
        Op.constantName(of: value) != nil
    }

    /// `op(a)`, folded when `a` is a constant and the result is a whole number, or the
    /// argument is not exact (see the type's comment).
    func function(_ op: Op, _ a: NodeID) -> NodeID {
        // exp(log(u)) = u and log(exp(u)) = u where they are defined.
        let inner = builder.tape.ops[Int(a)]
        if op == .exp && inner == .log || op == .log && inner == .exp { return builder.tape.first[Int(a)] }
        if let x = constantValue(a) {
            let result = op.value(x, 0)
            if op == .sin || op == .tan, x == Double.pi { return constant(0) }  // sin(pi) is 0, not 1.2e-16
            if result.isFinite, Self.isExactConstant(result) && !Self.isNamedConstant(result) || !Self.isExactConstant(x) {
                return constant(result)
            }
        }
        return raw(op, a)
    }

    /// `op(a, b)` for min, max, atan2 and hypot, folded as one-argument functions are.
    func function(_ op: Op, _ a: NodeID, _ b: NodeID) -> NodeID {
        if let x = constantValue(a), let y = constantValue(b) {
            let result = op.value(x, y)
            if result.isFinite, Self.isExactConstant(result) || !Self.isExactConstant(x) || !Self.isExactConstant(y) {
                return constant(result)
            }
        }
        // hypot is symmetric, bit for bit: hypot(b, a) is hypot(a, b) where that exists
        // (hypot's derivatives divide by both).
        if op == .hypot, let existing = builder.existingNode(.hypot, b, a).0 { return existing }
        return raw(op, a, b)
    }
}
