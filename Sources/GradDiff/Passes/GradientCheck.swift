/// Reverse-mode gradients against central finite differences (`FiniteDifferences`,
/// step h = 6.0555e-6·max(1, |x|) per variable).
///
/// The relative error is |reverse − central| / max(|reverse|, |central|, 1): relative
/// for large gradients, absolute for gradients near 0, where a relative error of a
/// difference quotient means nothing. A variable that reaches the output through a
/// kink sitting exactly on its corner (abs or relu of 0, min or max of equal
/// arguments) has no derivative there; its row is marked, not failed.
public struct GradientCheck: Sendable {
    public enum Verdict: String, Sendable { case ok, fail, kink = "not differentiable" }

    public struct Row: Sendable {
        public var name: String
        public var reverse: Double
        public var central: Double
        var absoluteError: Double
        var relativeError: Double
        public var verdict: Verdict
    }

    public static let defaultTolerance = 1e-6

    public var rows: [Row] = []
    public var passed: Bool { !rows.contains { $0.verdict == .fail } }

    public init(_ result: PassResult, tolerance: Double = defaultTolerance) {
        let tape = result.tape
        let central = FiniteDifferences.gradient(tape, variables: result.variableValues, output: result.output)
        let atKink = Self.variablesThroughKinks(result)
        for (slot, name) in tape.variableNames.enumerated() {
            let reverse = result.gradients[Int(tape.variableNodes[slot])]
            let absolute = Swift.abs(reverse - central[slot])
            let relative = absolute / Swift.max(Swift.abs(reverse), Swift.abs(central[slot]), 1)
            let verdict: Verdict = atKink[slot] ? .kink : (relative <= tolerance ? .ok : .fail)
            rows.append(Row(name: name, reverse: reverse, central: central[slot],
                            absoluteError: absolute, relativeError: relative, verdict: verdict))
        }
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
