extension OutputFormat {
    /// Writes `result` in this format into `buffer`, as `render` would return it, for the
    /// formats that stream (the node table, JSON, CSV, TSV); false, writing nothing, for
    /// the others (Markdown, DOT, and the table's `--wrt` lines), which `render` makes.
    /// A program with vectors and matrices is shown whole (`renderTensors`) unless
    /// `--elements` asks for the scalar nodes, so it takes the other path too.
    public func write(_ result: PassResult, _ options: OutputOptions, to buffer: inout ByteBuffer) -> Bool {
        guard options.elements || result.tensors.isEmpty else { return false }
        switch self {
        case .table where options.wrt == nil: TableFormatter.write(result, options, to: &buffer)
        case .json: JSONFormatter.write(result, options, to: &buffer)
        case .csv: DelimitedFormatter.writeCSV(result, to: &buffer)
        case .tsv: DelimitedFormatter.writeTSV(result, to: &buffer)
        default: return false
        }
        return true
    }
}
