/// Which pass `--explain` narrates.
public enum ExplainPass: String, CaseIterable, Sendable {
    case backward, forward, both
    /// The tangents of forward-mode differentiation (`--explain=forward-mode`).
    case forwardMode = "forward-mode"
}

/// `--explain`: the passes told as the lecture notes tell them, one node at a time, in
/// the order they run. The forward pass shows each node as formula = numbers = value;
/// the backward pass shows, for each node from the output down, its gradient, the local
/// partial of each input (formula, then number) and the product sent to that input, and
/// where gradient arrives along several paths, each contribution and their sum.
///
/// Nodes appear by label (`p`, `n3`) with their inputs by label, so every line is short
/// however large the expression; lines longer than `width` break before an `=`.
public struct ExplainFormatter {
    public let result: PassResult
    public let options: OutputOptions
    /// The terminal width lines are kept to (80 columns).
    public var width = 80
    /// The direction forward mode differentiates along, by variable slot (`--tangent`);
    /// nil: d/dx of the first variable.
    public var direction: [Double]?

    public init(_ result: PassResult, _ options: OutputOptions) {
        self.result = result
        self.options = options
    }

    /// The narration of `pass` (both: forward, a blank line, backward).
    public func render(_ pass: ExplainPass) -> String {
        // Forward mode is narrated element by element: tangents have no tensor-level rules.
        if pass != .forwardMode, !options.elements, let view = TensorView(result) {
            return TensorExplainFormatter(view, options).render(pass)
        }
        switch pass {
        case .forward: return forward()
        case .backward: return backward()
        case .both: return forward() + "\n" + backward()
        case .forwardMode:
            return forwardMode(direction: direction ?? tape.variableNames.indices.map { $0 == 0 ? 1 : 0 })
        }
    }

    /// The narration as a Markdown code block, for `--format markdown`.
    public func renderMarkdown(_ pass: ExplainPass) -> String {
        "```text\n" + render(pass) + "```\n"
    }

    var tape: Tape { result.tape }

    func number(_ value: Double) -> String {
        NumberFormat.significant(value, digits: options.precision)
    }

    /// `prefix` then `pieces` joined by " = ", broken before an " = " wherever the line
    /// would pass `width`; continuation lines are indented under the first piece (at
    /// most half the width in). A single piece longer than a line is not broken.
    func chain(_ prefix: String, _ pieces: [String], suffix: String = "") -> String {
        var pieces = pieces
        // Equal neighbours say nothing new (`-3 · 1 = -3 · 1` when the formula is a number).
        pieces = pieces.enumerated().filter { $0.offset == 0 || $0.element != pieces[$0.offset - 1] }.map(\.element)
        if let last = pieces.indices.last { pieces[last] += suffix }
        let indent = String(repeating: " ", count: Swift.min(prefix.count + 2, width / 2))
        var lines: [String] = []
        var line = prefix + (pieces.first ?? "")
        if line.count > width && prefix.contains(where: { $0 != " " }) {
            // A long header or label: the chain starts on a line of its own.
            lines.append(String(prefix.reversed().drop(while: { $0 == " " }).reversed()))
            line = indent + (pieces.first ?? "")
        }
        for piece in pieces.dropFirst() {
            let next = " = " + piece
            if line.count + next.count > width && line.count > indent.count {
                lines.append(line)
                line = indent + "= " + piece
            } else {
                line += next
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
