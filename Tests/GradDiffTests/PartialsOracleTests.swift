import Foundation
import Testing
@testable import GradDiff

/// One op's local partials at one point, from `scripts/partials_oracle.py`: mpmath's
/// derivative at the exact double inputs, rounded once (nan where the documented
/// convention says so). `b` and `db` are 0 for one-input ops.
struct PartialCase: Sendable, CustomTestStringConvertible {
    var op: String
    var a: Double
    var b: Double = 0
    var da: Double
    var db: Double = 0
    var testDescription: String { "∂\(op) at (\(a), \(b))" }
}

/// The rule table against mpmath (`PartialsOracleData.swift`): at ordinary and extreme
/// inputs (tiny, subnormal, huge, next to a domain's edge), every finite input whose
/// exact partial is finite gets it to within a few units in the last place, and the
/// conventions (nan for a negative base's ∂(a^b)/∂b) hold wherever the numbers underflow.
struct PartialsOracleTests {
    /// The most a partial may differ from the correctly rounded one: 8 units in the last
    /// place (libm's functions are within 1; a partial composes a few operations).
    static func isAccurate(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
        if expected.isInfinite || actual.isInfinite { return actual == expected }
        let unit = Swift.max(expected.magnitude.ulp, Double.leastNonzeroMagnitude)
        return (actual - expected).magnitude <= 8 * unit
    }

    @Test(arguments: cases)
    func partialsMatchMpmath(_ oracle: PartialCase) throws {
        let op = try #require(Op.allCases.first { $0.name == oracle.op }, "no op named \(oracle.op)")
        let (da, db) = NumericPartials(kinks: .zero).of(op, oracle.a, oracle.b, output: op.value(oracle.a, oracle.b))
        #expect(Self.isAccurate(da, oracle.da), "∂/∂a: \(da), mpmath \(oracle.da)")
        if op.arity == 2 {
            #expect(Self.isAccurate(db, oracle.db), "∂/∂b: \(db), mpmath \(oracle.db)")
        }
    }
}

