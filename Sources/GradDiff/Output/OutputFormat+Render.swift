extension OutputFormat {
    /// `evaluation` written in this format: what the command prints and what a REPL
    /// prints for an expression. With `options.wrt` the table becomes one `name gradient`
    /// line per variable and JSON's `gradient` object keeps only those variables; CSV,
    /// TSV and Markdown always carry every node.
    public func render(_ evaluation: Evaluation, _ options: OutputOptions) -> String {
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
        }
    }
}
