extension PassResult {
    /// How warnings name a node: in a program with vectors and matrices, an element by
    /// its row in the table (`t4[2]`, `z[1,2]`), not by a tape id the table never shows.
    /// Made once per report: the view costs a pass over the tape.
    func warningLabels() -> (NodeID) -> String {
        guard let view = TensorView(self) else { return { tape.label(of: $0) } }
        return { view.elementLabel(of: $0) }
    }
}
