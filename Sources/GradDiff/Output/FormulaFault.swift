/// Where a printed derivative formula's own terms break at the bindings: why its value
/// may part from the numeric gradient beside it (`graddiff diff`'s notes). The formula
/// is mathematics, assuming every term a finite, normal double and knowing nothing of
/// graddiff's conventions; the gradient is computed without those assumptions.
enum FormulaFault: Sendable, Equatable {
    /// log(0) = -inf from a power's derivative in its exponent, a^b·log(a), which
    /// graddiff takes as 0 at a = 0 (xlogy); the formula's 0·log(0) is nan.
    case logOfZeroInPower
    /// a^(b−1) = inf at a = 0 in a power's derivative in its base, b·a^(b−1), which
    /// graddiff takes as 0 when b = 0 (powerDerivative); the formula's 0·inf is nan.
    case zeroExponentInPowerSlope
    /// A term is nan or infinite: it overflows (hypot(x, y)^2 at 1e200), divides by 0,
    /// or a variable is bound to one.
    case notFinite
    /// A term underflows: to 0 from nonzero factors (hypot(x, y)^2 at 1e-200), or to a
    /// subnormal number, which keeps only its leading digits.
    case underflow

    /// The note's words.
    var reason: String {
        switch self {
        case .logOfZeroInPower: return "log(0) is -inf, and graddiff takes a^b * log(a) as 0 at a = 0"
        case .zeroExponentInPowerSlope: return "a^(b - 1) is inf at a = 0, and graddiff takes b * a^(b - 1) as 0 at b = 0"
        case .notFinite: return Self.notFiniteReason
        case .underflow: return "the formula assumes no term underflows, and here one does"
        }
    }

    /// Also why a gradient that is not finite parts from a formula that is: the numeric
    /// pass met a term that is not (0·exp(1000) is nan, the simplified formula 0).
    static let notFiniteReason = "the formula assumes every term finite, and here one is not"

    /// The first fault, in tape order, among the nodes `root` reads; nil when every term
    /// is a finite, normal (or exactly 0) double. A log(0) among `powerLogs`, the log(a)
    /// nodes made from a^b·log(a), comes first wherever it is, and then an infinite
    /// a^(b−1) with b = 0 among `powerSlopes` (from b·a^(b−1)): graddiff's conventions
    /// there are what the gradient follows (at a = 0, x = -1 the formula's a^x is inf too).
    static func first(in tape: Tape, values: [Double], root: NodeID, powerLogs: Set<NodeID>,
                      powerSlopes: [TextbookForm.PowerSlope]) -> FormulaFault? {
        guard root >= 0 else { return nil }
        var reads = [Bool](repeating: false, count: Int(root) + 1)
        reads[Int(root)] = true
        for i in stride(from: Int(root), through: 0, by: -1) where reads[i] {
            for input in tape.inputs(of: NodeID(i)) { reads[Int(input)] = true }
        }
        if powerLogs.contains(where: { Int($0) <= Int(root) && reads[Int($0)] && values[Int($0)] == -.infinity }) {
            return .logOfZeroInPower
        }
        if powerSlopes.contains(where: { Int($0.power) <= Int(root) && reads[Int($0.power)]
                                         && values[Int($0.power)].isInfinite && values[Int($0.exponent)] == 0 }) {
            return .zeroExponentInPowerSlope
        }
        for i in 0...Int(root) where reads[i] {
            if !values[i].isFinite { return .notFinite }
            if underflows(tape, i, values) { return .underflow }
        }
        return nil
    }

    /// Whether computed node `i` (its inputs finite: a fault among them came first) is
    /// subnormal, or 0 where an op that can underflow to 0 had nonzero inputs
    /// (exp(-1000), 1e-200 * 1e-200).
    private static func underflows(_ tape: Tape, _ i: Int, _ values: [Double]) -> Bool {
        let inputs = tape.inputs(of: NodeID(i))
        guard !inputs.isEmpty else { return false }
        if values[i].isSubnormal { return true }
        guard values[i] == 0 else { return false }
        switch tape.ops[i] {
        case .multiply, .divide, .power: return inputs.allSatisfy { values[Int($0)] != 0 }
        case .exp, .sigmoid, .softplus: return true
        default: return false
        }
    }
}
