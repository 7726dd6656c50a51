/// Which nodes are constants: a literal (`2`, `pi`) or any node computed from constants
/// alone (`2*3`, `sqrt(2)`). Nothing varies them, so no one can use a gradient with
/// respect to them: the backward pass sends none into them, tables leave their gradient
/// blank and JSON writes null, and a nan partial of theirs (∂(a^b)/∂b at a negative
/// base, in every squared loss `r^2`) warns of nothing.
extension Tape {
    /// By node: whether it reads a variable, directly or through its inputs. One loop up
    /// the tape (inputs come first).
    func variableReaders() -> [Bool] {
        var reads = [Bool](repeating: false, count: count)
        for i in 0..<count {
            switch ops[i] {
            case .variable: reads[i] = true
            case .constant: break
            default: reads[i] = reads[Int(first[i])] || (second[i] >= 0 && reads[Int(second[i])])
            }
        }
        return reads
    }
}
