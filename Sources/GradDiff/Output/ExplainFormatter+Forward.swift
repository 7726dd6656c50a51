extension ExplainFormatter {
    /// One line per node in tape order (inputs before the nodes that use them):
    ///
    ///     forward pass: each node from its inputs, inputs first
    ///     x = 1
    ///     p = x + y = 1 + 3 = 4
    ///     g = p * z = 4 * (-3) = -12
    ///
    /// Constants are left out: they appear as numbers in the lines that use them.
    public func forward() -> String {
        "forward pass: each node from its inputs, inputs first\n" + forwardLines().map(\.text).joined()
    }

    /// `forward()` node by node: the line of each node but constants, in tape order.
    public func forwardLines() -> [NodeLines] {
        let shown = (0..<tape.count).filter { tape.ops[$0] != .constant }
        let labelWidth = Swift.min(shown.map { tape.label(of: NodeID($0)).columns }.max() ?? 0, 16)
        return shown.map { i in
            let id = NodeID(i)
            let prefix = tape.label(of: id).padded(to: labelWidth) + " = "
            let value = number(result.values[i])
            guard tape.ops[i].arity > 0 else { return NodeLines(node: id, text: chain(prefix, [value])) }
            return NodeLines(node: id, text: chain(prefix, [result.oneLevelText(of: id),
                                                            result.substitutedText(of: id, number: number), value]))
        }
    }
}
