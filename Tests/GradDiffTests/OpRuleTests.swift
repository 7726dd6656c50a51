import Foundation
import Testing
import _Differentiation
@testable import GradDiff

/// Every row of the rule table (`Op+Rules.swift`) against central differences of its own
/// `value`, on a grid of points inside its domain; plus the conventions at kinks and the
/// numerically delicate edges the table documents.
struct OpRuleTests {
    /// Points (a, b) inside the op's domain where its partials exist, away from kinks,
    /// poles and branch cuts. One-input ops ignore b. A new op fails to compile here
    /// until it is given a domain, so no row goes untested.
    static func domain(_ op: Op) -> [(Double, Double)] {
        let line: [Double] = [-3.1, -1.7, -0.45, 0.3, 1.0, 2.2, 4.5]
        let positive: [Double] = [0.05, 0.4, 1.0, 2.7, 9.0, 130.0]
        let unit: [Double] = [-0.93, -0.5, -0.1, 0.2, 0.6, 0.9]
        func pairs(_ first: [Double], _ second: [Double]) -> [(Double, Double)] {
            first.flatMap { a in second.map { b in (a, b) } }
        }
        func single(_ values: [Double]) -> [(Double, Double)] { values.map { ($0, 0) } }
        switch op {
        case .constant, .variable: return []
        case .add, .subtract, .multiply, .hypot, .hypotQuotient: return pairs(line, line)
        case .divide: return pairs(line, line.filter { Swift.abs($0) > 0.2 })
        case .power:
            // Positive bases with any exponent, and negative bases with integer exponents
            // (where only ∂/∂a exists; ∂/∂b is checked separately as nan).
            return pairs(positive.filter { $0 < 20 }, line)
        case .negate, .sin, .cos, .atan, .sinh, .cosh, .exp: return single(line)
        case .tan: return single([-1.4, -0.7, 0.1, 0.9, 1.3])
        case .tanh, .sigmoid, .softplus, .sechSquared: return single(line + [-12, 15])
        case .asin, .acos: return single(unit)
        case .log, .log2, .log10, .sqrt: return single(positive)
        case .cbrt: return single(line + [-40, 27])
        case .abs, .relu, .sign, .step: return single(line)
        case .min, .max, .lessOrEqual:
            return pairs(line, line.map { $0 + 0.35 }) + pairs(line.map { $0 + 0.35 }, line)
        case .atan2:
            // Away from the origin and from the branch cut (b < 0, a = 0).
            return pairs(line, positive.filter { $0 < 20 }) + pairs([-2.0, -0.6, 0.7, 3.0], line)
        case .xlogy: return pairs(line, positive)
        case .multiplyOrZero, .expDifference: return pairs(line, line)
        case .powerDerivative: return pairs(positive.filter { $0 < 20 }, line)
        case .atanDerivative: return single(line + [-12, 15])
        case .atanDerivativeProduct: return pairs(line, line + [-12, 15])
        // Their partials are 0 (logtotal's in b) by design, not their values' derivatives
        // (logsumexpShiftCarriesNone, LogsumexpNearZeroTests).
        case .logsumexpShift, .logsumexpRest, .logsumexpLog: return []
        }
    }

    static let opsWithInputs = Op.allCases.filter { $0.arity > 0 && ![.logsumexpShift, .logsumexpRest, .logsumexpLog].contains($0) }

    /// The central difference of `f` at `x`, with a step proportional to |x|.
    static func centralDifference(_ f: (Double) -> Double, at x: Double) -> (estimate: Double, step: Double) {
        let h = 1e-5 * Swift.max(1, Swift.abs(x))
        return ((f(x + h) - f(x - h)) / (2 * h), h)
    }

    /// Finite-difference agreement: central differences are accurate to O(h²)·|f'''| plus
    /// rounding of about ε·|f|/h; 1e-6 relative plus 1e-8·max(1, |f|) covers both on these
    /// grids with a wide margin, while a wrong rule misses by far more.
    static func agrees(_ rule: Double, _ difference: Double, value: Double) -> Bool {
        isClose(rule, difference, relative: 1e-6, absolute: 1e-8 * Swift.max(1, Swift.abs(value)))
    }

