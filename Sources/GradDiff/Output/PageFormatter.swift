/// `--render page.html`: one self-contained HTML file that steps through the forward
/// and backward passes of an evaluation on its graph. The picture is Graphviz's SVG of
/// `dot()` (the `--dot-backward` graph), which the caller makes and passes to
/// `render(svg:)`; the data is `PageData`; the style and script are inline
/// (`PageTemplate`). The page asks for nothing over the network, so it works from a
/// USB stick, a course page or an e-mail attachment.
///
/// Past `steppingNodeLimit` nodes the page does not step: it shows the picture with
/// the final values and gradients, and says so (as does `warnings()`).
public struct PageFormatter {
    /// The most nodes a page steps through. Each step touches a few elements, so the
    /// limit is about the page's size (some 600 bytes of data per node) and about how
    /// far anyone steps by hand; Graphviz draws at most `DotFormatter.defaultNodeLimit`
    /// of them anyway.
    public static let steppingNodeLimit = 2000

    public let result: PassResult
    public let notes: PageNotes
    public let options: OutputOptions

    public init(_ result: PassResult, notes: PageNotes, _ options: OutputOptions) {
        self.result = result
        self.notes = notes
        self.options = options
    }

    /// The graph the page draws: every node's record and operation, and the dashed
    /// backward edges the backward pass lights up.
    public func dot() -> String {
        DotFormatter(result, options, backward: true).render()
    }

    /// What the page leaves out, for standard error and for the page itself.
    public func warnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if let drawnInPart = DotFormatter(result, options, backward: true).largeGraphWarning() {
            warnings.append(drawnInPart)
        }
        let count = result.tape.count
        if count > Self.steppingNodeLimit {
            warnings.append(.warning(.pageWithoutStepping(nodes: count, limit: Self.steppingNodeLimit)))
        }
        return warnings
    }

    /// The page, with `svg` (Graphviz's output for `dot()`) drawn inline.
    public func render(svg: String) -> String {
        let renderer = DiagnosticRenderer(useColor: false)
        let notes = warnings().map { renderer.render(LocatedDiagnostic($0, in: nil)) }
        let data = PageData(result, notes: self.notes, options, steppingLimit: Self.steppingNodeLimit, pageNotes: notes)
        return PageTemplate.page(heading: heading(data), data: data.json(), svg: Self.inline(svg))
    }

    /// What the page is about: the expression's first line, or the file's name, cut
    /// to 60 characters.
    private func heading(_ data: PageData) -> String {
        let firstLine = data.source.split(separator: "\n").first.map(String.init) ?? ""
        let name = data.sourceName == "expression" ? firstLine : data.sourceName
        return name.count > 60 ? String(name.prefix(59)) + "…" : name
    }

    /// The `<svg>` element alone: Graphviz's XML declaration, DOCTYPE and comments
    /// before it have no place inside HTML.
    static func inline(_ svg: String) -> String {
        guard let start = svg.firstRange(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }
}
