/// The catalogue: pictures of the graph (`--render`, `--format dot`, the HTML page, `:render`).
extension Message {
    static func graphDrawnInPart(total: Int, drawn: Int, elided: Int) -> Message {
        Message("the graph has \(total) nodes; the picture shows the \(drawn) nearest the output and one box for the other \(elided)",
                help: "--wrt NAMES draws only the paths from those inputs to the output; or draw a smaller expression")
    }
    static func pageWithoutStepping(nodes: Int, limit: Int) -> Message {
        Message("the graph has \(nodes) nodes; the page steps through graphs of up to \(limit), so it shows only the final values and gradients",
                help: "--wrt NAMES or a smaller expression gives a page that steps")
    }
}
