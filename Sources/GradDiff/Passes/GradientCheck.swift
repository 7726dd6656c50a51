/// Reverse-mode gradients against finite differences (`DifferenceEstimate`: steps chosen
/// per variable, inside the domain, with Richardson extrapolation and an estimate of the
/// difference's own error).
///
/// The relative error is |reverse − central| / max(|reverse|, |central|, 1): relative
/// for large gradients, absolute for gradients near 0, where a relative error of a
/// difference quotient means nothing. A row passes when it is within the tolerance.
/// It fails only when the finite difference can tell: when the two differ by more than
/// the tolerance and by more than ten times the difference's estimated error. Otherwise
/// the finite difference cannot check the gradient here (no step settles, its error is
/// larger than the tolerance, or f's values never moved while the gradient moves f by less
/// than its rounding over x's own scale), which is said, not failed. A variable that reaches the
/// output through a kink sitting exactly on its corner (abs or relu of 0, min or max of
/// equal arguments) has no derivative there; its row is marked, not failed.
public struct GradientCheck: Sendable {
    public enum Verdict: String, Sendable {
        case ok, fail, kink = "not differentiable", uncheckable = "cannot check here"
    }

    /// Why a finite difference cannot check a gradient.
    public enum Reason: Sendable, Equatable {
        /// The output, or the variable, is not finite at the point.
        case notFinite
        /// No step gives differences that settle: a kink, pole or edge of the domain
        /// within the steps, or rounding inside the function that swamps them.
        case unsettled
        /// The difference settled, but its error is larger than the tolerance allows.
        case imprecise
        /// The output's value does not change in doubles over any step (x^1e-20 at 1e-20
        /// is 1.0 throughout), and the gradient times x's scale is within its rounding:
        /// a difference of 0 cannot contradict the gradient.
        case flat
    }

    public struct Row: Sendable {
        public var name: String
        public var reverse: Double
        /// The finite difference's estimate (nan where none settled).
        public var central: Double
        /// Its estimated error (nan where none settled).
        public var centralError: Double
        var absoluteError: Double
        var relativeError: Double
        public var verdict: Verdict
        public var reason: Reason?
    }

    public static let defaultTolerance = 1e-6
    /// How many estimated errors of the finite difference a failure must exceed.
    static let errorMargin = 10.0

    public var rows: [Row] = []
    public var passed: Bool { !rows.contains { $0.verdict == .fail } }

    /// Checks the variables in `slots` (nil: every variable), as `--wrt` chooses them.
    public init(_ result: PassResult, slots: [Int]? = nil, tolerance: Double = defaultTolerance) {
        self.init(result, reverse: result.variableGradients, slots: slots, tolerance: tolerance)
    }

    /// With the reverse-mode gradients given by slot (tests give wrong ones on purpose).
    init(_ result: PassResult, reverse gradients: [Double], slots: [Int]? = nil, tolerance: Double) {
        let tape = result.tape
        let atKink = Self.variablesThroughKinks(result)
        let fx = result.values[Int(result.output)]
        let rounding = Self.rounding(result)
        var point = result.variableValues
        var values: [Double] = []
        for slot in slots ?? Array(tape.variableNames.indices) {
            let name = tape.variableNames[slot]
            let reverse = gradients[slot]
            let x = point[slot]
            func f(_ t: Double) -> Double {
                point[slot] = t
                ForwardPass.run(tape, variables: point, into: &values)
                return values[Int(result.output)]
            }
            let wanted = tolerance * Swift.max(Swift.abs(reverse.isFinite ? reverse : 0), 1) / Self.errorMargin
            var found = DifferenceEstimate.derivative(of: f, at: x, fx: fx, rounding: rounding, wanted: wanted)
            if atKink[slot], found.confirmed == nil {
                // No derivative to settle on: show the plain central difference (the mean
                // of the one-sided derivatives), as the table always has.
                let h = FiniteDifferences.step(for: x)
                found.confirmed = DifferenceEstimate(value: (f(x + h) - f(x - h)) / (2 * h), error: .nan, step: h)
            }
            point[slot] = x
            // Flat in doubles, and the slope moves f by less than its rounding even over
            // x's own scale: the 0 cannot contradict it (x^1e-20 at x = 1e-20, slope 1).
            let slopeIsHidden = found.confirmed?.isFlat == true
                && Swift.abs(reverse) * DifferenceEstimate.smallestScale(of: x) <= 8 * rounding
            rows.append(Self.row(name, reverse, found, isAtKink: atKink[slot], pointIsFinite: x.isFinite && fx.isFinite,
                                 slopeIsHidden: slopeIsHidden, tolerance: tolerance))
        }
    }

