extension TensorExplainFormatter {
    /// The backward pass step by step from the output down: each step's δ (the
    /// gradient of the output with respect to it, from the tape), then what it sends
    /// each input, formula and numbers; inputs and constants collect their totals last.
    func backward() -> String {
        let outputLabel = view.rows[outputRow].label
        var text = "backward pass: δv = d\(outputLabel)/dv, sent to each input (· matrix product, ∘ elementwise)\n"
        // Each row's group: itself, or the step it is narrated inside.
        var root = Array(view.rows.indices)
        for index in view.rows.indices.reversed() where folded[index] { root[index] = root[readers[index][0]] }
        var members: [Int: [Int]] = [:]
        for index in view.rows.indices.reversed() { members[root[index], default: []].append(index) }
        var received: [Int: Int] = [:]
        for index in view.rows.indices.reversed() where !folded[index] && !isLeaf(index) && onPaths[index] {
            let row = view.rows[index]
            var terms: [Int: TensorTerm] = [index: .name("δ" + row.label, scalar: row.shape.isScalar)]
            var numbers: [Int: [Double]] = [index: view.gradients(row)]
            text += block("\(row.label) = \(self.text.texts[index])  δ\(row.label) = ", values(numbers[index]!, row.shape))
            var lines: [(row: Int, text: String)] = []
            for member in members[index] ?? [] {
                guard let delta = terms[member], let share = numbers[member] else { continue }
                for send in sends(member, delta: delta, numbers: share) where onPaths[send.row] && !isConstant(send.row) {
                    if send.element == nil && root[send.row] == index && send.row != index {
                        terms[send.row] = terms[send.row].map { TensorTerm(text: $0.text + " + " + send.term.text, precedence: Precedence.sum,
                                                                           isScalar: $0.isScalar) } ?? send.term
                        numbers[send.row] = numbers[send.row].map { zip($0, send.numbers).map { $0 + $1 } } ?? send.numbers
                        continue
                    }
                    received[send.row, default: 0] += 1
                    let target = view.rows[send.row]
                    let shape: TensorShape = send.element == nil ? target.shape : .scalar
                    let name = target.label + (send.element.map { target.shape.indexText($0) } ?? "")
                    lines.append((send.row, block("  \(name) ← \(send.term.text) = ", values(send.numbers, shape))))
                }
            }
            // In the order of the inputs in the table (W, x, b for W @ x + b).
            text += lines.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element.text).joined()
        }
        return text + leaves(received, outputLabel)
    }

    /// The inputs' totals: the gradient each collected, and from how many sends.
    private func leaves(_ received: [Int: Int], _ outputLabel: String) -> String {
        let inputs = view.rows.indices.filter { isLeaf($0) && !isConstant($0) && onPaths[$0] }
        guard !inputs.isEmpty else { return "" }
        var text = "inputs: the gradients they collected\n"
        for index in inputs {
            let row = view.rows[index]
            let count = received[index] ?? 0
            let note = count > 1 ? "  (the sum of \(count) sends)" : ""
            let lines = values(view.gradients(row), row.shape)
            text += block("  \(row.label)  d\(outputLabel)/d\(row.label) = ", lines.dropLast() + [lines.last! + note])
        }
        return text
    }
}
