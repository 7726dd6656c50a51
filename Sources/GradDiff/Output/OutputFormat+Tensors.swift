extension OutputFormat {
    /// `-q --wrt NAMES` for a program with vectors and matrices: one number per line, a
    /// vector's or matrix's elements in row-major order (W[1,1], W[1,2], W[2,1], …), as
    /// bc and awk read them (a nested [[1, 2], [3, 4]] they cannot); nil for a scalar
    /// program or with `--elements`. Numbers read back exactly, as `-q` prints them
    /// (`OutputOptions.scriptNumber`).
    public static func quietTensorGradients(_ result: PassResult, _ options: OutputOptions) -> String? {
        guard !options.elements, let wrt = options.wrt, let view = TensorView(result) else { return nil }
        return view.reportedInputs(wrt).flatMap { _, row in view.gradients(row) }.map { options.scriptNumber($0) + "\n" }.joined()
    }

    /// A program with vectors and matrices, at the level it was written (`--elements`
    /// gives the scalar table instead). With `--wrt` the table is one `name gradient`
    /// entry per input named, a vector's or matrix's gradient shaped like it.
    func renderTensors(_ view: TensorView, _ options: OutputOptions, dotBackward: Bool) -> String {
        switch self {
        case .table:
            guard let wrt = options.wrt else { return TensorTableFormatter.render(view, options) }
            return view.reportedInputs(wrt).map { name, row in
                // Numbers for scripts, as the scalar `--wrt` lines print them.
                let lines = TensorValueText.lines(view.gradients(row), row.shape, number: options.scriptNumber)
                let indent = String(repeating: " ", count: name.count + 1)
                return "\(name) " + lines.joined(separator: "\n" + indent) + "\n"
            }.joined()
        case .json: return TensorJSONFormatter.render(view, options)
        case .csv: return TensorJSONFormatter.delimited(view, separator: ",")
        case .tsv: return TensorJSONFormatter.delimited(view, separator: "\t")
        case .markdown: return TensorJSONFormatter.markdown(view, options)
        case .dot: return TensorDotFormatter(view, options, backward: dotBackward).render()
        }
    }
}
