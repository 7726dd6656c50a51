/// Names that paste back in: a reassigned variable's later versions are `x#2`, `x#3`, …
/// on the tape, and pasted back the `#` would start a comment, silently dropping the rest
/// of the line. `graddiff diff` prints them as `x_2`, which reads as the same version.
extension Tape {
    /// The tape with each versioned variable (`x#2`) renamed `x_2` (with one more `_`
    /// before the number while that name is another variable's), and each renaming in
    /// slot order, for the note that says which is which.
    func withPasteableVariableNames() -> (tape: Tape, renamings: [(from: String, to: String)]) {
        var renamed = self
        var taken = Set(variableNames)
        var renamings: [(from: String, to: String)] = []
        for (slot, name) in variableNames.enumerated() {
            guard let mark = name.firstIndex(of: "#") else { continue }
            var separator = "_"
            let base = String(name[..<mark]), version = String(name[name.index(after: mark)...])
            var pasteable = base + separator + version
            while taken.contains(pasteable) {
                separator += "_"
                pasteable = base + separator + version
            }
            taken.insert(pasteable)
            renamed.variableNames[slot] = pasteable
            renamed.variableSlots[name] = nil
            renamed.variableSlots[pasteable] = Int32(slot)
            renamings.append((name, pasteable))
        }
        return (renamed, renamings)
    }
}
