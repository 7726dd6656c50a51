import Foundation
import Testing
@testable import GradDiff

/// One worked example from the lecture notes in /work/shared/seeds, with the numbers an
/// independent oracle (sympy, exact arithmetic, rounded once to double) computed for it.
struct SeedCase: Sendable, CustomTestStringConvertible {
    var id: String
    var program: String
    var bindings: String
    var value: Double
    /// d output / d input, by input name.
    var gradients: [String: Double]
    /// Values of named steps (programs only).
    var stepValues: [String: Double] = [:]
    /// d output / d step, by step name (programs only).
    var stepGradients: [String: Double] = [:]

    var testDescription: String { id }
}

/// Every example of /tmp/seed-examples.md ("cr double" column: the correctly rounded
/// exact result). Plain double arithmetic may differ from these by a few ulp (the
/// oracle measured at most 5), so the comparison is relative, 1e-12.
let seedCases: [SeedCase] = [
    SeedCase(id: "apple-and-tax", program: "apple * apple_num * tax", bindings: "apple=100 apple_num=2 tax=1.1",
             value: 220, gradients: ["apple": 2.2, "apple_num": 110, "tax": 200]),
    SeedCase(id: "apple-and-tax (program)", program: "apple_price = apple * apple_num; price = apple_price * tax",
             bindings: "apple=100 apple_num=2 tax=1.1",
             value: 220, gradients: ["apple": 2.2, "apple_num": 110, "tax": 200],
             stepValues: ["apple_price": 200], stepGradients: ["price": 1, "apple_price": 1.1]),
    SeedCase(id: "apple-orange-and-tax", program: "(apple * apple_num + orange * orange_num) * tax",
             bindings: "apple=100 apple_num=2 orange=150 orange_num=3 tax=1.1",
             value: 715, gradients: ["apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650]),
    SeedCase(id: "apple-orange-and-tax (program)",
             program: "apple_price = apple * apple_num; orange_price = orange * orange_num; all_price = apple_price + orange_price; price = all_price * tax",
             bindings: "apple=100 apple_num=2 orange=150 orange_num=3 tax=1.1",
             value: 715, gradients: ["apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650],
             stepValues: ["apple_price": 200, "orange_price": 450, "all_price": 650],
             stepGradients: ["price": 1, "all_price": 1.1, "orange_price": 1.1, "apple_price": 1.1]),
    SeedCase(id: "add-node-p", program: "x + y", bindings: "x=1 y=3", value: 4, gradients: ["x": 1, "y": 1]),
    SeedCase(id: "add-node-p (program)", program: "p = x + y", bindings: "x=1 y=3", value: 4, gradients: ["x": 1, "y": 1],
             stepGradients: ["p": 1]),
    SeedCase(id: "computational-graph-g", program: "(x + y) * z", bindings: "x=1 y=3 z=-3",
             value: -12, gradients: ["x": -3, "y": -3, "z": 4]),
    SeedCase(id: "computational-graph-g (seed 002 program)", program: "p = x + y; g = p * z", bindings: "x=1 y=3 z=-3",
             value: -12, gradients: ["x": -3, "y": -3, "z": 4],
             stepValues: ["p": 4, "g": -12], stepGradients: ["g": 1, "p": -3]),
    SeedCase(id: "mul-node", program: "x * y", bindings: "x=2.5 y=-4", value: -10, gradients: ["x": -4, "y": 2.5]),
    SeedCase(id: "mul-node (program)", program: "z = x * y", bindings: "x=2.5 y=-4", value: -10,
             gradients: ["x": -4, "y": 2.5], stepGradients: ["z": 1]),
    SeedCase(id: "cs224n-circuit-add-mul", program: "(x + y) * z", bindings: "x=-2 y=5 z=-4",
             value: -12, gradients: ["x": -4, "y": -4, "z": 3]),
    SeedCase(id: "cs224n-circuit-add-mul (program)", program: "q = x + y; f = q * z", bindings: "x=-2 y=5 z=-4",
             value: -12, gradients: ["x": -4, "y": -4, "z": 3], stepValues: ["q": 3], stepGradients: ["f": 1, "q": -4]),
    SeedCase(id: "cs224n-sigmoid-gate", program: "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
             bindings: "w0=2 x0=-1 w1=-3 x1=-2 w2=-3", value: 0.7310585786300049,
             gradients: ["w0": -0.19661193324148185, "x0": 0.3932238664829637, "w1": -0.3932238664829637,
                         "x1": -0.5898357997244456, "w2": 0.19661193324148185]),
    SeedCase(id: "cs224n-sigmoid-gate (sigmoid)", program: "sigmoid(w0*x0 + w1*x1 + w2)",
             bindings: "w0=2 x0=-1 w1=-3 x1=-2 w2=-3", value: 0.7310585786300049,
             gradients: ["w0": -0.19661193324148185, "x0": 0.3932238664829637, "w1": -0.3932238664829637,
                         "x1": -0.5898357997244456, "w2": 0.19661193324148185]),
    SeedCase(id: "cs224n-sigmoid-gate (program)",
             program: "m0 = w0 * x0; m1 = w1 * x1; s = m0 + m1; dot = s + w2; neg = -1 * dot; ex = exp(neg); den = ex + 1; f = 1 / den",
             bindings: "w0=2 x0=-1 w1=-3 x1=-2 w2=-3", value: 0.7310585786300049,
             gradients: ["w0": -0.19661193324148185, "x0": 0.3932238664829637, "w1": -0.3932238664829637,
                         "x1": -0.5898357997244456, "w2": 0.19661193324148185],
             stepValues: ["m0": -2, "m1": 6, "s": 4, "dot": 1, "neg": -1, "ex": 0.36787944117144233, "den": 1.3678794411714423],
             stepGradients: ["f": 1, "den": -0.534446645388523, "ex": -0.534446645388523, "neg": -0.19661193324148185,
                             "dot": 0.19661193324148185, "s": 0.19661193324148185, "m1": 0.19661193324148185,
                             "m0": 0.19661193324148185]),
    SeedCase(id: "cs224n-sigmoid-local-gradient", program: "1 / (1 + exp(-z))", bindings: "z=1",
             value: 0.7310585786300049, gradients: ["z": 0.19661193324148185]),
    SeedCase(id: "cs224n-sigmoid-local-gradient (sigmoid)", program: "sigmoid(z)", bindings: "z=1",
             value: 0.7310585786300049, gradients: ["z": 0.19661193324148185]),
    SeedCase(id: "chain-rule-case1", program: "sin(x^2)", bindings: "x=0.5",
             value: 0.24740395925452294, gradients: ["x": 0.9689124217106447]),
    SeedCase(id: "chain-rule-case1 (program)", program: "y = x^2; z = sin(y)", bindings: "x=0.5",
             value: 0.24740395925452294, gradients: ["x": 0.9689124217106447],
             stepValues: ["y": 0.25], stepGradients: ["z": 1, "y": 0.9689124217106447]),
    SeedCase(id: "chain-rule-case2", program: "sin(s) * s^2", bindings: "s=0.7",
             value: 0.3156666667464686, gradients: ["s": 1.2766774339021667]),
    SeedCase(id: "chain-rule-case2 (program)", program: "x = sin(s); y = s^2; z = x * y", bindings: "s=0.7",
             value: 0.3156666667464686, gradients: ["s": 1.2766774339021667],
             stepValues: ["x": 0.644217687237691, "y": 0.49], stepGradients: ["z": 1, "y": 0.644217687237691, "x": 0.49]),
    SeedCase(id: "hung-yi-lee-forward-pass", program: "w1*x1 + w2*x2 + b", bindings: "x1=1 x2=-1 w1=1 w2=-2 b=1",
             value: 4, gradients: ["x1": 1, "x2": -2, "w1": 1, "w2": -1, "b": 1]),
    SeedCase(id: "hung-yi-lee-backward-pass",
             program: "1/2*(sigmoid(w3*sigmoid(w1*x1 + w2*x2 + b)) - t1)^2 + 1/2*(sigmoid(w4*sigmoid(w1*x1 + w2*x2 + b)) - t2)^2",
             bindings: "x1=1 x2=-1 w1=1 w2=-2 b=1 w3=-1 w4=2 t1=0 t2=1", value: 0.044694466145870734,
             gradients: ["x1": -0.0014230490472180034, "x2": 0.002846098094436007, "w1": -0.0014230490472180034,
                         "w2": 0.0014230490472180034, "b": -0.0014230490472180034, "w3": 0.05304737206602619,
                         "w4": -0.013035761182861665, "t1": -0.2724923864963585, "t2": 0.12303183162604973]),
    SeedCase(id: "hung-yi-lee-backward-pass (program)",
             program: "z = w1*x1 + w2*x2 + b; a = sigmoid(z); zp = w3*a; zpp = w4*a; C = 1/2*(sigmoid(zp) - t1)^2 + 1/2*(sigmoid(zpp) - t2)^2",
             bindings: "x1=1 x2=-1 w1=1 w2=-2 b=1 w3=-1 w4=2 t1=0 t2=1", value: 0.044694466145870734,
             gradients: ["x1": -0.0014230490472180034, "x2": 0.002846098094436007, "w1": -0.0014230490472180034,
                         "w2": 0.0014230490472180034, "b": -0.0014230490472180034, "w3": 0.05304737206602619,
                         "w4": -0.013035761182861665, "t1": -0.2724923864963585, "t2": 0.12303183162604973],
             stepValues: ["z": 4, "a": 0.9820137900379085, "zp": -0.9820137900379085, "zpp": 1.964027580075817],
             stepGradients: ["C": 1, "zpp": -0.013274519477326737, "zp": 0.05401896857678385, "a": -0.08056800753143732,
                             "z": -0.0014230490472180034]),
    SeedCase(id: "loss-sum-over-examples", program: "1/2*(sigmoid(w*x1 + b) - y1)^2 + 1/2*(sigmoid(w*x2 + b) - y2)^2",
             bindings: "w=0.8 b=-0.2 x1=1 y1=1 x2=-1.5 y2=0", value: 0.08234533363167543,
             gradients: ["w": -0.12815389689133155, "b": -0.04967782347367521, "x1": -0.0648546022725902,
                         "y1": 0.35434369377420455, "x2": 0.025112343493650033, "y2": -0.19781611144141825]),
    SeedCase(id: "loss-sum-over-examples (program)",
             program: "C1 = 1/2*(sigmoid(w*x1 + b) - y1)^2; C2 = 1/2*(sigmoid(w*x2 + b) - y2)^2; L = C1 + C2",
             bindings: "w=0.8 b=-0.2 x1=1 y1=1 x2=-1.5 y2=0", value: 0.08234533363167543,
             gradients: ["w": -0.12815389689133155, "b": -0.04967782347367521, "x1": -0.0648546022725902,
                         "y1": 0.35434369377420455, "x2": 0.025112343493650033, "y2": -0.19781611144141825],
             stepValues: ["C1": 0.06277972665877363, "C2": 0.019565606972901804],
             stepGradients: ["L": 1, "C1": 1, "C2": 1]),
    SeedCase(id: "two-weight-sigmoid-chain", program: "1/2 * (sigmoid(W2 * sigmoid(W1 * Xinput)) - Ytarget)^2",
             bindings: "W1=0.5 W2=-0.3 Xinput=1.5 Ytarget=0.8", value: 0.061517307090100684,
             gradients: ["W1": 0.00850968950903801, "W2": -0.0589437829800893, "Xinput": 0.0028365631696793373,
                         "Ytarget": 0.3507629030844074]),
    SeedCase(id: "two-weight-sigmoid-chain (seed 001 program)",
             program: "X2 = W1*Xinput; Y2 = sigmoid(X2); X3 = W2*Y2; Y3 = sigmoid(X3); E = 0.5*(Y3 - Ytarget)^2",
             bindings: "W1=0.5 W2=-0.3 Xinput=1.5 Ytarget=0.8", value: 0.061517307090100684,
             gradients: ["W1": 0.00850968950903801, "W2": -0.0589437829800893, "Xinput": 0.0028365631696793373,
                         "Ytarget": 0.3507629030844074],
             stepValues: ["X2": 0.75, "Y2": 0.679178699175393, "X3": -0.2037536097526179, "Y3": 0.4492370969155926],
             stepGradients: ["E": 1, "Y3": -0.3507629030844074, "X3": -0.08678685455190857, "Y2": 0.026036056365572574,
                             "X2": 0.0056731263393586745]),
    SeedCase(id: "relu-neuron-of-sigmoids", program: "relu(w1*sigmoid(u1) + w2*sigmoid(u2) + w3*sigmoid(u3) + b2)",
             bindings: "u1=1 u2=-2 u3=0.5 w1=0.4 w2=-0.6 w3=0.9 b2=0.1", value: 0.8811150763204005,
             gradients: ["u1": 0.07864477329659274, "u2": -0.0629961512421039, "u3": 0.21150334098143503,
                         "w1": 0.7310585786300049, "w2": 0.11920292202211756, "w3": 0.6224593312018546, "b2": 1]),
    SeedCase(id: "relu-neuron-of-sigmoids (program)",
             program: "a1 = sigmoid(u1); a2 = sigmoid(u2); a3 = sigmoid(u3); out = relu(w1*a1 + w2*a2 + w3*a3 + b2)",
             bindings: "u1=1 u2=-2 u3=0.5 w1=0.4 w2=-0.6 w3=0.9 b2=0.1", value: 0.8811150763204005,
             gradients: ["u1": 0.07864477329659274, "u2": -0.0629961512421039, "u3": 0.21150334098143503,
                         "w1": 0.7310585786300049, "w2": 0.11920292202211756, "w3": 0.6224593312018546, "b2": 1],
             stepValues: ["a1": 0.7310585786300049, "a2": 0.11920292202211756, "a3": 0.6224593312018546],
             stepGradients: ["out": 1, "a1": 0.4, "a2": -0.6, "a3": 0.9]),
    SeedCase(id: "relu-neuron-of-sigmoids-inactive",
             program: "a1 = sigmoid(u1); a2 = sigmoid(u2); a3 = sigmoid(u3); out = relu(w1*a1 + w2*a2 + w3*a3 + b2)",
             bindings: "u1=1 u2=-2 u3=0.5 w1=0.4 w2=-0.6 w3=0.9 b2=-1.5", value: 0,
             gradients: ["u1": 0, "u2": 0, "u3": 0, "w1": 0, "w2": 0, "w3": 0, "b2": 0],
             stepValues: ["a1": 0.7310585786300049, "a2": 0.11920292202211756, "a3": 0.6224593312018546],
             stepGradients: ["out": 1, "a1": 0, "a2": 0, "a3": 0]),
    SeedCase(id: "tree-network-w12-w24-w46",
             program: "x2 = w12 * xin; y2 = sigmoid(x2); x3 = w13 * xin; y3 = sigmoid(x3); x4 = w24 * y2; y4 = sigmoid(x4); x5 = w35 * y3; y5 = sigmoid(x5); x6 = w46 * y4 + w56 * y5; yout = sigmoid(x6); E = 1/2 * (yout - ytarget)^2",
             bindings: "xin=1 w12=0.3 w13=-0.5 w24=0.8 w35=0.2 w46=-0.7 w56=0.6 ytarget=0.25",
             value: 0.024333322948133788,
             gradients: ["xin": -0.0007289833555658851, "w12": -0.0017850659524764386, "w13": 0.00038692713964590705,
                         "w24": -0.005243316188163508, "w35": 0.0031080515645803062, "w46": 0.03368586091479601,
                         "w56": 0.02851734202189436, "ytarget": -0.22060518102770746],
             stepValues: ["x2": 0.3, "y2": 0.574442516811659, "x3": -0.5, "y3": 0.37754066879814546,
                          "x4": 0.45955401344932717, "y4": 0.6129083704017255, "x5": 0.07550813375962909,
                          "y5": 0.5188680696342466, "x6": -0.11771501750065994, "yout": 0.47060518102770743],
             stepGradients: ["E": 1, "yout": 0.22060518102770746, "x6": 0.05496068016287149, "y5": 0.0329764080977229,
                             "x5": 0.00823236228953667, "y4": -0.03847247611401004, "x4": -0.009127660357150446,
                             "y3": 0.0016464724579073342, "x3": 0.00038692713964590705, "y2": -0.007302128285720356,
                             "x2": -0.0017850659524764386]),
    SeedCase(id: "batch-mean-squared-error",
             program: "1/(2*3) * ((sigmoid(W2*sigmoid(W1*X1)) - T1)^2 + (sigmoid(W2*sigmoid(W1*X2)) - T2)^2 + (sigmoid(W2*sigmoid(W1*X3)) - T3)^2)",
             bindings: "W1=0.5 W2=-0.3 X1=1.5 T1=0.8 X2=-1 T2=0.2 X3=0.5 T3=0.5", value: 0.03310547115958914,
             gradients: ["W1": 0.004556303527382061, "W2": -0.01308332310193995, "X1": 0.000945521056559779,
                         "T1": 0.11692096769480247, "X2": -0.0007956201365727207, "T2": -0.09057156038386673,
                         "X3": 0.00012850008455728208, "T3": 0.01402119357741342]),
    SeedCase(id: "cs224n-two-layer-delta",
             program: "z2_1 = W1_11*x1 + W1_12*x2 + b1_1; z2_2 = W1_21*x1 + W1_22*x2 + b1_2; a2_1 = sigmoid(z2_1); a2_2 = sigmoid(z2_2); z3 = W2_1*a2_1 + W2_2*a2_2 + b2; a3 = sigmoid(z3); E = 1/2*(a3 - t)^2; ER = E + lam/2*(W1_11^2 + W1_12^2 + W1_21^2 + W1_22^2 + W2_1^2 + W2_2^2 + b1_1^2 + b1_2^2 + b2^2)",
             bindings: "x1=1 x2=-2 W1_11=0.1 W1_12=-0.2 W1_21=0.4 W1_22=0.3 b1_1=0.05 b1_2=-0.1 W2_1=0.7 W2_2=-0.5 b2=0.2 t=1 lam=0.01",
             value: 0.08302528343254349,
             gradients: ["x1": 0.0030701148846079118, "x2": 0.006502007719652055, "W1_11": -0.014270623840713167,
                         "W1_12": 0.028541247681426334, "W1_21": 0.015492943171698071, "W1_22": -0.019985886343396143,
                         "b1_1": -0.014770623840713168, "b1_2": 0.010492943171698072, "W2_1": -0.05262639813906723,
                         "W2_2": -0.04501424976510307, "b2": -0.09202783723907347, "t": 0.3938598314947679, "lam": 0.54625],
             stepValues: ["z2_1": 0.55, "z2_2": -0.3, "a2_1": 0.6341355910108006, "a2_2": 0.425557483188341,
                          "z3": 0.43111617211339, "a3": 0.6061401685052321, "E": 0.07756278343254348],
             stepGradients: ["ER": 1, "E": 1, "a3": -0.3938598314947679, "z3": -0.09402783723907347,
                             "a2_2": 0.047013918619536736, "a2_1": -0.06581948606735143,
                             "z2_2": 0.011492943171698071, "z2_1": -0.015270623840713166]),
]

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
