import Foundation
import Testing
@testable import GradDiff

/// The tensor language: literals, shapes, elementwise arithmetic, indices, declarations
/// and bindings, each lowered onto the scalar tape; the values and gradients are checked
/// against numbers the tests compute themselves.
@Suite struct TensorLanguageTests {
    @Test func literalsHaveTheirShapes() throws {
        let evaluation = try evaluateTensors("v = [x, y, x*y]; W = [[1, 2, 3], [4, 5, 6]]; s = sum(W @ v)", ["x=2", "y=3"])
        #expect(try evaluation.tensorShape("v") == [3])
        #expect(try evaluation.tensorShape("W") == [2, 3])
        #expect(try evaluation.tensorValues("v") == [2, 3, 6])
        // W is declared by a literal of numbers: an input whose elements are W[1,1], …
        #expect(evaluation.tape.variableNames.contains("W[2,3]"))
        #expect(try evaluation.tensorValues("W") == [1, 2, 3, 4, 5, 6])
    }

    @Test func elementwiseArithmeticAndScalars() throws {
        let evaluation = try evaluateTensors("a = [1, 2, 3]; b = [4, 5, 6]; c = a * b - 2 * a + b / 2; s = sum(c^2)")
        let a = [1.0, 2, 3], b = [4.0, 5, 6]
        let c = (0..<3).map { a[$0] * b[$0] - 2 * a[$0] + b[$0] / 2 }
        #expect(try evaluation.tensorValues("c") == c)
        #expect(evaluation.value == c.reduce(0) { $0 + $1 * $1 })
        // ds/da = 2c ∘ (b - 2), ds/db = 2c ∘ (a + 1/2)
        #expect(allClose(try evaluation.tensorGradient("a"), (0..<3).map { 2 * c[$0] * (b[$0] - 2) }))
        #expect(allClose(try evaluation.tensorGradient("b"), (0..<3).map { 2 * c[$0] * (a[$0] + 0.5) }))
    }

    @Test func functionsApplyToEachElement() throws {
        let evaluation = try evaluateTensors("z = [-1, 0.5, 2]; a = sigmoid(z); m = max(z, 0); s = sum(a) + sum(m)")
        let z = [-1.0, 0.5, 2]
        #expect(allClose(try evaluation.tensorValues("a"), z.map(Plain.sigmoid)))
        #expect(try evaluation.tensorValues("m") == [0, 0.5, 2])
        let expected = z.map { Plain.sigmoid($0) * (1 - Plain.sigmoid($0)) + ($0 > 0 ? 1 : 0) }
        #expect(allClose(try evaluation.tensorGradient("z"), expected))
    }

    @Test func matrixProductsAndTranspose() throws {
        let w = [1.0, -2, 0.5, 3, 0.25, -1]  // 2×3
        let x = [0.5, -1.5, 2]
        let evaluation = try evaluateTensors("z = W @ x; y = Wᵀ @ z; s = sum(y) + dot(z, z) + sum(outer(z, x))",
                                             ["W=[[1, -2, 0.5], [3, 0.25, -1]]", "x=[0.5, -1.5, 2]"])
        let z = Plain.product(w, x, m: 2, k: 3, n: 1)
        let y = Plain.product(Plain.transpose(w, m: 2, n: 3), z, m: 3, k: 2, n: 1)
        #expect(allClose(try evaluation.tensorValues("z"), z))
        #expect(allClose(try evaluation.tensorValues("y"), y))
        let outer: Double = Plain.outer(z, x).reduce(0, +)
        let squares: Double = z.reduce(0) { $0 + $1 * $1 }
        let expected: Double = y.reduce(0, +) + squares + outer
        #expect(isClose(evaluation.value, expected, relative: 1e-12))
        // ds/dz = W·1 + 2z + sum(x); ds/dW = (ds/dz)·xᵀ through z, plus z[i] through y = Wᵀz.
        let xSum: Double = x.reduce(0, +)
        let dz: [Double] = (0..<2).map { i in
            let row: Double = (0..<3).reduce(0) { $0 + w[i * 3 + $1] }
            return row + 2 * z[i] + xSum
        }
        #expect(allClose(try evaluation.tensorGradient("z"), dz, relative: 1e-12))
        let dW = zip(Plain.outer(dz, x), Plain.outer(z, [1, 1, 1])).map { $0 + $1 }
        #expect(allClose(try evaluation.tensorGradient("W"), dW, relative: 1e-12))
    }

    @Test func vectorTimesMatrixAndDotProduct() throws {
        let evaluation = try evaluateTensors("r = v @ M; d = v @ v; s = sum(r) * d", ["v=[1, 2]", "M=[[1, 2, 3], [4, 5, 6]]"])
        #expect(try evaluation.tensorValues("r") == [9, 12, 15])
        #expect(evaluation.value == 36 * 5)
    }

