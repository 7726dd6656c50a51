/// How a node is called wherever it is shown: tables, narration, diagnostics.
extension Tape {
    /// How the node is called in tables: its step or variable name, its constant, or `n<id>`.
    func label(of id: NodeID) -> String {
        let index = Int(id)
        if let name = stepNames[id] { return name }
        switch ops[index] {
        case .variable: return variableNames[Int(first[index])]
        case .constant: return NodeText.constantText(constants[Int(first[index])])
        default: return "n\(id)"
        }
    }
}
