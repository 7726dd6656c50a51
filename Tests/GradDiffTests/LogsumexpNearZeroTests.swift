import Foundation
import Testing
@testable import GradDiff

/// logsumexp where one element dominates: c + log1p(Σ exp(x − c)) over every element but
/// one largest (`logsumexpRest`, `logsumexpLog`), not c + log(1 + Σ), whose 1 + Σ rounds
/// Σ to 2⁻⁵³ and, near a result of 0, leaves nothing of it. The gradient is softmax as
/// before (the rests carry no derivative).
struct LogsumexpNearZeroTests {
    /// A vector, and mpmath's logsumexp and softmax of it: mpmath 1.3 at 300 bits on the
    /// exact doubles, m + log(fsum(exp(x − m))) and exp(x − m)/fsum(...), m the largest,
    /// rounded once to a double.
    struct Case: Sendable, CustomTestStringConvertible {
        var v: [Double]
        var logsumexp: Double
        var softmax: [Double]
        var testDescription: String { "\(v)" }
    }

    static let cases: [Case] = [
        // The issue's: 53 units in the last place off (-0.002811175256437962).
        Case(v: [-0.0053, -6], logsumexp: -0.002811175256437985, softmax: [0.9975142698129381, 0.002485730187061896]),
        // 1 + 9.4e-14 kept 3 digits of 9.4e-14: 9.6e-7 of the result off.
        Case(v: [-1e-10, -30], logsumexp: -9.990642377030224e-11, softmax: [0.9999999999999064, 9.357622969775061e-14]),
        // 1 + 4.2e-18 is 1: the result was 0.
        Case(v: [0, -40], logsumexp: 4.248354255291589e-18, softmax: [1, 4.248354255291589e-18]),
        // The largest in the middle: the rests are -45 and -42, both kept (was 0).
        Case(v: [-45, 0, -42], logsumexp: 6.035774122348499e-19, softmax: [2.8625185805493937e-20, 1, 5.74952226429356e-19]),
        // The largest tied: exactly one of the two is left out of the rests.
        Case(v: [-3, 1e-3, -9, 1e-3, -7.5], logsumexp: 0.7190412968485118,
             softmax: [0.02425721216745977, 0.48770659346454226, 6.012761745994858e-05, 0.48770659346454226,
                       0.00026947328599571973]),
        Case(v: [2, -0.3], logsumexp: 2.0955454645979628, softmax: [0.9088770389851438, 0.09112296101485613]),
    ]

    /// The value within 1 unit in the last place of mpmath's; the gradient and softmax, as
    /// before, exp(x − c) / Σ exp(x − c), within 4ε·(1 + |x − c|) of theirs (exp(x − c)
    /// inherits the rounding of x − c, as in LogsumexpStabilityTests).
    @Test("agrees with mpmath where one element dominates", arguments: cases)
    func agreesWithMpmath(_ oracle: Case) throws {
        let binding = "v=[" + oracle.v.map { "\($0)" }.joined(separator: ", ") + "]"
        let lse = try evaluateTensors("logsumexp(v)", [binding])
        #expect(isWithin(1, ulpsOf: oracle.logsumexp, lse.value), "logsumexp \(lse.value), mpmath \(oracle.logsumexp)")
        let softmax = try evaluateTensors("s = softmax(v); s[1]", [binding])
        for (name, actual) in [("gradient", try lse.tensorGradient("v")), ("softmax", try softmax.tensorValues("s"))] {
            for (k, (share, expected)) in zip(actual, oracle.softmax).enumerated() {
                let tolerance = 4 * Double.ulpOfOne * (1 + Swift.abs(oracle.v[k] - oracle.v.max()!)) * expected
                #expect(Swift.abs(share - expected) <= tolerance, "\(name) \(actual), mpmath \(oracle.softmax)")
            }
        }
    }

    /// The rest of a shift is the other input (the smaller; the second at a tie), nan if
    /// either is; neither it nor logtotal's b carries a derivative, and logtotal(a, b) is
    /// log1p(b) with log's partial 1/a in a.
    @Test func restAndLogTotalCarryNoDerivativeOfTheirOwn() {
        for (a, b, rest) in [(1.0, 2.0, 1.0), (-3.0, -7.0, -7.0), (2.5, 2.5, 2.5), (-.infinity, 4, -.infinity), (.infinity, 1, 1)] {
            #expect(Op.logsumexpRest.value(a, b) == rest && Op.logsumexpRest.value(b, a) == rest)
            #expect(Op.logsumexpShift.value(a, b) + Op.logsumexpRest.value(a, b) == a + b)
            let (partialA, partialB) = Op.logsumexpRest.partials(a, b, output: rest, in: NumericAlgebra())
            #expect(partialA == 0 && partialB == 0)
        }
        #expect(Op.logsumexpRest.value(.nan, 1).isNaN && Op.logsumexpRest.value(1, .nan).isNaN)
        #expect(!Op.logsumexpRest.hasKink)
        #expect(Op.logsumexpLog.value(1, 4.248354255291589e-18) == 4.248354255291589e-18)
        let (partialA, partialB) = Op.logsumexpLog.partials(1.5, 0.5, output: Foundation.log1p(0.5), in: NumericAlgebra())
        #expect(partialA == 1 / 1.5 && partialB == 0)
    }

    /// Ties of the largest in every position leave exactly one out: [a, a, a] is
    /// a + log(3) (log1p(2)), not a + log1p(3) or a + log1p(0).
    @Test(arguments: [[5.0, 5, 5], [5, 1, 5], [1, 5, 5], [5, 5, 1]])
    func exactlyOneLargestIsLeftOut(_ v: [Double]) throws {
        let lse = try evaluateTensors("logsumexp(v)", ["v=[" + v.map { "\($0)" }.joined(separator: ", ") + "]"])
        let expected = 5 + Foundation.log(v.map { Foundation.exp($0 - 5) }.reduce(0, +))
        #expect(isWithin(1, ulpsOf: expected, lse.value), "\(v): \(lse.value)")
    }
}