    @Test("partials agree with central differences of value", arguments: opsWithInputs)
    func partialsAgreeWithFiniteDifferences(_ op: Op) {
        let points = Self.domain(op)
        #expect(!points.isEmpty, "no test points for \(op)")
        for (a, b) in points {
            let out = op.value(a, b)
            guard out.isFinite else {
                Issue.record("\(op)(\(a), \(b)) = \(out) is not finite: the test domain is wrong")
                continue
            }
            let (ruleA, ruleB) = op.partials(a, b, output: out, in: NumericAlgebra())
            let (differenceA, _) = Self.centralDifference({ op.value($0, b) }, at: a)
            #expect(Self.agrees(ruleA, differenceA, value: out),
                    "∂\(op)/∂a at (\(a), \(b)): rule \(ruleA), central difference \(differenceA)")
            if op.arity == 2 {
                let (differenceB, _) = Self.centralDifference({ op.value(a, $0) }, at: b)
                #expect(Self.agrees(ruleB, differenceB, value: out),
                        "∂\(op)/∂b at (\(a), \(b)): rule \(ruleB), central difference \(differenceB)")
            } else {
                #expect(ruleB == 0, "\(op) has one input, so its second partial must be 0, not \(ruleB)")
            }
        }
    }

    @Test func negativeBaseWithIntegerExponent() {
        for (a, b) in [(-2.0, 3.0), (-1.5, 2.0), (-0.7, -1.0), (-3.0, 4.0)] {
            let out = Op.power.value(a, b)
            let (partialA, partialB) = Op.power.partials(a, b, output: out, in: NumericAlgebra())
            let (difference, _) = Self.centralDifference({ Op.power.value($0, b) }, at: a)
            #expect(Self.agrees(partialA, difference, value: out), "∂(a^b)/∂a at (\(a), \(b))")
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

    /// Every op has a name of its own, spelled out: the fallback reflects on the enum,
    /// which cost every table's first run a million instructions (sechSquared had none).
    @Test func everyOpHasAnExplicitName() {
        let names = Op.allCases.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        for op in Op.allCases { #expect(op.name != "op\(op.rawValue)", "\(op) has no name of its own") }
    }

    @Test func internalOpsAreNotUserFunctions() {
        for op in [Op.xlogy, .lessOrEqual, .multiplyOrZero, .sechSquared, .powerDerivative, .logsumexpShift, .expDifference,
                   .logsumexpRest, .logsumexpLog, .atanDerivative, .atanDerivativeProduct, .hypotQuotient] {
            #expect(!op.isUserFunction)
        }
        // sign and step are callable, so that printed derivatives can be pasted back in.
        #expect(Op.function(named: "sign") == .sign)
        #expect(Op.function(named: "step") == .step)
        #expect(Op.function(named: "xlogy") == nil)
        #expect(Op.function(named: "ln") == .log)
        #expect(Op.function(named: "pow") == .power)
        // Every user function is reachable by its spelling, with the arity the table says.
        for (name, op) in Op.userFunctions {
            #expect(Op.function(named: name) == op)
        }
    }

    @Test func constantsAreExact() {
        #expect(Op.constant(named: "pi") == Double.pi)
        #expect(Op.constant(named: "π") == Double.pi)
        #expect(Op.constant(named: "e") == exp(1.0))
    }

    // MARK: Swift's own automatic differentiation as an independent oracle

    /// A few smooth rows against `_Differentiation`'s registered derivatives.
    @Test(arguments: [-1.3, -0.2, 0.4, 1.1, 2.5])
    func smoothRulesAgreeWithSwiftDifferentiation(_ x: Double) {
        let numeric = NumericAlgebra()
        func rule(_ op: Op, _ a: Double) -> Double {
            op.partials(a, 0, output: op.value(a, 0), in: numeric).0
        }
        let tolerance = 1e-14
        #expect(isClose(rule(.sin, x), gradient(at: x, of: { Foundation.sin($0) }), relative: tolerance))
        #expect(isClose(rule(.cos, x), gradient(at: x, of: { Foundation.cos($0) }), relative: tolerance))
        #expect(isClose(rule(.exp, x), gradient(at: x, of: { Foundation.exp($0) }), relative: tolerance))
        #expect(isClose(rule(.tanh, x), gradient(at: x, of: { Foundation.tanh($0) }), relative: 1e-13))
        #expect(isClose(rule(.atan, x), gradient(at: x, of: { Foundation.atan($0) }), relative: tolerance))
        #expect(isClose(rule(.sinh, x), gradient(at: x, of: { Foundation.sinh($0) }), relative: tolerance))
        #expect(isClose(rule(.cosh, x), gradient(at: x, of: { Foundation.cosh($0) }), relative: tolerance))
        let sigmoid = gradient(at: x, of: { (t: Double) -> Double in 1 / (1 + Foundation.exp(-t)) })
        #expect(isClose(rule(.sigmoid, x), sigmoid, relative: 1e-13))
        let positive = Swift.abs(x) + 0.1
        #expect(isClose(rule(.log, positive), gradient(at: positive, of: { Foundation.log($0) }), relative: tolerance))
        #expect(isClose(rule(.sqrt, positive), gradient(at: positive, of: { $0.squareRoot() }), relative: tolerance))
        // Two-input rows: the multiply and divide rules against `valueWithGradient`.
        let y = x + 3.7
        let (_, product) = valueWithGradient(at: x, y, of: { $0 * $1 })
        let (mulA, mulB) = Op.multiply.partials(x, y, output: x * y, in: numeric)
        #expect(mulA == product.0 && mulB == product.1)
        let (_, quotient) = valueWithGradient(at: x, y, of: { $0 / $1 })
        let (divA, divB) = Op.divide.partials(x, y, output: x / y, in: numeric)
        #expect(isClose(divA, quotient.0, relative: tolerance) && isClose(divB, quotient.1, relative: tolerance))
    }
}

extension Op: CustomTestStringConvertible {
    public var testDescription: String { name }
}
