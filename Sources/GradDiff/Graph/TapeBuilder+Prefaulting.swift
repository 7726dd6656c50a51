/// Faulting in the pages the next nodes will be written into, on another core, while a
/// large text is parsed (`PagePrefaulter`): `appendNew` asks again every
/// `PagePrefaulter.step` nodes.
extension TapeBuilder {
    /// Has `prefaulter` fault in the pages of the nodes after the newest (nil: stop).
    mutating func prefault(with prefaulter: PagePrefaulter?) {
        self.prefaulter = prefaulter
        nextPrefault = tape.count
        if prefaulter == nil { nextPrefault = .max } else { prefaultAhead() }
    }

    /// Asks for the pages the next `PagePrefaulter.window` nodes (and as many constants)
    /// will be written into, in each array a node appends to.
    @inline(never)
    mutating func prefaultAhead() {
        guard let prefaulter else { return }
        let nodes = tape.count..<tape.count + PagePrefaulter.window
        let constants = tape.constants.count..<tape.constants.count + PagePrefaulter.window
        prefaulter.populate([
            PagePrefaulter.addresses(of: tape.first, nodes), PagePrefaulter.addresses(of: tape.second, nodes),
            PagePrefaulter.addresses(of: tape.spans, nodes), PagePrefaulter.addresses(of: tape.ops, nodes),
            PagePrefaulter.addresses(of: tape.readsVariable, nodes), index.addresses(ofNodes: nodes),
            PagePrefaulter.addresses(of: tape.constants, constants),
        ])
        nextPrefault = tape.count + PagePrefaulter.step
    }
}
