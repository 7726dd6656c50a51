import GradDiff

extension Runner {
    /// Writes the node table, JSON, CSV or TSV of `evaluation` to stdout as it is made,
    /// a megabyte at a time, one write(2) each: a million-node output needs neither a
    /// string of it nor a write per line. False, having written nothing, when the output
    /// takes the other path (`render`): with `--explain`, tangents, `-q`, Markdown, DOT
    /// or the `--wrt` lines.
    func streamOutput(_ evaluation: Evaluation, _ options: OutputOptions, direction: [Double]?) -> Bool {
        guard command.explain == nil, !command.quiet, !(command.printsTangents && direction != nil) else { return false }
        var buffer = ByteBuffer(sink: StandardStreams.writeOut)
        guard command.format.write(evaluation.result, options, to: &buffer) else { return false }
        buffer.flush()
        return true
    }
}
