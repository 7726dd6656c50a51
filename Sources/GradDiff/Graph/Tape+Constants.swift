/// Which nodes are constants: a literal (`2`, `pi`) or any node computed from constants
/// alone (`2*3`, `sqrt(2)`). Nothing varies them, so no one can use a gradient with
/// respect to them: the backward pass sends none into them, tables leave their gradient
/// blank and JSON writes null, and a nan partial of theirs (∂(a^b)/∂b at a negative
/// base, in every squared loss `r^2`) warns of nothing.
extension Tape {
    /// By node: whether it reads a variable, directly or through its inputs (kept by
    /// `TapeBuilder` as nodes are added).
    func variableReaders() -> [Bool] {
        readsVariable
    }
}
