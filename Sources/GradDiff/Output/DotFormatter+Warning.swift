extension DotFormatter {
    /// The warning that a graph past `nodeLimit` nodes is drawn in part, and how to draw
    /// less; nil when the whole graph is drawn. `--format dot`, `--render` and the HTML
    /// page all say it in these words.
    public func largeGraphWarning() -> Diagnostic? {
        let elided = elidedCount()
        guard elided > 0 else { return nil }
        return .warning(
            "the graph has \(nodeLimit + elided) nodes; the picture shows the \(nodeLimit) nearest the output and one box for the other \(elided)",
            help: "--wrt NAMES draws only the paths from those inputs to the output; or draw a smaller expression")
    }
}
