/// Which derivative a node evaluated exactly at a kink (abs or relu at 0, a min or max
/// tie) sends backward: `--kink`. The one-sided values come from the rule table
/// (`Op.oneSidedPartials`).
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
}
