extension DotFormatter {
    /// The warning that a graph past `nodeLimit` nodes is drawn in part, and how to draw
    /// less; nil when the whole graph is drawn. `--format dot`, `--render` and the HTML
    /// page all say it in these words.
    public func largeGraphWarning() -> Diagnostic? {
        let elided = elidedCount()
        guard elided > 0 else { return nil }
        return .warning(.graphDrawnInPart(total: nodeLimit + elided, drawn: nodeLimit, elided: elided))
    }
}
