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
