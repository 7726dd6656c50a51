import Foundation
import Testing
@testable import GradDiff

/// The tensor layer's rules (`TensorRules`), which `--explain` narrates, against the
/// scalar tape they were lowered to: each op gets inputs used by it alone and an
/// output weighted by fixed numbers c (so δ = c), and what the rule sends each input
/// must be that input's gradient on the tape. The elementwise case is the scalar rule
/// table per element, checked for every function a user can call.
struct TensorRuleCase: Sendable, CustomTestStringConvertible {
    var id: String
    /// Declarations of the inputs a, b (used by the op alone) and the op's expression.
    var inputs: String
    var expression: String
    var testDescription: String { id }
}

let tensorRuleCases: [TensorRuleCase] = [
    TensorRuleCase(id: "matrix @ vector", inputs: "a = [[0.5, -1, 2], [1.5, 0.25, -0.75]]; b = [0.3, -0.6, 0.9]", expression: "a @ b"),
    TensorRuleCase(id: "matrix @ matrix", inputs: "a = [[0.5, -1], [2, 1.5], [0.25, -0.75]]; b = [[0.3, -0.6, 0.9], [1, 2, -1]]", expression: "a @ b"),
    TensorRuleCase(id: "vector @ matrix", inputs: "a = [0.3, -0.6]; b = [[0.5, -1, 2], [1.5, 0.25, -0.75]]", expression: "a @ b"),
    TensorRuleCase(id: "vector @ vector", inputs: "a = [0.3, -0.6, 2]; b = [0.5, -1, 0.25]", expression: "a @ b"),
    TensorRuleCase(id: "transpose", inputs: "a = [[0.5, -1, 2], [1.5, 0.25, -0.75]]", expression: "aᵀ"),
    TensorRuleCase(id: "dot", inputs: "a = [0.3, -0.6, 2]; b = [0.5, -1, 0.25]", expression: "dot(a, b)"),
    TensorRuleCase(id: "outer", inputs: "a = [0.3, -0.6]; b = [0.5, -1, 0.25]", expression: "outer(a, b)"),
    TensorRuleCase(id: "sum", inputs: "a = [[0.5, -1, 2], [1.5, 0.25, -0.75]]", expression: "sum(a)"),
    TensorRuleCase(id: "sum over rows", inputs: "a = [[0.5, -1, 2], [1.5, 0.25, -0.75]]", expression: "sum(a, 1)"),
    TensorRuleCase(id: "sum over columns", inputs: "a = [[0.5, -1, 2], [1.5, 0.25, -0.75]]", expression: "sum(a, 2)"),
    TensorRuleCase(id: "mean", inputs: "a = [0.3, -0.6, 2, 4]", expression: "mean(a)"),
    TensorRuleCase(id: "norm", inputs: "a = [0.3, -0.6, 2, 4]", expression: "norm(a)"),
    TensorRuleCase(id: "softmax", inputs: "a = [0.3, -0.6, 2, 4]", expression: "softmax(a)"),
    TensorRuleCase(id: "logsumexp", inputs: "a = [0.3, -0.6, 2, 4]", expression: "logsumexp(a)"),
    // Far apart and tied: the rule must not round l first (exp(a - l) gave 1, not 0.5).
    TensorRuleCase(id: "softmax, far apart", inputs: "a = [-1e20, 1, 1e16, 1e16]", expression: "softmax(a)"),
    TensorRuleCase(id: "logsumexp, far apart", inputs: "a = [-1e20, 1, 1e16, 1e16]", expression: "logsumexp(a)"),
    TensorRuleCase(id: "product with a scalar", inputs: "a = [0.3, -0.6, 2]; b = 1.5", expression: "a * b"),
    TensorRuleCase(id: "power by a scalar", inputs: "a = [0.3, 0.6, 2]; b = 1.5", expression: "a ^ b"),
    TensorRuleCase(id: "quotient", inputs: "a = [0.3, -0.6, 2]; b = [0.5, -1, 0.25]", expression: "a / b"),
    TensorRuleCase(id: "max", inputs: "a = [0.3, -0.6, 2]; b = [0.5, -1, 0.25]", expression: "max(a, b)"),
    TensorRuleCase(id: "atan2", inputs: "a = [0.3, -0.6, 2]; b = [0.5, -1, 0.25]", expression: "atan2(a, b)"),
] + Op.userFunctions.filter { $0.op.arity == 1 && $0.name != "ln" }.map { function in
    let positive = ["log", "log2", "log10", "sqrt", "acos", "asin"].contains(function.name)
    return TensorRuleCase(id: "elementwise \(function.name)", inputs: positive ? "a = [0.3, 0.6, 0.9]" : "a = [0.3, -0.6, 1.2]",
                          expression: "\(function.name)(a)")
}

@Suite struct TensorRuleTests {
    /// A literal of `weights` in `shape`: [1, 2] or [[1, 2], [3, 4]].
    static func literal(_ weights: [Double], _ shape: TensorShape) -> String {
        let text: (ArraySlice<Double>) -> String = { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }
        if shape.rank == 1 { return text(weights[...]) }
        let rows: [String] = (0..<shape.rows).map { r in text(weights[(r * shape.columns)..<((r + 1) * shape.columns)]) }
        return "[" + rows.joined(separator: ", ") + "]"
    }

    /// The tensor node computing `y`, a vector or matrix step, or a scalar one's node.
    static func node(named name: String, in evaluation: Evaluation) throws -> Int32 {
        let graph = evaluation.program.tensors
        if let id = graph.scope[name] { return id }
        let element = try #require(evaluation.program.names[name])
        return try #require((0..<Int32(graph.count)).last { graph.elements(of: $0).contains(element) })
    }

    @Test("each tensor rule gives the tape's gradients", arguments: tensorRuleCases)
    func ruleAgreesWithTheTape(_ example: TensorRuleCase) throws {
        // Learn the op's shape, then weight its output by c = 0.7, -0.6, … so that δ = c.
        let probe = try evaluateTensors("\(example.inputs); y = \(example.expression); 0")
        let shape = probe.program.tensors[try Self.node(named: "y", in: probe)].shape
        var weights: [Double] = []
        for k in 0..<shape.count {
            let cycle = Double(k % 3)
            weights.append(0.7 - 1.3 * cycle + 0.1 * Double(k))
        }
        let weighting = shape.isScalar ? "\(weights[0]) * y" : "sum(y * \(Self.literal(weights, shape)))"
        let evaluation = try evaluateTensors("\(example.inputs); y = \(example.expression); \(weighting)")
        let graph = evaluation.program.tensors
        let id = try Self.node(named: "y", in: evaluation)
        let y = graph[id]
        let operands: [TensorRules.Operand] = y.inputs.map { input in
            let nodes: [NodeID] = input.tensor.map { Array(graph.elements(of: $0)) } ?? [input.scalar!]
            return TensorRules.Operand(values: nodes.map { evaluation.values[Int($0)] }, shape: graph.shape(of: input))
        }
        let output = TensorRules.Operand(values: graph.elements(of: id).map { evaluation.values[Int($0)] }, shape: y.shape)
        let sends = try #require(TensorRules.backward(y.op, delta: weights, output: output, inputs: operands))
        for (name, send) in zip(["a", "b"], sends) {
            let expected: [Double] = graph.input(named: name) != nil ? try evaluation.tensorGradient(name)
                : [try #require(evaluation.gradient(name))]
            #expect(allClose(send, expected, relative: 1e-12, absolute: 1e-15), "\(name): rule \(send), tape \(expected)")
        }
    }
}
