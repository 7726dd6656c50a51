import Foundation
import Testing
@testable import GradDiff

/// logsumexp and softmax as `TensorLowering` writes them, c + log Σ exp(x − c) with c the
/// largest element: the testers' cases (each failed with the fold l ← l + softplus(x − l),
/// which never subtracted the largest), masks in every position, ties of the largest,
/// infinities and nan, the narration, and mpmath's values at vectors of mixed magnitudes.
struct LogsumexpStabilityTests {
    /// |actual − expected| in units in the last place of `expected`.
    static func ulps(_ actual: Double, _ expected: Double) -> Double {
        Swift.abs(actual - expected) / expected.ulp
    }

    /// `v=[a, b, …]`, each number written to round-trip.
    static func binding(_ v: [Double]) -> String {
        "v=[" + v.map { "\($0)" }.joined(separator: ", ") + "]"
    }

    @Test func anElementFarBelowAddsNothing() throws {
        let lse = try evaluateTensors("logsumexp(v)", ["v=[-1e20, 1]"])
        #expect(lse.value == 1)
        #expect(try lse.tensorGradient("v") == [0, 1])
        #expect(try evaluateTensors("sum(softmax(v))", ["v=[-1e20, 1]"]).value == 1)
    }

    @Test func anElementABillionBelowAddsNothing() throws {
        #expect(try evaluateTensors("softmax(v)[2]", ["v=[-1e9, 0.3]"]).value == 1)
        #expect(try evaluateTensors("logsumexp(v)", ["v=[-1e9, 0.3]"]).value == 0.3)
    }

    /// Equal elements share equally, to the ulp: the old fold rounded each running total
    /// (1e16 + log 2 is 1e16) and gave 1, 0.3679 and 0.3333333333333531.
    @Test(arguments: [(1e16, 2), (3e15, 3), (1000, 3), (-1e300, 4), (0.5, 7)])
    func equalElementsShareEqually(element: Double, count: Int) throws {
        let v = Array(repeating: element, count: count)
        let share = 1 / Double(count)
        let shares = try evaluateTensors("s = softmax(v); s[1]", [Self.binding(v)]).tensorValues("s")
        #expect(shares.allSatisfy { Self.ulps($0, share) <= 1 }, "\(shares)")
        // The gradient of logsumexp is softmax whichever tied element is the largest.
        let lse = try evaluateTensors("logsumexp(v)", [Self.binding(v)])
        let gradient = try lse.tensorGradient("v")
        #expect(gradient.allSatisfy { Self.ulps($0, share) <= 1 }, "\(gradient)")
        #expect(Self.ulps(lse.value, element + Foundation.log(Double(count))) <= 1)
    }

    /// log(0) = -inf leaves its element out, wherever it stands: the first place gave nan.
    @Test("a -inf element is a mask in every position", arguments: 0..<3)
    func minusInfinityMasksAnywhere(position: Int) throws {
        var elements = ["a", "b"]
        elements.insert("k", at: position)
        let list = "[" + elements.joined(separator: ", ") + "]"
        let e = Foundation.exp(1.0)
        let lse = try evaluate("k = log(m); logsumexp(\(list))", "m=0 a=1 b=2")
        #expect(isClose(lse.value, Foundation.log(e + e * e), relative: 2e-16))
        #expect(isClose(try #require(lse.gradient("a")), 1 / (1 + e), relative: 4e-16))
        #expect(isClose(try #require(lse.gradient("b")), e / (1 + e), relative: 4e-16))
        #expect(lse.gradient("k") == 0)
        for (index, expected) in [(position + 1, 0.0), (position == 0 ? 2 : 1, 1 / (1 + e))] {
            let softmax = try evaluate("k = log(m); softmax(\(list))[\(index)]", "m=0 a=1 b=2")
            #expect(isClose(softmax.value, expected, relative: 4e-16), "softmax[\(index)]")
            #expect(softmax.gradient("k") == 0 && softmax.gradient("a")!.isFinite && softmax.gradient("b")!.isFinite)
        }
        // A constant mask: every gradient finite, no warning but log(0)'s own.
        let constant = try evaluate("logsumexp(\(list.replacingAll("k", with: "log(0)")))", "a=1 b=2")
        #expect(isClose(constant.value, Foundation.log(e + e * e), relative: 2e-16))
        #expect(constant.gradient("a")!.isFinite && constant.gradient("b")!.isFinite)
        #expect(constant.numericWarnings.count == 1)
    }

    /// 1e308 - (-1e308) overflows, but no node holds it: no warning, and --strict passes.
    @Test func elementsFartherApartThanTheLargestDouble() throws {
        let lse = try evaluateTensors("logsumexp(v)", ["v=[-1e308, 1e308]"])
        #expect(lse.value == 1e308)
        #expect(try lse.tensorGradient("v") == [0, 1])
        #expect(lse.numericWarnings.isEmpty)
        let softmax = try evaluateTensors("s = softmax(v); s[1]", ["v=[-1e308, 1e308]"])
        #expect(try softmax.tensorValues("s") == [0, 1])
        #expect(softmax.numericWarnings.isEmpty)
    }

    /// All -inf: -inf, and the equal shares of any equal elements; +inf: +inf, the shares
    /// among the +inf elements; nan: nan.
    @Test func infinitiesAndNaN() throws {
        let masked = try evaluate("k = log(m); l = logsumexp([k, k, k]); s = softmax([k, k, k]); l + s[1]", "m=0")
        #expect(masked.value(of: "l") == -.infinity)
        #expect(try masked.tensorValues("s") == [1.0 / 3, 1.0 / 3, 1.0 / 3])
        let infinite = try evaluate("k = 1 / m; l = logsumexp([a, k, k]); s = softmax([a, k, k]); l + s[1]", "m=0 a=1")
        #expect(infinite.value(of: "l") == .infinity)
        #expect(try infinite.tensorValues("s") == [0, 0.5, 0.5])
        let missing = try evaluate("k = 0 / m; l = logsumexp([a, k]); s = softmax([a, k]); l + s[1]", "m=0 a=1")
        #expect(missing.value(of: "l")!.isNaN)
        #expect(try missing.tensorValues("s").allSatisfy(\.isNaN))
    }

