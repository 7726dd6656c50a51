extension OutputFormat {
    /// `result` written in this format: what the command prints and what a REPL
    /// prints for an expression. With `options.wrt` the table becomes one `name gradient`
    /// line per variable (numbers for scripts: `OutputOptions.scriptNumber`), JSON's `gradient` object keeps only those variables and DOT
    /// draws only the paths from them; CSV, TSV and Markdown carry every node, and are
    /// refused with `--wrt` (`honoursWrt`).
    /// `dotBackward` draws the gradient flow too (`--dot-backward`).
    public func render(_ result: PassResult, _ options: OutputOptions, dotBackward: Bool = false) -> String {
        if !options.elements, let view = TensorView(result) { return renderTensors(view, options, dotBackward: dotBackward) }
        switch self {
        case .table:
            guard options.wrt != nil else { return TableFormatter.render(result, options) }
            return result.reportedVariables(options).map { variable in
                let gradient = result.gradients[Int(result.tape.variableNodes[variable.slot])]
                return "\(variable.name) \(options.scriptNumber(gradient))\n"
            }.joined()
        case .json: return JSONFormatter.render(result, options)
        case .csv: return DelimitedFormatter.csv(result)
        case .tsv: return DelimitedFormatter.tsv(result)
        case .markdown: return DelimitedFormatter.markdown(result, options)
        case .dot: return DotFormatter(result, options, backward: dotBackward).render()
        }
    }
}
