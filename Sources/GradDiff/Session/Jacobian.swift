/// `--jacobian`: the derivative of every element of the output with respect to every
/// input element, J[i][j] = ∂output[i]/∂x[j], one backward pass per output element
/// (reverse mode, the rule table's partials, the `--kink` convention), or one tangent
/// pass per input element when `--mode forward` chooses. A scalar output has one row:
/// its gradient.
public struct Jacobian: Sendable {
    /// The output's elements (`y[1]`, `y[2]`, or the output's name for a scalar).
    public let rowNames: [String]
    /// The input elements, in the order of the variables (or of `--wrt`).
    public let columnNames: [String]
    public let rows: [[Double]]
    /// The output's shape: [] for a scalar, [3], [2, 3].
    public let outputShape: [Int]
    /// The mode `--mode` chose, with the costs of both (nil: reverse mode, unsaid).
    public let chosen: OutputJacobian?

    /// The Jacobian at the evaluation's point, for the variables in `slots` (from
    /// `PassResult.reportedVariables`). `outputName` is the step or nil for the last statement.
    public init(_ evaluation: Evaluation, slots: [Int], outputName: String?, mode: DifferentiationMode? = nil) {
        let result = evaluation.result
        let tape = result.tape
        let program = evaluation.program
        var outputs: [NodeID] = [result.output]
        var names = [outputName ?? "output"]
        var shapeDimensions: [Int] = []
        if let id = program.tensorOutput(named: outputName) {
            let shape = program.tensors[id].shape
            let name = program.tensors.names[id] ?? outputName ?? "output"
            outputs = Array(program.tensors.elements(of: id))
            names = (0..<shape.count).map { shape.elementName(name, $0) }
            shapeDimensions = shape.dimensions
        } else if outputName == nil, let name = tape.stepNames[result.output] {
            names = [name]
        }
        // Without --mode, reverse mode, as before --mode could choose: one row per backward pass.
        let jacobian = OutputJacobian(tape, values: result.values, outputs: outputs, slots: slots, mode: mode ?? .reverse,
                                      kinks: result.kinkConvention)
        rows = jacobian.matrix
        chosen = mode == nil ? nil : jacobian
        rowNames = names
        outputShape = shapeDimensions
        columnNames = slots.map { tape.variableNames[$0] }
    }

    /// How many rows the Jacobian of the evaluation's output has.
    public static func outputCount(_ evaluation: Evaluation, outputName: String?) -> Int {
        evaluation.program.tensorOutput(named: outputName).map { evaluation.program.tensors[$0].shape.count } ?? 1
    }

    /// `--jacobian`'s table: a row per output element, a column per input element; after
    /// the line saying the mode and its cost when `--mode` chose it.
    public func table(digits: Int) -> String {
        var cells = [[""] + columnNames]
        for (name, row) in zip(rowNames, rows) {
            cells.append([name] + row.map { NumberFormat.significant($0, digits: digits) })
        }
        return (chosen.map { "# \($0.reason(chosen: true))\n" } ?? "") + DerivativeReport.aligned(cells)
    }

    /// `{"output_shape": [3], "rows": ["y[1]", …], "inputs": ["x[1]", …], "jacobian": [[…], …]}`, with
    /// `"mode": "forward"` and both modes' costs (as the steps' Jacobian) when `--mode` chose.
    public func json() -> String {
        let matrix = rows.map { "[" + $0.map(JSONFormatter.number).joined(separator: ", ") + "]" }.joined(separator: ", ")
        return "{\"output_shape\": [\(outputShape.map(String.init).joined(separator: ", "))], \"rows\": \(JSONFormatter.strings(rowNames)), "
            + "\"inputs\": \(JSONFormatter.strings(columnNames)), "
            + (chosen.map { "\"mode\": \"\($0.mode.rawValue)\", \"forward_multiply_adds\": \($0.costs.forwardMultiplyAdds), "
                             + "\"reverse_multiply_adds\": \($0.costs.reverseMultiplyAdds), " } ?? "")
            + "\"jacobian\": [\(matrix)]}\n"
    }
}
