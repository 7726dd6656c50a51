import GradDiff

/// `--render FILE` and the session's `:render FILE`: the graph drawn into a file whose
/// extension picks what it is: `.html`, a page that steps through both passes in a
/// browser (`PageFormatter`, with Graphviz's SVG inline), or `.svg`, `.png` or `.pdf`,
/// Graphviz's picture. Either way the file appears whole or not at all.
enum GraphPicture {
    enum Kind: Equatable {
        case page
        case picture(GraphvizRenderer.Format)

        /// The kind `path`'s extension names (any case), or nil.
        init?(path: String) {
            guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
            if path[path.index(after: dot)...].lowercased() == "html" {
                self = .page
            } else if let format = GraphvizRenderer.Format(path: path) {
                self = .picture(format)
            } else {
                return nil
            }
        }
    }

    /// The extensions `--render` and `:render` take, as messages list them.
    static let extensions = ".html, .svg, .png or .pdf"

    /// What a drawing of a large graph leaves out: nodes past the picture's limit, and
    /// for a page, the stepping past its limit.
    static func warnings(_ evaluation: Evaluation, _ options: OutputOptions, kind: Kind, backward: Bool) -> [Diagnostic] {
        switch kind {
        case .page: return PageFormatter(evaluation.result, notes: evaluation.pageNotes, options).warnings()
        case .picture: return DotFormatter(evaluation.result, options, backward: backward).largeGraphWarning().map { [$0] } ?? []
        }
    }

    /// Draws `evaluation` into `path`; `backward` adds the gradient flow to a picture
    /// (a page always has it).
    static func write(_ evaluation: Evaluation, _ options: OutputOptions, kind: Kind, backward: Bool,
                      to path: String) throws(GraphvizRenderer.Failure) {
        switch kind {
        case .picture(let format):
            try GraphvizRenderer.render(DotFormatter(evaluation.result, options, backward: backward).render(), to: path, format: format)
        case .page:
            let page = PageFormatter(evaluation.result, notes: evaluation.pageNotes, options)
            let svg = try GraphvizRenderer.svgText(page.dot(), for: path)
            do throws(AtomicFile.Failure) {
                try AtomicFile.write(page.render(svg: svg), to: path)
            } catch {
                throw GraphvizRenderer.Failure(message: error.message, status: .ioError)
            }
        }
    }
}
