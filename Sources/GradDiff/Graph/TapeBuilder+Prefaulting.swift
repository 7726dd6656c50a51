/// Faulting in the pages the next nodes will be written into, on another core, while a
/// large text is parsed (`PagePrefaulter`): `appendNew` asks again every
/// `PagePrefaulter.step` nodes.
extension TapeBuilder {
    /// Has `prefaulter` fault in the pages of the nodes after the newest (nil: stop).
    mutating func prefault(with prefaulter: PagePrefaulter?) {
        self.prefaulter = prefaulter
        prefaulted = (tape.count, tape.constants.count)
        if prefaulter == nil { nextPrefault = .max } else { prefaultAhead() }
    }

    /// Asks for the pages the next `PagePrefaulter.window` nodes (and as many constants)
    /// will be written into, in each array a node appends to: the part of that window
    /// not asked for before.
    @inline(never)
    mutating func prefaultAhead() {
        guard let prefaulter else { return }
        // Nodes taken back (a statement's scratch) may leave what was asked for beyond the window.
        let nodes = Self.notAskedFor(from: tape.count, asked: prefaulted.nodes)
        let constants = Self.notAskedFor(from: tape.constants.count, asked: prefaulted.constants)
        prefaulted = (Swift.max(nodes.upperBound, prefaulted.nodes), Swift.max(constants.upperBound, prefaulted.constants))
        prefaulter.populate([
            PagePrefaulter.addresses(of: tape.first, nodes), PagePrefaulter.addresses(of: tape.second, nodes),
            PagePrefaulter.addresses(of: tape.spans, nodes), PagePrefaulter.addresses(of: tape.ops, nodes),
            PagePrefaulter.addresses(of: tape.readsVariable, nodes), index.addresses(ofNodes: nodes),
            PagePrefaulter.addresses(of: tape.constants, constants),
        ])
        nextPrefault = tape.count + PagePrefaulter.step
    }

    /// The part of the window after `count` beyond `asked`, where pages were asked for up to.
    static func notAskedFor(from count: Int, asked: Int) -> Range<Int> {
        let end = count + PagePrefaulter.window
        return Swift.min(Swift.max(count, asked), end)..<end
    }
}