    private static func row(_ name: String, _ reverse: Double, _ found: DifferenceEstimate.Found, isAtKink: Bool,
                            pointIsFinite: Bool, slopeIsHidden: Bool, tolerance: Double) -> Row {
        func differs(_ estimate: DifferenceEstimate) -> Double { Swift.abs(reverse - estimate.value) }
        // An infinite gradient sets no scale: inf against a settled 0 is off by inf, not
        // by a relative nan, nor within inf times the tolerance.
        let reverseScale = reverse.isFinite ? Swift.abs(reverse) : 0
        func scale(_ estimate: DifferenceEstimate) -> Double { Swift.max(reverseScale, Swift.abs(estimate.value), 1) }
        func agrees(_ estimate: DifferenceEstimate?) -> Bool {
            estimate.map { differs($0) <= tolerance * scale($0) } ?? false
        }
        // Shown: an estimate that agrees, else the confirmed one (an unconfirmed one that
        // disagrees may be anything: nan is shown instead).
        let shown = agrees(found.confirmed) ? found.confirmed : (agrees(found.best) ? found.best : found.confirmed)
        let central = shown?.value ?? .nan
        let absolute = Swift.abs(reverse - central)
        var row = Row(name: name, reverse: reverse, central: central, centralError: shown?.error ?? .nan,
                      absoluteError: absolute, relativeError: absolute / Swift.max(reverseScale, Swift.abs(central), 1),
                      verdict: .ok)
        if isAtKink {
            row.verdict = .kink
        } else if agrees(shown) {
            row.verdict = .ok
        } else if let confirmed = found.confirmed, !slopeIsHidden,
                  !(differs(confirmed) <= tolerance * scale(confirmed) + errorMargin * confirmed.error) {
            row.verdict = .fail  // a non-finite reverse gradient against a confirmed difference too
        } else {
            row.verdict = .uncheckable
            row.reason = !pointIsFinite ? .notFinite
                : (found.confirmed == nil ? .unsettled : (slopeIsHidden ? .flat : .imprecise))
        }
        return row
    }

    /// About how much rounding the output's value carries: ε·Σ|∂output/∂v · v| over the
    /// values v of the operations it depends on (each rounds by up to ε·|v|, which reaches
    /// the output times its gradient), at least ε·|output|.
    static func rounding(_ result: PassResult) -> Double {
        var sum = Swift.abs(result.values[Int(result.output)])
        for i in 0..<result.tape.count where result.tape.ops[i].arity > 0 && result.reachesOutput[i]
            && result.hasGradient(NodeID(i)) {
            sum += Swift.abs(result.gradients[i] * result.values[i])
        }
        return Double.ulpOfOne * sum
    }

    /// By slot: whether the variable feeds a kink node on which the output depends.
    static func variablesThroughKinks(_ result: PassResult) -> [Bool] {
        let tape = result.tape
        var feedsKink = [Bool](repeating: false, count: tape.count)
        for id in result.kinkNodes { feedsKink[Int(id)] = true }
        for i in stride(from: tape.count - 1, through: 0, by: -1) where feedsKink[i] {
            for input in tape.inputs(of: NodeID(i)) { feedsKink[Int(input)] = true }
        }
        return tape.variableNodes.map { feedsKink[Int($0)] }
    }
}