    /// The largest tied: no kink (the shift carries no derivative), so every --kink
    /// convention gives softmax, and --kink error has nothing to refuse.
    @Test(arguments: KinkConvention.allCases)
    func tiesOfTheLargestAreNoKink(_ kinks: KinkConvention) throws {
        let program = try parseProgram("logsumexp([a, b, c])")
        let evaluation = try Evaluation.run(program, bindings: parseBindings("a=2 b=2 c=1"), kinks: kinks)
        #expect(evaluation.kinkWarnings.isEmpty)
        let total = 2 + Foundation.exp(-1.0)
        for (name, share) in [("a", 1 / total), ("b", 1 / total), ("c", Foundation.exp(-1.0) / total)] {
            #expect(Self.ulps(try #require(evaluation.gradient(name)), share) <= 2, "\(name), --kink \(kinks.rawValue)")
        }
    }

    /// Second derivatives and forward mode through the lowering: the Hessian of
    /// logsumexp is diag(s) − s sᵀ, the tangent along each input its gradient.
    @Test(arguments: [[2.0, 2, 1], [1000, 1000.5, 999], [-1e20, 1, 0.25], [3, -40, 3]])
    func hessianAndTangent(_ point: [Double]) throws {
        let bindings = "a=\(point[0]) b=\(point[1]) c=\(point[2])"
        let evaluation = try evaluate("logsumexp([a, b, c])", bindings)
        let largest = point.max()!
        let shares = point.map { Foundation.exp($0 - largest) / point.map { Foundation.exp($0 - largest) }.reduce(0, +) }
        let hessian = try Hessian.compute(evaluation.result)
        for i in 0..<3 {
            for j in 0..<3 {
                let expected = (i == j ? shares[i] : 0) - shares[i] * shares[j]
                #expect(isClose(hessian[i][j], expected, relative: 1e-14, absolute: 1e-17), "H[\(i)][\(j)] at \(point)")
            }
            let tangent = TangentPass.run(evaluation.tape, values: evaluation.values, direction: TangentPass.unit(i, of: 3),
                                          kinks: .zero)[Int(evaluation.output)]
            #expect(tangent == evaluation.gradients[Int(evaluation.tape.variableNodes[i])], "tangent \(i) at \(point)")
        }
    }

    /// --explain sends δ · softmax(v), the table's gradient: it narrated exp(v - l) with
    /// the fold's l = 0, [0, 2.718...], beside a table saying [0, 1].
    @Test(arguments: ["v=[-1e20, 1]", "v=[1e16, 1e16]", "v=[1000, 1000, 1000]", "v=[-1e308, 1e308]"])
    func narrationAgreesWithTheTable(_ v: String) throws {
        let evaluation = try evaluateTensors("l = logsumexp(v)", [v])
        let view = try #require(TensorView(evaluation.result))
        let text = TensorExplainFormatter(view, OutputOptions()).render(.backward)
        let sent = try #require(text.split(separator: "\n").first { $0.contains("v ← ") }, "\(text)")
        #expect(sent.contains("softmax(v)"), "\(sent)")
        // The numbers after the last "=", printed to 10 digits.
        let list = try #require(sent.split(separator: "=").last).trimmingCharacters(in: CharacterSet(charactersIn: " []"))
        let narrated = list.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(allClose(narrated, try evaluation.tensorGradient("v"), relative: 1e-9), "\(v): \(sent)")
    }

    @Test("agrees with mpmath at vectors of mixed magnitudes", arguments: logsumexpOracleCases)
    func agreesWithMpmath(_ oracle: LogsumexpCase) throws {
        let lse = try evaluateTensors("logsumexp(v)", [Self.binding(oracle.v)])
        let largest = oracle.v.max()!
        // c + log Σ: an ulp or so of the larger of c and log Σ (≤ log 6), as NumPy's.
        #expect(Swift.abs(lse.value - oracle.logsumexp) <= 4 * Double.ulpOfOne * Swift.max(1, Swift.abs(largest)),
                "logsumexp \(lse.value), mpmath \(oracle.logsumexp)")
        let softmax = try evaluateTensors("s = softmax(v); s[1]", [Self.binding(oracle.v)])
        for (name, actual) in [("softmax", try softmax.tensorValues("s")), ("gradient", try lse.tensorGradient("v"))] {
            for (k, (share, expected)) in zip(actual, oracle.softmax).enumerated() {
                // exp(x − c) inherits the rounding of x − c: |x − c|·ε, the problem's own.
                // (A share of 0 has none: its x − c may be -inf.)
                let tolerance = expected == 0 ? 0 : 4 * Double.ulpOfOne * (1 + Swift.abs(oracle.v[k] - largest)) * expected
                #expect(Swift.abs(share - expected) <= tolerance + 1e-300, "\(name)[\(k + 1)] \(share), mpmath \(expected)")
            }
        }
        #expect(Swift.abs(try softmax.tensorValues("s").reduce(0, +) - 1) <= Double(oracle.v.count) * Double.ulpOfOne)
    }
}

/// A vector and mpmath's logsumexp and softmax of it (`LogsumexpOracleData.swift`).
struct LogsumexpCase: Sendable, CustomTestStringConvertible {
    var v: [Double]
    var logsumexp: Double
    var softmax: [Double]
    var testDescription: String { "\(v)" }
}
