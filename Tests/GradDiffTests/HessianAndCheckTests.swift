import Foundation
import Testing
@testable import GradDiff

/// Second and higher derivatives (reverse over reverse) and the gradient check.
struct HessianAndCheckTests {
    @Test func hessianOfAKnownClosedForm() throws {
        // f = x²y + sin(xy): f_xx = 2y − y² sin(xy), f_xy = 2x + cos(xy) − xy sin(xy), f_yy = −x² sin(xy).
        let (x, y) = (0.7, -1.3)
        let h = try Hessian.compute(try evaluate("x^2*y + sin(x*y)", "x=\(x) y=\(y)").result)
        #expect(isClose(h[0][0], 2 * y - y * y * sin(x * y), relative: 1e-14))
        #expect(isClose(h[0][1], 2 * x + cos(x * y) - x * y * sin(x * y), relative: 1e-14))
        #expect(isClose(h[1][0], 2 * x + cos(x * y) - x * y * sin(x * y), relative: 1e-14))
        #expect(isClose(h[1][1], -x * x * sin(x * y), relative: 1e-14))
    }

    @Test func hessiansAreSymmetricAndMatchDifferencesOfTheGradient() throws {
        for index in 0..<120 {
            let seed = SymbolicBackwardPassTests.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 3)
            let point = generator.point()
            let evaluation = try evaluate(text, SymbolicBackwardPassTests.bindings(point))
            let h = try Hessian.compute(evaluation.result)
            let names = evaluation.tape.variableNames
            for i in names.indices {
                for j in names.indices {
                    #expect(isClose(h[i][j], h[j][i], relative: 1e-9, absolute: 1e-12), "seed \(seed): \(text)")
                }
                // Central difference of the gradient in variable i.
                var plus = point, minus = point
                let step = 1e-5 * Swift.max(1, Swift.abs(point[names[i]]!))
                plus[names[i]]! += step
                minus[names[i]]! -= step
                let up = try evaluate(text, SymbolicBackwardPassTests.bindings(plus)).variableGradients
                let down = try evaluate(text, SymbolicBackwardPassTests.bindings(minus)).variableGradients
                for j in names.indices {
                    let difference = (up[j] - down[j]) / (2 * step)
                    #expect(isClose(h[i][j], difference, relative: 1e-4, absolute: 1e-5 * Swift.max(1, Swift.abs(h[i][j]))),
                            "seed \(seed): H[\(names[i])][\(names[j])] of \(text): \(h[i][j]) vs \(difference)")
                }
            }
        }
    }

    @Test(arguments: [
        ("x^4", 3, 2.0, 48.0),
        ("sin(x)", 4, 0.3, sin(0.3)),
        ("exp(2*x)", 5, 0.1, 32 * exp(0.2)),
        ("log(x)", 2, 3.0, -1.0 / 9),
    ])
    func higherOrderDerivatives(_ text: String, _ order: Int, _ x: Double, _ expected: Double) throws {
        let evaluation = try evaluate(text, "x=\(x)")
        #expect(isClose(try Hessian.derivative(evaluation.result, slot: 0, order: order), expected, relative: 1e-13))
    }

    /// tanh'' = -2·sech²·tanh (mpmath): no cosh to overflow past |x| = 710, where 0·inf
    /// made every entry nan, and no sech·sech/cosh to underflow early (355 gave -0).
    @Test func tanhSecondDerivativesNeitherOverflowNorUnderflowEarly() throws {
        let far = try evaluate("tanh(x)", "x=711").result
        #expect(try Hessian.derivative(far, slot: 0, order: 2) == 0)
        let near = try evaluate("tanh(x)", "x=355").result
        #expect(isClose(try Hessian.derivative(near, slot: 0, order: 2), -3.581028980540104e-308, relative: 1e-14))
        // True entries are about -1e-694·(x or y)² and sech²: zeros in doubles.
        let h = try Hessian.compute(try evaluate("tanh(x*y)", "x=40 y=20").result)
        #expect(h.joined().allSatisfy { $0 == 0 }, "\(h)")
        // The third derivative keeps its precision: -2·sech²·(sech² - 2·tanh²) at 0.5.
        let third = try Hessian.derivative(try evaluate("tanh(x)", "x=0.5").result, slot: 0, order: 3)
        #expect(isClose(third, -0.5652092882597703608, relative: 1e-15))
    }

    /// atan'' = -2x/(1 + x²)² and atan''' = (6x² - 2)/(1 + x²)³ (mpmath, 300 bits at the
    /// exact double x, rounded once): atan'/(1 + x²) underflowed past |x| = 1e77, so the
    /// Hessian was 0 from 1e81 where it is a normal number until 1e102, and atan''' had the
    /// wrong sign at 1e76. At 0.5 both keep their bits (-0.64 and -0.256).
    @Test func atanHigherDerivativesDoNotUnderflowEarly() throws {
        for (x, exact) in [(0.5, -0.64), (1e80, -2e-240), (-1e90, 2e-270), (1e101, -2.0000000000000002e-303),
                           (1e104, Double("-2e-312")!)] {
            let second = try Hessian.derivative(try evaluate("atan(x)", "x=\(x)").result, slot: 0, order: 2)
            #expect(isWithin(2, ulpsOf: exact, second), "atan''(\(x)) = \(second), mpmath \(exact)")
        }
        for (x, exact) in [(0.5, -0.256), (1e76, 5.999999999999999e-304), (-3e70, 7.40740740740741e-282)] {
            let third = try Hessian.derivative(try evaluate("atan(x)", "x=\(x)").result, slot: 0, order: 3)
            #expect(isWithin(4, ulpsOf: exact, third), "atan'''(\(x)) = \(third), mpmath \(exact)")
        }
        #expect(try Hessian.derivative(try evaluate("atan(x)", "x=0.5").result, slot: 0, order: 2) == -0.64)
    }

    /// hypot's Hessian: y²/r³, -xy/r³ and x²/r³, r = hypot(x, y) (mpmath, 300 bits at the
    /// exact doubles, rounded once; for hypot(x, 1e-3*y), y's entries times the double
    /// 1e-3 once or twice). 1/r - (x/r)²/r cancelled where |y| ≪ |x|: 4.5e-11 of ∂²/∂x²
    /// lost at y = 1e-3·x, and 0 for 1e-16 at 1e-8·x.
    @Test(arguments: [("hypot(x, 1e-3*y)", "x=1 y=1", [9.999985000018751e-07, -9.999985000018751e-07, 9.999985000018751e-07]),
                      ("hypot(x, y)", "x=1 y=1e-8", [9.999999999999999e-17, -9.999999999999999e-09, 0.9999999999999999]),
                      ("hypot(x, y)", "x=-2.5 y=1e-12", [6.4e-26, 1.6e-13, 0.4]),
                      ("hypot(x, y)", "x=1e200 y=3e190", [9e-220, -3e-210, 1e-200]),
                      ("hypot(x, y)", "x=3 y=4", [0.128, -0.096, 0.072])])
    func hypotHessianKeepsItsDigitsWhereOneSideIsSmall(_ text: String, _ bindings: String, _ exact: [Double]) throws {
        let h = try Hessian.compute(try evaluate(text, bindings).result)
        for (actual, expected) in zip([h[0][0], h[0][1], h[1][1]], exact) {
            #expect(isWithin(2, ulpsOf: expected, actual), "\(bindings): \(h), mpmath \(exact)")
        }
        #expect(h[1][0] == h[0][1])
    }

    @Test func checkPassesOnSmoothExpressions() throws {
        for index in 0..<100 {
            let seed = SymbolicBackwardPassTests.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 3)
            let evaluation = try evaluate(text, SymbolicBackwardPassTests.bindings(generator.point()))
            let check = GradientCheck(evaluation.result, tolerance: 1e-5)
            #expect(check.passed, "seed \(seed): \(text): \(check.rows.map(\.relativeError))")
        }
    }

    @Test func kinksAreReportedNotFailed() throws {
        let check = GradientCheck(try evaluate("abs(x) + max(y, z) * w + relu(w)", "x=0 y=1 z=1 w=2").result)
        let verdicts = Dictionary(uniqueKeysWithValues: check.rows.map { ($0.name, $0.verdict) })
        #expect(verdicts == ["x": .kink, "y": .kink, "z": .kink, "w": .ok])
        #expect(check.passed)
    }

    @Test func aToleranceFinerThanTheDifferenceCannotBeChecked() throws {
        // A finite difference is good to about 1e-13 here: 1e-15 is beyond what it can
        // tell, which is said (not failed: the gradient is right).
        let check = GradientCheck(try evaluate("exp(x)", "x=20").result, tolerance: 1e-15)
        #expect(check.passed)
        #expect(check.rows[0].verdict == .uncheckable && check.rows[0].reason == .imprecise)
        #expect(check.rows[0].centralError > 1e-15 * check.rows[0].reverse)
    }

    /// An infinite gradient against a settled finite difference fails, as a nan one does:
    /// sqrt(x*x) at 1e-200 has slope 1, but x*x underflows to 0 and the gradient is inf.
    /// (It passed: inf was within the tolerance times a scale of inf.) Where nothing
    /// settles (sqrt at 0), it still cannot be checked.
    @Test func anInfiniteGradientAgainstASettledDifferenceFails() throws {
        let underflow = GradientCheck(try evaluate("sqrt(x*x)", "x=1e-200").result)
        #expect(underflow.rows[0].reverse == .infinity && underflow.rows[0].verdict == .fail)
        #expect(underflow.rows[0].relativeError == .infinity && !underflow.passed)
        let pole = GradientCheck(try evaluate("sqrt(x)", "x=0").result)
        #expect(pole.rows[0].verdict == .uncheckable && pole.passed)
    }
}
