import Testing
@testable import GradDiff

/// Random expressions that leave every domain on purpose: steps and kinks, powers of
/// negative bases, division by a step, logarithms and roots of negative numbers, so
/// that nan and inf flow through the derivative. Deterministic: a seed replays a case.
struct HostileExpressionGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func leaf() -> String {
        ["x", "y", "x", "y", "0", "0.5", "2", "-1", "1e308"][random.below(9)]
    }

    mutating func expression(depth: Int) -> String {
        if depth == 0 || random.below(5) == 0 { return leaf() }
        let a = expression(depth: depth - 1)
        switch random.below(20) {
        case 0: return "(\(a) + \(expression(depth: depth - 1)))"
        case 1: return "(\(a) - \(expression(depth: depth - 1)))"
        case 2: return "(\(a)) * (\(expression(depth: depth - 1)))"
        case 3: return "(\(a)) / (\(expression(depth: depth - 1)))"
        case 4: return "(\(a))^(\(expression(depth: depth - 1)))"
        case 5: return "step(\(a))"
        case 6: return "relu(\(a))"
        case 7: return "abs(\(a))"
        case 8: return "sign(\(a))"
        case 9: return "(\(a))^0.5"
        case 10: return "log(\(a))"
        case 11: return "sqrt(\(a))"
        case 12: return "max(\(a), \(expression(depth: depth - 1)))"
        case 13: return "min(\(a), \(expression(depth: depth - 1)))"
        case 14: return "exp(\(a))"
        case 15: return "atan(\(a))"
        case 16: return "sinh(\(a))"
        case 17: return "(\(a))^2"
        case 18: return "(\(a)) * 0"
        default: return "-(\(a))"
        }
    }

    mutating func point() -> String {
        let values = [-0.7446, -0.33, 0, 1.57, -0.13, 2, -1e-300 / 1e20, 1e200]  // a subnormal, without a literal the compiler warns about
        return "x=\(values[random.below(values.count)]) y=\(values[random.below(values.count)])"
    }
}

/// The derivative graph (`NodeAlgebra`) folds only what is exact for every double, so it
/// evaluates to the numeric backward pass's gradient bit for bit, nan and inf included;
/// `graddiff diff`'s values are that gradient, whatever its simplified formula gives.
struct DerivativeExactnessTests {
    static let baseSeed: UInt64 = 0xE8AC_7000
    static let expressionCount = 600

    /// Equal as doubles (0 and -0 alike), or both nan.
    static func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }

    @Test func derivativeGraphsEqualTheNumericGradientEverywhere() throws {
        var nonFinite = 0
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = HostileExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            let point = generator.point()
            guard let evaluation = try? evaluate(text, point) else { continue }
            let symbolic = try SymbolicBackwardPassTests.symbolicGradients(evaluation)
            for (slot, numeric) in evaluation.variableGradients.enumerated() {
                if !numeric.isFinite { nonFinite += 1 }
                #expect(Self.same(symbolic[slot], numeric),
                        "seed \(seed): d/d\(evaluation.tape.variableNames[slot]) of \(text) at \(point): \(symbolic[slot]) symbolic, \(numeric) numeric")
            }
        }
        // The generator must reach nan and inf, or this test proves nothing about them.
        #expect(nonFinite > 50, "only \(nonFinite) non-finite gradients")
    }

    @Test(arguments: [
        ("step(relu(sinh(atan(x^0.5))))", "x=-0.7446"),
        ("(x+2)/step(x)", "x=-0.33"),
        ("x - y^step(x)", "x=1.57 y=-0.13"),
        ("0 * exp(x)", "x=1000"),
    ])
    func diffValuesAreTheNumericGradient(_ text: String, _ point: String) throws {
        let evaluation = try evaluate(text, point)
        let formulas = try DerivativeFormulas(evaluation.program, output: evaluation.output, wrt: nil,
                                              variables: evaluation.variableValues)
        let values = try #require(formulas.values)
        for (slot, numeric) in evaluation.variableGradients.enumerated() {
            #expect(Self.same(values[slot], numeric), "\(text): d/d\(formulas.names[slot]) = \(values[slot]), numeric \(numeric)")
        }
        // Each of these is a point where the simplified formula and the number part.
        #expect(formulas.programReport().contains("the formula gives"), "\(formulas.programReport())")
    }

    @Test func secondDerivativesFoldExactlyToo() throws {
        // d²/dx² of x·relu(x) holds x·0 from relu's step: at x = inf it is nan, not 0.
        let program = try parseProgram("x * relu(x)")
        let output = try #require(program.output)
        let infinite = try DerivativeFormulas(program, output: output, wrt: ["x"], order: 2, variables: [.infinity])
        #expect(infinite.values?[0].isNaN == true)
        let finite = try DerivativeFormulas(program, output: output, wrt: ["x"], order: 2, variables: [3])
        #expect(finite.values == [2])
        #expect(finite.text.program() == "2 * step(x)")
    }
}
