/// Which derivative a node evaluated exactly at a kink (abs or relu at 0, a min or max
/// tie) sends backward: `--kink`. The one-sided values come from the rule table
/// (`Op.oneSidedPartials`); `Op.numericPartials(_:_:output:kinks:)` is the one place
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

extension Op {
    /// ∂out/∂a and ∂out/∂b as numbers, the convention `kinks` applied: the rule table's
    /// partials, except exactly at a kink, where a one-sided convention picks its value.
    /// The backward pass, `--explain`, the DOT gradient edges and the nan/inf and kink
    /// reports all read this, so the numbers they show are the numbers it sends.
    @inline(__always)
    func numericPartials(_ a: Double, _ b: Double, output: Double,
                                kinks: KinkConvention) -> (Double, Double) {
        if hasKink, kinks.picksOneSidedValue, let chosen = kinks.partials(self, a, b) { return chosen }
        return partials(a, b, output: output, in: NumericAlgebra())
    }
}
