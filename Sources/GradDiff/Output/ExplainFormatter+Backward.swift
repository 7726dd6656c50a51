extension ExplainFormatter {
    /// The backward pass as it runs, from the output down the tape:
    ///
    ///     backward pass: each node sends dg/d(node) · ∂node/∂input to each input
    ///     g = p * z  dg/dg = 1
    ///       p ← dg/dg · ∂g/∂p = 1 · z = 1 · (-3) = -3
    ///       z ← dg/dg · ∂g/∂z = 1 · p = 1 · 4 = 4
    ///     p = x + y  dg/dp = -3
    ///       x ← dg/dp · ∂p/∂x = -3 · 1 = -3
    ///       y ← dg/dp · ∂p/∂y = -3 · 1 = -3
    ///     inputs: the gradients they collected
    ///       x  dg/dx = -3
    ///
    /// Constants neither receive nor send gradient, so they are not narrated.
    /// A node reached along several paths shows every contribution and their sum
    /// (dz/ds = 0.9 + 0.37 = 1.27): the chain rule's sum over paths, the backward pass's
    /// `+=`. With `--wrt`, only the nodes on paths from those inputs to the output.
    public func backward() -> String {
        let narration = backwardNarration()
        var text = "backward pass: each node sends d\(tape.label(of: result.output))/d(node) · ∂node/∂input to each input\n"
        text += narration.steps.map(\.text).joined()
        if !narration.leaves.isEmpty {
            text += "inputs: the gradients they collected\n" + narration.leaves.map(\.text).joined()
        }
        let meanings = FormulaAlgebra.meanings(of: narration.internalOps)
        if !meanings.isEmpty { text += "where " + meanings.joined(separator: "\n      ") + "\n" }
        return text
    }

    /// The lines `backward()` prints about one node.
    public struct NodeLines: Sendable {
        public var node: NodeID
        public var text: String
    }

    /// `backward()` node by node, for a reader that shows one node at a time (the HTML page).
    public struct BackwardNarration: Sendable {
        /// Each node the pass visits, from the output down: its gradient, then what it sends.
        public var steps: [NodeLines]
        /// Each input and constant with the gradient it collected, in tape order.
        public var leaves: [NodeLines]
        /// What each node received, by node id, in arrival order (the order of the `+=`).
        public var received: [[Double]]
        /// The internal ops (sign, [a > 0], ...) the partials' formulas use.
        public var internalOps: Set<Op>
    }

    public func backwardNarration() -> BackwardNarration {
        let onPaths = result.nodesOnPaths(from: options.wrt)
        let output = Int(result.output)
        let steps = stride(from: output, through: 0, by: -1).filter {
            onPaths[$0] && tape.ops[$0].arity > 0 && result.hasGradient(NodeID($0))
        }
        let headers = steps.map { "\(tape.label(of: NodeID($0))) = \(result.oneLevelText(of: NodeID($0)))" }
        let headerWidth = Swift.min(headers.map(\.columns).max() ?? 0, width / 2)
        var narration = BackwardNarration(steps: [], leaves: [], received: Array(repeating: [], count: tape.count),
                                          internalOps: [])
        for (step, header) in zip(steps, headers) {
            let id = NodeID(step)
            var text = gradientLine(header.padded(to: headerWidth) + "  ", id, narration.received[step])
            // The node's own op may need saying too (`expdiff`, `shift`: their partials name none).
            if FormulaAlgebra.internalOps.contains(tape.ops[step]) { narration.internalOps.insert(tape.ops[step]) }
            let partials = result.localPartials(of: id).filter { onPaths[Int($0.input)] }
            let inputWidth = partials.map { tape.label(of: $0.input).columns }.max() ?? 0
            for partial in partials {
                let product = result.gradients[step] * partial.value
                narration.received[Int(partial.input)].append(product)
                narration.internalOps.formUnion(partial.formula.internalOps)
                text += sendLine(from: id, partial, product, inputWidth: inputWidth)
            }
            narration.steps.append(NodeLines(node: id, text: text))
        }
        narration.leaves = leafLines(onPaths, narration.received)
        return narration
    }

    /// The gradient each input collected, with its paths where several (a constant
    /// has no gradient).
    private func leafLines(_ onPaths: [Bool], _ received: [[Double]]) -> [NodeLines] {
        let leaves = (0...Int(result.output)).filter { onPaths[$0] && tape.ops[$0] == .variable }
        let labelWidth = Swift.min(leaves.map { tape.label(of: NodeID($0)).columns }.max() ?? 0, 16)
        return leaves.map { leaf in
            NodeLines(node: NodeID(leaf),
                      text: gradientLine("  " + tape.label(of: NodeID(leaf)).padded(to: labelWidth) + "  ", NodeID(leaf), received[leaf]))
        }
    }

    /// `d out/d node = c1 + c2 = total  (sum of 2 paths)`, or `= total` for one path.
    private func gradientLine(_ prefix: String, _ id: NodeID, _ contributions: [Double]) -> String {
        let total = number(result.gradients[Int(id)])
        guard contributions.count > 1 else { return chain(prefix, [totalDerivative(id), total]) }
        let terms = contributions.count <= 6
            ? contributions.map(number)
            : contributions.prefix(2).map(number) + ["…", number(contributions[contributions.count - 1])]
        let sum = terms.enumerated().map { $0.offset > 0 && $0.element.hasPrefix("-") ? "(\($0.element))" : $0.element }
        return chain(prefix, [totalDerivative(id), sum.joined(separator: " + "), total],
                     suffix: "  (sum of \(contributions.count) paths)")
    }

    /// `  x ← dg/dp · ∂p/∂x = -3 · 1 = -3`: what node `id` sends to one input.
    private func sendLine(from id: NodeID, _ partial: LocalPartial, _ product: Double, inputWidth: Int) -> String {
        let node = tape.label(of: id)
        let input = tape.label(of: partial.input)
        let upstream = number(result.gradients[Int(id)])
        let formula = partial.formula.precedence < Precedence.power ? "(\(partial.formula.text))" : partial.formula.text
        let value = number(partial.value)
        return chain("  " + input.padded(to: inputWidth) + " ← ", [
            "\(totalDerivative(id)) · ∂\(node)/∂\(input)",
            "\(upstream) · \(formula)",
            "\(upstream) · \(value.hasPrefix("-") ? "(\(value))" : value)",
            number(product),
        ])
    }

    /// `dg/dp`: the output's total derivative with respect to node `id`.
    private func totalDerivative(_ id: NodeID) -> String {
        "d\(tape.label(of: result.output))/d\(tape.label(of: id))"
    }
}
