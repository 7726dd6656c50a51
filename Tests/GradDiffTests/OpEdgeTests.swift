import Foundation
import Testing
@testable import GradDiff

/// The rule table's conventions where central differences cannot judge, as the man page
/// states them: powers at a zero base or exponent, kinks (abs, relu, a min or max tie),
/// logsumexp's shift, nan through min and max, and sigmoid and softplus far from 0.
struct OpEdgeTests {
    @Test func negativeBaseWithIntegerExponent() {
        for (a, b) in [(-2.0, 3.0), (-1.5, 2.0), (-0.7, -1.0), (-3.0, 4.0)] {
            let out = Op.power.value(a, b)
            let (partialA, partialB) = Op.power.partials(a, b, output: out, in: NumericAlgebra())
            let (difference, _) = OpRuleTests.centralDifference({ Op.power.value($0, b) }, at: a)
            #expect(OpRuleTests.agrees(partialA, difference, value: out), "∂(a^b)/∂a at (\(a), \(b))")
            #expect(isClose(partialA, b * Foundation.pow(a, b - 1), relative: 1e-15))
            // a^b·log(a) has no real value for a < 0: the convention is nan.
            #expect(partialB.isNaN, "∂(a^b)/∂b at a = \(a) must be nan, got \(partialB)")
        }
    }

    /// The man page: "the derivative of a^b with respect to b is a^b log(a), taken as 0
    /// where a is 0". b = 0 is included: 0^0 = 1, and 1·log(0) must not leak out as -inf.
    @Test func powerAtBaseZero() {
        // ∂(a^b)/∂a at a = 0: b·0^(b−1), which is 0 for b > 1, 1 for b = 1, inf for
        // 0 < b < 1, and 0 for b = 0 (a^0 = 1 for every a, so it does not change).
        for (b, expectedA) in [(2.0, 0.0), (3.0, 0.0), (0.5, Double.infinity), (1.0, 1.0), (0.0, 0.0)] {
            let out = Op.power.value(0, b)
            let (partialA, partialB) = Op.power.partials(0.0, b, output: out, in: NumericAlgebra())
            #expect(partialB == 0, "∂(0^b)/∂b at b = \(b) must be 0 by convention, got \(partialB)")
            #expect(partialA == expectedA, "∂(a^b)/∂a at a = 0, b = \(b): \(partialA)")
        }
        // Through the whole pipeline too: d(x^y) at x = 0.
        for (y, expectedX) in [(2.0, 0.0), (0.0, 0.0)] {
            let result = try? evaluate("x^y", "x=0 y=\(y)")
            #expect(result?.gradient("y") == 0, "d(x^y)/dy at x = 0, y = \(y)")
            #expect(result?.gradient("x") == expectedX, "d(x^y)/dx at x = 0, y = \(y)")
        }
    }

    @Test func zeroExponentIsConstantEverywhere() {
        // a^0 = 1 for every a, so ∂/∂a = 0; a nonzero base shows it already.
        for a in [-2.0, 0.5, 3.0] {
            let (partialA, _) = Op.power.partials(a, 0, output: Op.power.value(a, 0), in: NumericAlgebra())
            #expect(partialA == 0, "∂(a^0)/∂a at a = \(a): \(partialA)")
        }
    }

    @Test("abs'(0) = 0, relu'(0) = 0", arguments: [Op.abs, .relu])
    func kinkAtZero(_ op: Op) throws {
        let (partial, second) = op.partials(0.0, 0.0, output: op.value(0, 0), in: NumericAlgebra())
        #expect(partial == 0)
        #expect(second == 0)
        let spelling = try #require(op.functionSpelling)
        let evaluation = try evaluate("\(spelling)(x)", "x=0")
        #expect(evaluation.value == 0)
        #expect(evaluation.gradient("x") == 0)
    }