/// The issue's cases through the whole pipeline: the gradients and the warnings a user sees.
struct PartialsAtTheEdgesTests {
    @Test func atan2AtTinyArgumentsHasItsExactGradientAndNoWarning() throws {
        for scale in [1e-200, 1e-160, 1e200] {
            let evaluation = try evaluate("atan2(y, x)", "y=\(scale) x=\(scale)")
            // Exactly ±1/(2·scale), to within 2 units in the last place.
            #expect(isClose(evaluation.gradient("y") ?? .nan, 0.5 / scale, relative: 4.5e-16), "at \(scale)")
            #expect(isClose(evaluation.gradient("x") ?? .nan, -0.5 / scale, relative: 4.5e-16), "at \(scale)")
            #expect(evaluation.warnings.isEmpty && evaluation.numericWarnings.isEmpty,
                    "\(evaluation.numericWarnings.map(\.diagnostic.message))")
        }
    }

    /// ∂(x^y)/∂x = y·x^(y−1) (mpmath): x^(y−1) overflowed (x^-1 = 1e320) where the product
    /// is 1e120, with a warning that called the point not differentiable; and y − 1 rounded
    /// (60 units in the last place at y = 0.1, x = 1e-200).
    @Test func powerSlopeInTheBaseNeitherOverflowsNorRoundsTheExponent() throws {
        for (bindings, exact) in [("x=1e-320 y=1e-200", 1.0000111329412579779e120),
                                  ("x=1e-200 y=0.1", 9.999999999999975152e178),
                                  ("x=-2 y=3", 12.0), ("x=2.5 y=0.1", 0.043838329055408695)] {
            let evaluation = try evaluate("x^y", bindings)
            #expect(isClose(evaluation.gradient("x") ?? .nan, exact, relative: 4.5e-16), "\(bindings): \(evaluation.gradient("x") ?? .nan)")
            // (A negative base has a nan slope in the exponent, which warns.)
            #expect(bindings.hasPrefix("x=-") || evaluation.numericWarnings.isEmpty, "\(bindings): \(evaluation.numericWarnings.map(\.diagnostic.message))")
        }
    }

    /// atan'(x) = 1/(1 + x²) (mpmath, 300 bits at the exact double x, rounded once): 1 + x²
    /// overflowed past |x| = 1.34e154 and the gradient was 0, where it is a subnormal number
    /// until |x| = 1e162. Ordinary points keep their bits: 1/(1 + x·x) as before.
    @Test func atanSlopeAtHugeArgumentsIsSubnormalNotZero() throws {
        for (x, exact) in [(1.35e154, Double("5.48696844993141e-309")!), (2e154, Double("2.5e-309")!),
                           (-5e155, Double("4e-312")!), (1e160, Double("1e-320")!), (3e161, Double("1e-323")!)] {
            let slope = try evaluate("atan(x)", "x=\(x)").gradient("x") ?? .nan
            #expect(isWithin(1, ulpsOf: exact, slope), "atan'(\(x)) = \(slope), mpmath \(exact)")
        }
        for x in [0.5, -0.7, 2, 1e-8, 3e7, 1e100, 1.3e154] {
            #expect(try evaluate("atan(x)", "x=\(x)").gradient("x") == 1 / (1 + x * x), "at \(x)")
        }
    }

    /// ∂hypot(x, y)/∂x = x/hypot(x, y) (mpmath, 300 bits at the exact doubles, rounded
    /// once): a subnormal hypot has lost the digits the quotient needs (1.3e-4 of it at
    /// x = y = 1e-320; 0.5 for 1/√5 at (5e-324, 1e-323)), and an infinite one left 0 for
    /// 1/√2. Ordinary points keep their bits; the Hessian is (y/r)²/r, -(x/r)(y/r)/r and
    /// (x/r)²/r (hypotHessianKeepsItsDigitsWhereOneSideIsSmall).
    @Test func hypotSlopesAtSubnormalAndHugeArgumentsAreExact() throws {
        for (bindings, dx, dy) in [("x=1e-320 y=1e-320", 0.7071067811865476, 0.7071067811865476),
                                   ("x=5e-324 y=1e-323", 0.4472135954999579, 0.8944271909999159),
                                   ("x=2e-320 y=3e-320", 0.5547001962252291, 0.8320502943378437),
                                   ("x=-3e-321 y=4e-321", -0.5996838101200691, 0.800237044806023),
                                   ("x=1.5e308 y=-1.5e308", 0.7071067811865476, -0.7071067811865476)] {
            let evaluation = try evaluate("hypot(x, y)", bindings)
            let (slopeX, slopeY) = (evaluation.gradient("x") ?? .nan, evaluation.gradient("y") ?? .nan)
            #expect(isWithin(1, ulpsOf: dx, slopeX) && isWithin(1, ulpsOf: dy, slopeY), "\(bindings): \(slopeX), \(slopeY)")
        }
        for (x, y) in [(3.0, 4.0), (0.5, 2.5), (-1.5, 0.25), (1e-300, 1.0), (1e154, 1e154), (-0.0, 2.0)] {
            let r = hypot(x, y)
            let (dx, dy) = NumericPartials(kinks: .zero).of(.hypot, x, y, output: r)
            #expect(dx.bitPattern == (x / r).bitPattern && dy.bitPattern == (y / r).bitPattern, "at (\(x), \(y))")
            let evaluation = try evaluate("hypot(x, y)", "x=\(x) y=\(y)")
            let h = try Hessian.compute(evaluation.result)
            let (p, q) = (x / r, y / r)
            #expect(h == [[q * q / r, -(p * q / r)], [-(q * p / r), p * p / r]], "at (\(x), \(y))")
        }
    }

    @Test func aNegativeBaseHasNoGradientInTheExponentEvenWhenThePowerUnderflows() throws {
        for y in [1e300, 3.0, 1075] {
            let evaluation = try evaluate("x^y", "x=-0.5 y=\(y)")
            #expect(evaluation.gradient("y")?.isNaN == true, "x=-0.5 y=\(y): \(String(describing: evaluation.gradient("y")))")
        }
        #expect(try evaluate("x^y", "x=0 y=2").gradient("y") == 0)
        #expect(try evaluate("x^y", "x=0.5 y=2000").gradient("y") == 0)  // underflows with a positive base: 0
    }
}
