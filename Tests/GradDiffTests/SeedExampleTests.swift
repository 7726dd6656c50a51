import Foundation
import Testing
@testable import GradDiff

/// The lecture notes' worked examples: each seed case's value and gradients against the
/// oracle, and the closed forms, micrograd's README and the descent iterates they give.
struct SeedExampleTests {
    /// Relative tolerance against the correctly rounded results: plain double arithmetic
    /// lands within 5 ulp (~1e-15 relative) of them in every example.
    static let tolerance = 1e-12

    @Test(arguments: seedCases)
    func seedExample(_ seed: SeedCase) throws {
        let evaluation = try evaluate(seed.program, seed.bindings)
        #expect(isClose(evaluation.value, seed.value, relative: Self.tolerance),
                "value \(evaluation.value), expected \(seed.value)")
        #expect(Set(evaluation.tape.variableNames) == Set(seed.gradients.keys), "the inputs of \(seed.id)")
        for (name, expected) in seed.gradients.sorted(by: { $0.key < $1.key }) {
            let actual = try #require(evaluation.gradient(name), "no input \(name)")
            #expect(isClose(actual, expected, relative: Self.tolerance), "d/d\(name) = \(actual), expected \(expected)")
        }
        for (name, expected) in seed.stepValues.sorted(by: { $0.key < $1.key }) {
            let actual = try #require(evaluation.value(of: name), "no step \(name)")
            #expect(isClose(actual, expected, relative: Self.tolerance), "value of \(name) = \(actual), expected \(expected)")
        }
        for (name, expected) in seed.stepGradients.sorted(by: { $0.key < $1.key }) {
            let node = try #require(evaluation.program.names[name], "no step \(name)")
            let actual = evaluation.gradients[Int(node)]
            #expect(isClose(actual, expected, relative: Self.tolerance), "d/d\(name) = \(actual), expected \(expected)")
        }
        #expect(evaluation.warnings.isEmpty, "unexpected warnings: \(evaluation.warningMessages)")
    }

    /// Seed 003 prints dOrange as 3.3000000000000003: that is 1.1*3 in doubles, and
    /// graddiff's JSON writes shortest round-trip numbers, so it must print exactly that.
    @Test func appleOrangeJSONPrintsPlainDoubleArithmetic() throws {
        let evaluation = try evaluate("(apple * apple_num + orange * orange_num) * tax",
                                      "apple=100 apple_num=2 orange=150 orange_num=3 tax=1.1")
        let json = JSONFormatter.render(evaluation.result, OutputOptions())
        #expect(json.contains("\"orange\": 3.3000000000000003"), "JSON was: \(json)")
        #expect(json.contains("\"orange_num\": 165,") || json.contains("\"orange_num\": 165}"))
        #expect(json.contains("\"apple\": 2.2,"))
        // The same numbers computed here in plain doubles, in the order the passes use.
        let orangeGradient = (1 * 1.1) * 3.0
        #expect(orangeGradient == 3.3000000000000003)
        #expect(evaluation.gradient("orange") == orangeGradient)
    }

    /// Seed 001's closed forms, evaluated here in doubles from the seed's own formulas:
    /// dE/dW2 = (Y3 − Yt)·f2'(X3)·Y2 and dE/dW1 = (Y3 − Yt)·f2'(X3)·W2·f1'(X2)·Xinput.
    @Test func twoWeightChainMatchesSeedClosedForm() throws {
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        let (w1, w2, input, target) = (0.5, -0.3, 1.5, 0.8)
        let x2 = w1 * input, y2 = sigmoid(x2), x3 = w2 * y2, y3 = sigmoid(x3)
        let energy = 0.5 * (y3 - target) * (y3 - target)
        let dW2 = (y3 - target) * y3 * (1 - y3) * y2
        let dW1 = (y3 - target) * y3 * (1 - y3) * w2 * y2 * (1 - y2) * input
        let dInput = (y3 - target) * y3 * (1 - y3) * w2 * y2 * (1 - y2) * w1

        let evaluation = try evaluate(
            "X2 = W1*Xinput; Y2 = sigmoid(X2); X3 = W2*Y2; Y3 = sigmoid(X3); E = 0.5*(Y3 - Ytarget)^2",
            "W1=0.5 W2=-0.3 Xinput=1.5 Ytarget=0.8")
        #expect(isClose(evaluation.value, energy, relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("W1")), dW1, relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("W2")), dW2, relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("Xinput")), dInput, relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("Ytarget")), -(y3 - target), relative: 1e-12))
        #expect(isClose(try #require(evaluation.value(of: "Y2")), y2, relative: 1e-15))
    }

    /// The micrograd README program. Constants at the top declare the inputs a and b.
    /// Exactly: g = 2421/98, dg/da = 140 − 2800/2401, dg/db = 651 − 13020/2401 (by hand:
    /// dg/de = (1/2 − 10/f²)·2e with e = −7, f = 49; de/da = 3 − 23, de/db = 4 − 97).
    @Test func microgradReadme() throws {
        let program = """
            a = -4
            b = 2
            c = a + b
            d = a*b + b^3
            c = c + c + 1
            c = c + 1 + c + (-a)
            d = d + d*2 + relu(b + a)
            d = d + 3*d + relu(b - a)
            e = c - d
            f = e^2
            g = f/2
            g = g + 10/f
            """
        let evaluation = try evaluate(program)
        #expect(evaluation.tape.variableNames == ["a", "b"])
        #expect(isClose(evaluation.value, 2421.0 / 98.0, relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("a")), 140 - 2800.0 / 2401.0, relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("b")), 651 - 13020.0 / 2401.0, relative: 1e-12))
        // The numbers the README prints, to its 4 decimals.
        #expect(isClose(evaluation.value, 24.7041, relative: 0, absolute: 5e-5))
        #expect(isClose(try #require(evaluation.gradient("a")), 138.8338, relative: 0, absolute: 5e-5))
        #expect(isClose(try #require(evaluation.gradient("b")), 645.5773, relative: 0, absolute: 5e-5))
        // `e` shadows the constant: one warning saying so, and nothing else.
        #expect(evaluation.warningMessages.count == 1)
        #expect(evaluation.warningMessages.first?.contains("shadows the built-in constant e") == true)
    }

    @Test func microgradReadmeWithBindingsOverridingDefaults() throws {
        // The same program at a = 1, b = 2 (by hand: c = 3, d = 10, c = 7, c = 14,
        // d = 30 + relu(3) = 33, d = 132 + relu(1) = 133, e = -119, f = 14161).
        let program = "a = -4; b = 2; c = a + b; d = a*b + b^3; c = c + c + 1; c = c + 1 + c + (-a); d = d + d*2 + relu(b + a); d = d + 3*d + relu(b - a); e = c - d; f = e^2; g = f/2; g = g + 10/f"
        let evaluation = try evaluate(program, "a=1")
        #expect(isClose(evaluation.value, 14161.0 / 2 + 10 / 14161.0, relative: 1e-12))
    }

    /// The `gradient-descent-iterates` section: three steps of w ← w − 0.5·∇E on the
    /// two-weight chain, each gradient from graddiff, against the 50-digit iterates.
    @Test func gradientDescentIterates() throws {
        let program = try parseProgram("1/2 * (sigmoid(W2 * sigmoid(W1 * Xinput)) - Ytarget)^2")
        let expected: [(w1: Double, w2: Double, energy: Double, dW1: Double, dW2: Double)] = [
            (0.5, -0.3, 0.061517307090100685785, 0.0085096895090380113510, -0.058943782980089299389),
            (0.49574515524548099432, -0.27052810850995535031, 0.059758417449969902701, 0.0075953823038579890185, -0.058090107539616038358),
            (0.49194746409355199982, -0.24148305474014733113, 0.058056201397451643663, 0.0067077337614159379672, -0.057250437153642761949),
            (0.48859359721284403083, -0.21285783616332595015, 0.056408139713839258078, 0.0058471839753434300753, -0.056424774313893795669),
        ]
        var (w1, w2) = (0.5, -0.3)
        for (k, row) in expected.enumerated() {
            #expect(isClose(w1, row.w1, relative: 1e-12), "W1 at step \(k)")
            #expect(isClose(w2, row.w2, relative: 1e-12), "W2 at step \(k)")
            let bindings = [try Binding.parse("W1=\(w1)"), try Binding.parse("W2=\(w2)"),
                            try Binding.parse("Xinput=1.5"), try Binding.parse("Ytarget=0.8")]
            let evaluation = try Evaluation.run(program, bindings: bindings)
            let dW1 = try #require(evaluation.gradient("W1"))
            let dW2 = try #require(evaluation.gradient("W2"))
            #expect(isClose(evaluation.value, row.energy, relative: 1e-12), "E at step \(k)")
            #expect(isClose(dW1, row.dW1, relative: 1e-12), "dE/dW1 at step \(k)")
            #expect(isClose(dW2, row.dW2, relative: 1e-12), "dE/dW2 at step \(k)")
            w1 -= 0.5 * dW1
            w2 -= 0.5 * dW2
        }
    }
}
