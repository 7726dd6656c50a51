/// `--jacobian`: the derivative of every element of the output with respect to every
/// input element, J[i][j] = ∂output[i]/∂x[j], one backward pass per output element
/// (reverse mode, the rule table's partials, the `--kink` convention). A scalar output
/// has one row: its gradient.
public struct Jacobian: Sendable {
    /// The output's elements (`y[1]`, `y[2]`, or the output's name for a scalar).
    public let rowNames: [String]
    /// The input elements, in the order of the variables (or of `--wrt`).
    public let columnNames: [String]
    public let rows: [[Double]]
    /// The output's shape: [] for a scalar, [3], [2, 3].
    public let outputShape: [Int]

    /// The Jacobian at the evaluation's point, for the variables in `slots` (from
    /// `PassResult.reportedVariables`). `outputName` is the step or nil for the last statement.
    public init(_ evaluation: Evaluation, slots: [Int], outputName: String?) {
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
        var gradients: [Double] = []
        var reachability: [Bool] = []
        rows = outputs.map { output in
            BackwardPass.run(tape, values: result.values, output: output, into: &gradients, reachability: &reachability,
                             kinks: result.kinkConvention)
            return slots.map { gradients[Int(tape.variableNodes[$0])] }
        }
        rowNames = names
        outputShape = shapeDimensions
        columnNames = slots.map { tape.variableNames[$0] }
    }

    /// How many rows the Jacobian of the evaluation's output has.
    public static func outputCount(_ evaluation: Evaluation, outputName: String?) -> Int {
        evaluation.program.tensorOutput(named: outputName).map { evaluation.program.tensors[$0].shape.count } ?? 1
    }

    /// `--jacobian`'s table: a row per output element, a column per input element.
    public func table(digits: Int) -> String {
        var cells = [[""] + columnNames]
        for (name, row) in zip(rowNames, rows) {
            cells.append([name] + row.map { NumberFormat.significant($0, digits: digits) })
        }
        return DerivativeReport.aligned(cells)
    }

    /// `{"output": [3], "inputs": ["x[1]", …], "rows": ["y[1]", …], "jacobian": [[…], …]}`.
    public func json() -> String {
        let list = { (names: [String]) in "[" + names.map(JSONFormatter.string).joined(separator: ", ") + "]" }
        let matrix = rows.map { "[" + $0.map(JSONFormatter.number).joined(separator: ", ") + "]" }.joined(separator: ", ")
        return "{\"output_shape\": [\(outputShape.map(String.init).joined(separator: ", "))], \"rows\": \(list(rowNames)), "
            + "\"inputs\": \(list(columnNames)), \"jacobian\": [\(matrix)]}\n"
    }
}
