/// Why a run of `minimize` ended. The stopping rules, checked after each step's loss
/// and gradient are known:
/// 1. the loss or the gradient is nan or infinite: `diverged`;
/// 2. the loss changed by less than the tolerance since the previous step and the
///    gradient's norm is below it too: `converged`;
/// 3. the step limit is reached: `stepLimit`;
/// 4. the caller asked to stop (Ctrl-C): `interrupted`.
public enum StopReason: Equatable, Sendable {
    case converged
    case stepLimit
    /// The loss or gradient at `step` was nan or infinite.
    case diverged(step: Int)
    case interrupted

    /// A phrase for the summary and the plot's title.
    public var summary: String {
        switch self {
        case .converged: return "converged"
        case .stepLimit: return "step limit"
        case .diverged: return "diverged"
        case .interrupted: return "interrupted"
        }
    }
}

/// One logged step: the loss and gradient norm at the parameters before its update.
struct HistoryRecord: Sendable {
    var step: Int
    var loss: Double
    var gradientNorm: Double
    var parameters: [Double]
}

/// What a run ended with. After divergence, `parameters`, `loss` and `gradient` are the
/// last ones whose loss was finite.
public struct MinimizeResult: Sendable {
    public var reason: StopReason
    /// Updates made.
    public var steps: Int
    public var parameterNames: [String]
    public var parameters: [Double]
    /// Over the whole data table (not the last mini-batch).
    public var loss: Double
    public var gradient: [Double]
    /// After divergence, whether the loss itself was nan or infinite; false when only
    /// its gradient was (sqrt(x) at x = 0: loss 0, gradient inf).
    public var lossDiverged = false
    var history: [HistoryRecord]

    public var gradientNorm: Double { Minimizer.norm(gradient) }
}