    @Test("min and max send a tie's gradient to the first argument", arguments: [Op.min, .max])
    func tiesGoToTheFirstArgument(_ op: Op) throws {
        for tie in [-2.0, 0.0, 3.5] {
            let (first, second) = op.partials(tie, tie, output: op.value(tie, tie), in: NumericAlgebra())
            #expect(first == 1 && second == 0, "\(op) at a tie \(tie): (\(first), \(second))")
        }
        let spelling = try #require(op.functionSpelling)
        let evaluation = try evaluate("\(spelling)(x, y)", "x=1.5 y=1.5")
        #expect(evaluation.gradient("x") == 1)
        #expect(evaluation.gradient("y") == 0)
        // Away from the tie the gradient goes to the selected argument only.
        let apart = try evaluate("\(spelling)(x, y)", "x=1 y=2")
        #expect(apart.gradient(op == .min ? "x" : "y") == 1)
        #expect(apart.gradient(op == .min ? "y" : "x") == 0)
    }

    /// logsumexp's shift: the larger input, nan if either is, and no derivative at all
    /// (logsumexp does not depend on it), so a tie is no kink.
    @Test func logsumexpShiftCarriesNone() {
        let op = Op.logsumexpShift
        for (a, b, larger) in [(1.0, 2.0, 2.0), (-3.0, -7.0, -3.0), (2.5, 2.5, 2.5), (-.infinity, 4, 4), (.infinity, 1, .infinity)] {
            #expect(op.value(a, b) == larger && op.value(b, a) == larger)
            let (partialA, partialB) = op.partials(a, b, output: larger, in: NumericAlgebra())
            #expect(partialA == 0 && partialB == 0)
            #expect(op.oneSidedPartials(a, b) == nil)
        }
        #expect(op.value(.nan, 1).isNaN && op.value(1, .nan).isNaN)
        #expect(!op.hasKink)
        // exp(a − b) is 1 at a = b, infinite ones included: an element equal to the shift.
        #expect(Op.expDifference.value(.infinity, .infinity) == 1 && Op.expDifference.value(-.infinity, -.infinity) == 1)
        #expect(Op.expDifference.value(-1e308, 1e308) == 0)
    }

    @Test func minAndMaxPropagateNaN() {
        for op in [Op.min, .max] {
            #expect(op.value(.nan, 1).isNaN)
            #expect(op.value(1, .nan).isNaN)
        }
    }

    @Test("sigmoid and softplus are stable far from 0", arguments: [800.0, -800.0, 40.0, -40.0, 745.0, -745.0])
    func sigmoidAndSoftplusAreStable(_ x: Double) {
        let sigmoid = Op.sigmoid.value(x, 0)
        let softplus = Op.softplus.value(x, 0)
        #expect(sigmoid.isFinite && softplus.isFinite)
        #expect((0...1).contains(sigmoid))
        let (sigmoidPartial, _) = Op.sigmoid.partials(x, 0, output: sigmoid, in: NumericAlgebra())
        let (softplusPartial, _) = Op.softplus.partials(x, 0, output: softplus, in: NumericAlgebra())
        #expect(sigmoidPartial.isFinite && sigmoidPartial >= 0)
        #expect(softplusPartial.isFinite && (0...1).contains(softplusPartial))
        // Reference values written so that no term overflows or cancels.
        let t = exp(-Swift.abs(x))  // in (0, 1]
        let sigmoidReference = x >= 0 ? 1 / (1 + t) : t / (1 + t)
        #expect(isClose(sigmoid, sigmoidReference, relative: 1e-15), "sigmoid(\(x)) = \(sigmoid)")
        #expect(isClose(softplus, Swift.max(x, 0) + log1p(t), relative: 1e-15), "softplus(\(x)) = \(softplus)")
        #expect(isClose(softplusPartial, sigmoidReference, relative: 1e-15))
        if x < 0 {
            // Not 1 − (1 − tiny): small sigmoids keep their relative precision.
            #expect(isClose(sigmoidPartial, t / ((1 + t) * (1 + t)), relative: 1e-14), "sigmoid'(\(x)) = \(sigmoidPartial)")
        }
    }

    @Test func sigmoidThroughPipelineAtExtremes() throws {
        let high = try evaluate("sigmoid(x) + softplus(x)", "x=800")
        #expect(high.value == 801)
        #expect(high.gradient("x") == 1)
        let low = try evaluate("sigmoid(x) + softplus(x)", "x=-800")
        #expect(low.value == 0)
        #expect(low.gradient("x") == 0)
        #expect(low.numericWarnings.isEmpty)
    }
}
