import Foundation
import Testing
@testable import GradDiff

/// The lecture notes' matrix formulas (seed 004, CS224n; seed 001's ReLU network grown
/// to micrograd's MLP), written as the notes write them, and graddiff's gradients
/// against the same formulas computed here with plain loops.
@Suite struct TensorSeedTests {
    static let cs224n = """
        # CS224n: s = Uᵀ f(Wx + b), f = sigmoid
        W = [[0.5, -0.3], [0.8, 0.2], [-0.6, 0.4]]
        x = [1, 2]
        b = [0.1, -0.2, 0.3]
        U = [0.7, -0.5, 0.9]
        z = W @ x + b
        a = sigmoid(z)
        s = Uᵀ @ a
        """

    @Test func cs224nGradientOfWIsDeltaTimesXTransposed() throws {
        let evaluation = try evaluateTensors(Self.cs224n)
        let w = [0.5, -0.3, 0.8, 0.2, -0.6, 0.4], x = [1.0, 2], b = [0.1, -0.2, 0.3], u = [0.7, -0.5, 0.9]
        let z = (0..<3).map { i in w[2 * i] * x[0] + w[2 * i + 1] * x[1] + b[i] }
        let a = z.map(Plain.sigmoid)
        // δ = U ∘ f'(z) = U ∘ a ∘ (1 - a) = U ∘ σ(z) ∘ σ(-z); ∂s/∂W = δ xᵀ; ∂s/∂x = Wᵀ δ; ∂s/∂b = δ; ∂s/∂U = a.
        let delta = (0..<3).map { u[$0] * a[$0] * (1 - a[$0]) }
        #expect(isClose(evaluation.value, (0..<3).reduce(0) { $0 + u[$1] * a[$1] }, relative: 1e-15))
        #expect(allClose(try evaluation.tensorGradient("W"), Plain.outer(delta, x), relative: 1e-14))
        #expect(allClose(try evaluation.tensorGradient("x"), Plain.product(Plain.transpose(w, m: 3, n: 2), delta, m: 2, k: 3, n: 1),
                         relative: 1e-14))
        #expect(allClose(try evaluation.tensorGradient("b"), delta, relative: 1e-14))
        #expect(allClose(try evaluation.tensorGradient("U"), a, relative: 1e-14))
        #expect(allClose(try evaluation.tensorGradient("z"), delta, relative: 1e-14))

        // The narration says it with the notes' formula and these numbers.
        let explanation = ExplainFormatter(evaluation.result, OutputOptions(precision: 6)).render(.backward)
        let lines = explanation.split(separator: "\n").map(String.init)
        let number = { (value: Double) in NumberFormat.significant(value, digits: 6) }
        let product = Plain.outer(delta, x)
        #expect(lines.contains("  z ← δa ∘ a ∘ sigmoid(-z) = [\(delta.map(number).joined(separator: ", "))]"), "\(explanation)")
        let narrated = try #require(Self.numbers(after: "  W ← δz · xᵀ = ", in: explanation), "\(explanation)")
        #expect(allClose(narrated, product, relative: 1e-5), "\(narrated) is not δ xᵀ = \(product)")
        #expect(lines.contains("  x ← Wᵀ · δz = [" + Plain.product(Plain.transpose(w, m: 3, n: 2), delta, m: 2, k: 3, n: 1).map(number)
                                   .joined(separator: ", ") + "]"), "\(explanation)")
        #expect(lines.contains("  b ← δz = [\(delta.map(number).joined(separator: ", "))]"))
        #expect(lines.contains("s = Uᵀ @ a  δs = 1"))
    }

    /// The numbers of the value printed after `prefix`, up to its closing bracket.
    static func numbers(after prefix: String, in text: String) -> [Double]? {
        guard let start = text.range(of: prefix)?.upperBound else { return nil }
        let rest = text[start...]
        let end = rest.range(of: "]]")?.upperBound ?? rest.firstIndex(of: "\n") ?? rest.endIndex
        return rest[..<end].split(whereSeparator: { "[], \n".contains($0) }).compactMap { Double($0) }
    }

    static func layers(lambda: Double) -> String {
        """
        W1 = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]
        b1 = [0.01, -0.02]
        W2 = [[0.7, -0.8], [0.9, 0.2]]
        b2 = [0.05, -0.05]
        x = [1, 0.5, -1]
        t = [1, 0]
        lambda = \(lambda)
        z2 = W1 @ x + b1
        a2 = sigmoid(z2)
        z3 = W2 @ a2 + b2
        a3 = sigmoid(z3)
        E = 0.5 * sum((a3 - t)^2) + lambda / 2 * (sum(W1^2) + sum(W2^2))
        """
    }

    @Test(arguments: [0.0, 0.01])
    func theLayerFormula(lambda: Double) throws {
        let evaluation = try evaluateTensors(Self.layers(lambda: lambda))
        let w1 = [0.1, -0.2, 0.3, 0.4, 0.5, -0.6], b1 = [0.01, -0.02], w2 = [0.7, -0.8, 0.9, 0.2], b2 = [0.05, -0.05]
        let x = [1, 0.5, -1.0], t = [1.0, 0]
        let z2 = (0..<2).map { i in (0..<3).reduce(b1[i]) { $0 + w1[3 * i + $1] * x[$1] } }
        let a2 = z2.map(Plain.sigmoid)
        let z3 = (0..<2).map { i in (0..<2).reduce(b2[i]) { $0 + w2[2 * i + $1] * a2[$1] } }
        let a3 = z3.map(Plain.sigmoid)
        // δ(3) = (a3 - t) ∘ f'(z3); δ(2) = (W2ᵀ δ(3)) ∘ f'(z2); ∂E/∂W(l) = δ(l+1) a(l)ᵀ + λ W(l).
        let delta3 = (0..<2).map { (a3[$0] - t[$0]) * a3[$0] * (1 - a3[$0]) }
        let back = Plain.product(Plain.transpose(w2, m: 2, n: 2), delta3, m: 2, k: 2, n: 1)
        let delta2 = (0..<2).map { back[$0] * a2[$0] * (1 - a2[$0]) }
        #expect(allClose(try evaluation.tensorGradient("z3"), delta3, relative: 1e-13))
        #expect(allClose(try evaluation.tensorGradient("z2"), delta2, relative: 1e-13))
        let dW2 = zip(Plain.outer(delta3, a2), w2).map { $0 + lambda * $1 }
        let dW1 = zip(Plain.outer(delta2, x), w1).map { $0 + lambda * $1 }
        #expect(allClose(try evaluation.tensorGradient("W2"), dW2, relative: 1e-13))
        #expect(allClose(try evaluation.tensorGradient("W1"), dW1, relative: 1e-13))
        #expect(allClose(try evaluation.tensorGradient("b1"), delta2, relative: 1e-13))
        #expect(allClose(try evaluation.tensorGradient("b2"), delta3, relative: 1e-13))
    }

    /// micrograd's MLP(2, [16, 16, 1]) in three lines of matrix code, against backprop by hand.
    static let micrograd = """
        W1 = randn(16, 2); b1 = zeros(16); W2 = 0.25 * randn(16, 16); b2 = zeros(16); w3 = 0.25 * randn(16); b3 = 0
        h1 = relu(W1 @ x + b1)
        h2 = relu(W2 @ h1 + b2)
        y = dot(w3, h2) + b3
        """

    @Test func microgradMLPInThreeLines() throws {
        let evaluation = try evaluateTensors(Self.micrograd, ["x=[0.5, -1.5]"])
        let w1 = try evaluation.tensorValues("W1"), w2 = try evaluation.tensorValues("W2"), w3 = try evaluation.tensorValues("w3")
        let x = [0.5, -1.5]
        let z1 = (0..<16).map { i in w1[2 * i] * x[0] + w1[2 * i + 1] * x[1] }
        let h1 = z1.map { max($0, 0) }
        let z2 = (0..<16).map { i in (0..<16).reduce(0) { $0 + w2[16 * i + $1] * h1[$1] } }
        let h2 = z2.map { max($0, 0) }
        #expect(isClose(evaluation.value, (0..<16).reduce(0) { $0 + w3[$1] * h2[$1] }, relative: 1e-13))
        // Backward by hand: dy/dh2 = w3; dy/dz2 = w3 ∘ [z2 > 0]; dy/dW2 = dz2 h1ᵀ; dy/dh1 = W2ᵀ dz2; …
        let dz2 = (0..<16).map { z2[$0] > 0 ? w3[$0] : 0 }
        let dh1 = Plain.product(Plain.transpose(w2, m: 16, n: 16), dz2, m: 16, k: 16, n: 1)
        let dz1 = (0..<16).map { z1[$0] > 0 ? dh1[$0] : 0 }
        #expect(allClose(try evaluation.tensorGradient("w3"), h2, relative: 1e-13))
        #expect(allClose(try evaluation.tensorGradient("W2"), Plain.outer(dz2, h1), relative: 1e-12, absolute: 1e-15))
        #expect(allClose(try evaluation.tensorGradient("W1"), Plain.outer(dz1, x), relative: 1e-12, absolute: 1e-15))
        #expect(allClose(try evaluation.tensorGradient("b1"), dz1, relative: 1e-12, absolute: 1e-15))
        #expect(try #require(evaluation.gradient("b3")) == 1)
        #expect(evaluation.tape.variableNames.count == 16 * 2 + 16 + 16 * 16 + 16 + 16 + 1 + 2)
    }
}
