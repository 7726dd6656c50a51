/// The graph as Graphviz DOT, drawn as the lecture notes draw it (micrograd-style): a
/// record per node with its label, value and gradient, an ellipse per operation with its
/// formula, edges in the forward direction. Inputs are blue, constants grey, the output
/// gold and bold; nodes the output does not depend on are faded. With `backward`, the
/// gradient flow is drawn too: a red dashed edge from each node back to each input,
/// labelled with the local partial (∂g/∂p = z = -3).
///
///     digraph graddiff {
///       n0 [shape=record, label="{ x | value 1 | grad -3 }", ...];
///       n2op [label="x + y", ...];
///       n0 -> n2op;
///       n2op -> n2;
///
/// A graph of more than `nodeLimit` nodes is drawn in part: the `nodeLimit` nodes
/// nearest the output, with one "… N more nodes" box standing for the rest.
public struct DotFormatter {
    /// The most nodes drawn: past a few hundred a picture is unreadable, and past some
    /// thousands Graphviz takes minutes and writes files of many megabytes.
    public static let defaultNodeLimit = 500

    public let result: PassResult
    public let options: OutputOptions
    public var backward = false
    public var nodeLimit = DotFormatter.defaultNodeLimit

    public init(_ result: PassResult, _ options: OutputOptions, backward: Bool = false) {
        self.result = result
        self.options = options
        self.backward = backward
    }

    /// The nodes to draw, and of those the ones whose operation is drawn too: every
    /// node, or with `--wrt` the nodes on paths from the named inputs to the output,
    /// plus the operands of their operations (records only, for context).
    func drawnNodes() -> (nodes: [Bool], operations: [Bool]) {
        guard options.wrt != nil else {
            let all = Array(repeating: true, count: result.tape.count)
            return (all, all)
        }
        let onPaths = result.nodesOnPaths(from: options.wrt)
        var drawn = onPaths
        for i in drawn.indices where onPaths[i] {
            for input in result.tape.inputs(of: NodeID(i)) { drawn[Int(input)] = true }
        }
        return (drawn, onPaths)
    }

    /// How many drawn nodes the limit leaves out (0 when the whole graph is drawn).
    public func elidedCount() -> Int {
        if !options.elements, let view = TensorView(result) { return Swift.max(0, view.rows.count - nodeLimit) }
        return Swift.max(0, drawnNodes().nodes.lazy.filter { $0 }.count - nodeLimit)
    }

    public func render() -> String {
        if !options.elements, let view = TensorView(result) { return TensorDotFormatter(view, options, backward: backward).render() }
        let (nodes, operations) = drawnNodes()
        var drawn = nodes
        // Keep the nodes nearest the output: the end of the tape, where the gradients start.
        var kept = 0
        var elided = 0
        for i in drawn.indices.reversed() where drawn[i] {
            if kept < nodeLimit { kept += 1 } else { drawn[i] = false; elided += 1 }
        }
        let reaches = result.reachesOutput
        var text = "digraph graddiff {\n"
        text += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
        text += "  node [fontname=\"Helvetica\", fontsize=11];\n"
        text += "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n"
        if elided > 0 {
            text += "  elided [shape=note, style=dashed, label=\(DotText.quoted("… \(elided) more nodes"))];\n"
        }
        for i in drawn.indices where drawn[i] {
            text += valueNode(NodeID(i), reachesOutput: reaches[i])
            guard operations[i] && result.tape.ops[i].arity > 0 else { continue }
            text += operationNode(NodeID(i), drawn: drawn, reachesOutput: reaches[i])
            if backward && reaches[i] { text += backwardEdges(NodeID(i), drawn: drawn) }
        }
        return text + "}\n"
    }
}
