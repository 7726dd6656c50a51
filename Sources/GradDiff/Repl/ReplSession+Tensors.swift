/// Vectors and matrices in a session: a definition is confirmed with its value
/// (`W = [[1, 2], [3, 4]]`), and an expression that is a vector or matrix prints its
/// value, having no single gradient to show.
extension ReplSession {
    /// The value of a vector- or matrix-valued statement, on one line (`[4.6, 9.2]`), or
    /// what it still lacks.
    func tensorValue(of statement: Statement, in program: Program) -> String {
        guard let id = statement.tensor else { return "" }
        let tensors = program.tensors
        let elements = Array(tensors.elements(of: id))
        let values = SessionValues(program, roots: elements)
        let missing = Array(Set(elements.flatMap { values.missingVariables(of: $0) })).sorted()
        guard missing.isEmpty else {
            return "\(tensors[id].shape.text)  (no value yet: \(NameList.quoted(missing)) \(missing.count == 1 ? "has" : "have") none)"
        }
        let shape = tensors[id].shape
        let text = TensorValueText.oneLine(elements.map { values.value(of: $0) }, shape) { number($0) }
        return statement.kind == .expression ? text + "  (\(shape.noun); sum(...) or an element v[i] gives a gradient)" : text
    }
}
