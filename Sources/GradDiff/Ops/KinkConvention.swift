/// Which derivative a node evaluated exactly at a kink (abs or relu at 0, a min or max
/// tie) sends backward: `--kink`. The one-sided values come from the rule table
/// (`Op.oneSidedPartials`); `NumericPartials` is the one place
/// that applies the choice, for every pass and every report.
public enum KinkConvention: String, CaseIterable, Sendable {
    /// graddiff's default: abs'(0) = 0, relu'(0) = 0, and a min or max tie sends the
    /// whole gradient to its first argument (the rule table's own partials).
    case zero
    /// The derivative from the left (each argument moved down, the other held).
    case left
    /// The derivative from the right (each argument moved up, the other held).
    case right
    /// The mean of the two one-sided derivatives.
    case mean
    /// Evaluating at a kink is an error.
    case error

    /// Whether the convention replaces the rule table's partials at a kink.
    @inline(__always)
    var picksOneSidedValue: Bool { self == .left || self == .right || self == .mean }

    /// The partials a node sends backward at a kink under this convention, or nil when
    /// the rule table's own partials apply (not at a kink, or `zero`/`error`).
    @inline(__always)
    public func partials(_ op: Op, _ a: Double, _ b: Double) -> (Double, Double)? {
        switch self {
        case .zero, .error: return nil
        case .left: return op.oneSidedPartials(a, b)?.left
        case .right: return op.oneSidedPartials(a, b)?.right
        case .mean:
            guard let sides = op.oneSidedPartials(a, b) else { return nil }
            return ((sides.left.0 + sides.right.0) / 2, (sides.left.1 + sides.right.1) / 2)
        }
    }

    /// How the narration names the value this convention picked at a kink of `op`:
    /// `right-hand derivative of abs at 0 (--kink right)`; nil where the rule table's
    /// own partial applies, whose formula already says what it is.
    func pickedValueName(_ op: Op) -> String? {
        guard picksOneSidedValue, op.hasKink else { return nil }
        let place = op.arity == 1 ? "of \(op.name) at 0" : "of \(op.name) at a tie"
        let noun = op.arity == 1 ? "derivative" : "partial"
        let which = self == .mean ? "mean of the one-sided \(noun)s" : "\(rawValue)-hand \(noun)"
        return "\(which) \(place) (--kink \(rawValue))"
    }
}

/// The one numeric entry point for a node's local partials, the `--kink` convention
/// applied: the rule table's partials, except exactly at a kink, where a one-sided
/// convention picks its value. The backward pass, `--explain`, the DOT gradient edges,
/// the nan/inf and kink reports all read it, so the numbers they show are the numbers
/// the pass sends. Made once per pass, so the loop tests a stored flag, not the convention.
public struct NumericPartials: Sendable {
    public let kinks: KinkConvention
    private let picksOneSidedValue: Bool

    public init(kinks: KinkConvention) {
        self.kinks = kinks
        picksOneSidedValue = kinks.picksOneSidedValue
    }

    /// ∂out/∂a and ∂out/∂b of `op` at inputs `a`, `b` whose result is `output`.
    @inline(__always)
    public func of(_ op: Op, _ a: Double, _ b: Double, output: Double) -> (Double, Double) {
        var result = op.partials(a, b, output: output, in: NumericAlgebra())
        if picksOneSidedValue, op.hasKink, let chosen = kinks.partials(op, a, b) { result = chosen }
        return result
    }
}
