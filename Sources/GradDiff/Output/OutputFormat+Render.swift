extension OutputFormat {
    /// `evaluation` written in this format: what the command prints and what a REPL
    /// prints for an expression. With `options.wrt` the table becomes one `name gradient`
    /// line per variable, JSON's `gradient` object keeps only those variables and DOT
    /// draws only the paths from them; CSV, TSV and Markdown always carry every node.
    /// `dotBackward` draws the gradient flow too (`--dot-backward`).
    public func render(_ evaluation: Evaluation, _ options: OutputOptions, dotBackward: Bool = false) -> String {
        switch self {
        case .table:
            guard options.wrt != nil else { return TableFormatter.render(evaluation, options) }
            return evaluation.reportedVariables(options).map { variable in
                let gradient = evaluation.gradients[Int(evaluation.tape.variableNodes[variable.slot])]
                return "\(variable.name) \(NumberFormat.significant(gradient, digits: options.precision))\n"
            }.joined()
        case .json: return JSONFormatter.render(evaluation, options)
        case .csv: return DelimitedFormatter.csv(evaluation)
        case .tsv: return DelimitedFormatter.tsv(evaluation)
        case .markdown: return DelimitedFormatter.markdown(evaluation, options)
        case .dot: return DotFormatter(evaluation, options, backward: dotBackward).render()
        }
    }
}
