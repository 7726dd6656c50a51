/// `--explain` for a program with vectors and matrices, at the level it was written: a
/// statement such as `z = W @ x + b` is one step, whose inputs receive
///
///     z = W @ x + b    δz = [0.2, -0.1]
///       W ← δz · xᵀ = [[0.2, -0.2], [-0.1, 0.1]]
///       x ← Wᵀ · δz = [-0.1, 0]
///       b ← δz = [0.2, -0.1]
///
/// with δz = ds/dz, formulas from the tensor layer's rules (`TensorRuleText`) and numbers
/// from the same rules (`TensorRules`), checked against the tape by the tests. An
/// unnamed node used once (`W @ x` inside z) is narrated inside its consumer's step.
struct TensorExplainFormatter {
    let view: TensorView
    let text: TensorText
    let options: OutputOptions
    var width = 80
    /// For each row: the rows that read it, and whether it is folded into its one reader.
    private(set) var readers: [[Int]]
    private(set) var folded: [Bool]
    /// Whether each row is on a path from the `--wrt` inputs (all, without) to the output.
    private(set) var onPaths: [Bool]
    let outputRow: Int

    init(_ view: TensorView, _ options: OutputOptions) {
        self.view = view
        self.text = TensorText(view)
        self.options = options
        outputRow = view.row(of: view.result.output) ?? view.rows.count - 1
        readers = Array(repeating: [], count: view.rows.count)
        for (index, row) in view.rows.enumerated() {
            for input in row.inputs where !readers[input].contains(index) { readers[input].append(index) }
        }
        let wrt = options.wrt.map { _ in view.result.reportedVariables(options).map(\.name) }
        let nodes = view.result.nodesOnPaths(from: wrt)
        onPaths = view.rows.map { row in row.elements.contains { nodes[Int($0)] } }
        folded = []
        // A row read one element at a time (`(W @ x)[1]`) is narrated on its own.
        var readByElement = Array(repeating: false, count: view.rows.count)
        for (rowIndex, row) in view.rows.enumerated() {
            let nodes: [NodeID]
            switch row.kind {
            case .scalar(let node): nodes = Array(view.result.tape.inputs(of: node))
            case .tensor(let id):
                let node = view.result.tensors[id]
                nodes = node.op == .literal ? row.elements : node.inputs.compactMap(\.scalar)
            }
            for node in nodes {
                if let index = view.row(of: node), index != rowIndex, view.rows[index].shape.rank > 0 { readByElement[index] = true }
            }
        }
        folded = view.rows.indices.map { index in
            index != outputRow && !isLeaf(index) && !text.isNamed(view.rows[index]) && readers[index].count == 1
                && !readByElement[index]
        }
    }

    /// Inputs and constants: the narration's leaves.
    func isLeaf(_ index: Int) -> Bool {
        let row = view.rows[index]
        switch row.kind {
        case .scalar(let node): return view.result.tape.ops[Int(node)].arity == 0
        case .tensor(let id):
            let op = view.result.tensors[id].op
            return op == .input || op == .constant
        }
    }

    func isConstant(_ index: Int) -> Bool {
        switch view.rows[index].kind {
        case .scalar(let node): return view.result.tape.ops[Int(node)] == .constant
        case .tensor(let id): return view.result.tensors[id].op == .constant
        }
    }

    func render(_ pass: ExplainPass) -> String {
        switch pass {
        case .forward: return forward()
        case .backward: return backward()
        case .both: return forward() + "\n" + backward()
        case .forwardMode: return forward()  // not asked for: ExplainFormatter narrates forward mode per element
        }
    }

    /// Each step in order, `z = W @ x + b = [4.6, 9.2]`; inputs as their values.
    func forward() -> String {
        var output = "forward pass: each step from its inputs, inputs first\n"
        for index in view.rows.indices where !folded[index] && !isConstant(index) {
            let row = view.rows[index]
            let formula = text.texts[index] == row.label ? [] : [text.texts[index]]
            output += block("\(row.label) = " + (formula.first.map { $0 + " = " } ?? ""), values(view.values(row), row.shape))
        }
        return output
    }

    /// `prefix` then the value's lines, the later ones under the first (or, when the
    /// first would pass the width, all on lines of their own, indented).
    func block(_ prefix: String, _ lines: [String]) -> String {
        if lines.count == 1, prefix.count + lines[0].count <= width { return prefix + lines[0] + "\n" }
        if prefix.count + (lines.map(\.count).max() ?? 0) <= width {
            let indent = String(repeating: " ", count: prefix.count)
            return prefix + lines.joined(separator: "\n" + indent) + "\n"
        }
        let trimmed = prefix.hasSuffix(" = ") ? String(prefix.dropLast(3)) : prefix
        return trimmed + "\n" + lines.map { "      = " + $0 }.prefix(1).joined() + lines.dropFirst().map { "\n        " + $0 }.joined() + "\n"
    }

    func values(_ numbers: [Double], _ shape: TensorShape) -> [String] {
        TensorValueText.lines(numbers, shape) { NumberFormat.significant($0, digits: options.precision) }
    }
}