    @Test func reductions() throws {
        let v = [0.3, -1.2, 2.5, 0.7]
        let evaluation = try evaluateTensors("m = mean(v); n = norm(v); l = logsumexp(v); p = softmax(v); s = m + n + l + p[3]",
                                             ["v=[0.3, -1.2, 2.5, 0.7]"])
        let lse = Foundation.log(v.map { Foundation.exp($0) }.reduce(0, +))
        let p = v.map { Foundation.exp($0 - lse) }
        #expect(isClose(try #require(evaluation.value(of: "m")), v.reduce(0, +) / 4, relative: 1e-15))
        #expect(isClose(try #require(evaluation.value(of: "n")), v.map { $0 * $0 }.reduce(0, +).squareRoot(), relative: 1e-15))
        #expect(isClose(try #require(evaluation.value(of: "l")), lse, relative: 1e-14))
        #expect(allClose(try evaluation.tensorValues("p"), p, relative: 1e-13))
        // d/dv of mean + norm + lse + p3: 1/4 + v/|v| + p + p3·(e3 - p)
        let norm = v.map { $0 * $0 }.reduce(0, +).squareRoot()
        let expected = (0..<4).map { i in 0.25 + v[i] / norm + p[i] + p[2] * ((i == 2 ? 1 : 0) - p[i]) }
        #expect(allClose(try evaluation.tensorGradient("v"), expected, relative: 1e-12))
    }

    @Test func logsumexpDoesNotOverflow() throws {
        let evaluation = try evaluateTensors("logsumexp(v)", ["v=[1000, 1001, 999]"])
        let expected = 1001 + Foundation.log(Foundation.exp(-1.0) + 1 + Foundation.exp(-2.0))
        #expect(isClose(evaluation.value, expected, relative: 1e-15))
        #expect(evaluation.numericWarnings.isEmpty)
    }

    /// norm is √(Σ a²): zeros anywhere in the vector have gradient 0 (a fold of hypot
    /// gave nan for leading zeros, hypot(0, 0) having no derivative).
    @Test func normOfAVectorWithZeros() throws {
        for (text, gradient) in [("v=[0, 0, 3]", [0.0, 0, 1]), ("v=[3, 0, 0]", [1.0, 0, 0]), ("v=[0, -4, 3]", [0.0, -0.8, 0.6])] {
            let evaluation = try evaluateTensors("norm(v)", [text])
            #expect(allClose(try evaluation.tensorGradient("v"), gradient, relative: 1e-15), "\(text)")
            #expect(evaluation.numericWarnings.isEmpty, "\(text)")
        }
    }

    @Test func sumsOverRowsAndColumns() throws {
        let evaluation = try evaluateTensors("c = sum(W, 1); r = sum(W, 2); s = dot(c, [1, 2, 3]) + dot(r, [10, 20])",
                                             ["W=[[1, 2, 3], [4, 5, 6]]"])
        #expect(try evaluation.tensorValues("c") == [5, 7, 9])
        #expect(try evaluation.tensorValues("r") == [6, 15])
        #expect(try evaluation.tensorGradient("W") == [11, 12, 13, 21, 22, 23])
    }

    @Test func indicesCountFromOne() throws {
        let evaluation = try evaluateTensors("W = [[1, 2], [3, 4]]; v = [x, y]; s = W[2, 1] * v[2] + v[1]", ["x=5", "y=7"])
        #expect(evaluation.value == 3 * 7 + 5)
        #expect(try evaluation.tensorGradient("W") == [0, 0, 7, 0])
    }

    @Test func constantsDeclareInputs() throws {
        let evaluation = try evaluateTensors("W1 = 0.5 * randn(2, 3); b = zeros(2); o = ones(3); s = sum(W1 @ o + b)")
        let again = try evaluateTensors("W1 = 0.5 * randn(2, 3); b = zeros(2); o = ones(3); s = sum(W1 @ o + b)")
        let other = try evaluateTensors("W1 = 0.5 * randn(2, 3); b = zeros(2); o = ones(3); s = sum(W1 @ o + b)", seed: 7)
        let w = try evaluation.tensorValues("W1")
        #expect(w == (try again.tensorValues("W1")), "the same seed gives the same numbers")
        #expect(w != (try other.tensorValues("W1")))
        #expect(Set(w).count == 6 && w.allSatisfy { abs($0) < 3 })
        #expect(try evaluation.tensorGradient("W1") == [1, 1, 1, 1, 1, 1])
        #expect(try evaluation.tensorGradient("b") == [1, 1])
        // Declared inputs: no constant nodes stay on the tape for them.
        #expect(!evaluation.tape.ops.contains(.multiply) || evaluation.tape.count < 30)
    }

    @Test func bindingsOverrideDefaultsAndGiveFreeNamesTheirShape() throws {
        let evaluation = try evaluateTensors("W = [[1, 2], [3, 4]]; sum(W @ x)", ["W=[[0, 1], [1, 0]]", "x=[3, 5]"])
        #expect(evaluation.value == 8)
        #expect(try evaluation.tensorGradient("x") == [1, 1])
    }

    @Test func standardNormalNumbersHaveTheRightMoments() {
        var random = RandomNormal(seed: 42)
        let numbers = random.numbers(100_000)
        let mean = numbers.reduce(0, +) / Double(numbers.count)
        let variance = numbers.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(numbers.count)
        // Standard errors: 0.003 for the mean, about 0.0045 for the variance.
        #expect(abs(mean) < 0.015 && abs(variance - 1) < 0.025, "mean \(mean), variance \(variance)")
    }

    @Test func userFunctionsApplyToEachElement() throws {
        let evaluation = try evaluateTensors("f(a, b) = a * b + sin(a); v = [0.5, 1.5]; w = f(v, 2); s = sum(w)")
        #expect(allClose(try evaluation.tensorValues("w"), [0.5 * 2 + sin(0.5), 1.5 * 2 + sin(1.5)]))
        #expect(allClose(try evaluation.tensorGradient("v"), [2 + cos(0.5), 2 + cos(1.5)]))
    }
}
