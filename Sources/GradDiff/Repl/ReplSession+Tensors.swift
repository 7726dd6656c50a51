/// Vectors and matrices in a session: a definition is confirmed with its value
/// (`W = [[1, 2], [3, 4]]`), and an expression that is a vector or matrix prints its
/// value, having no single gradient to show.
extension ReplSession {
    /// The value of a vector- or matrix-valued statement, on one line (`[4.6, 9.2]`), or
    /// its shape and what it still lacks (`a 2-element vector  (no value yet: 'y' has none)`).
    func tensorValue(of statement: Statement, in program: Program) -> String {
        guard let id = statement.tensor else { return "" }
        let tensors = program.tensors
        let elements = Array(tensors.elements(of: id))
        let values = SessionValues(program, roots: elements)
        let missing = missingVariables(of: elements, values)
        let shape = tensors[id].shape
        guard missing.isEmpty else {
            return "\(shape.noun)  (no value yet: \(NameList.quoted(missing)) \(missing.count == 1 ? "has" : "have") none)"
        }
        let text = TensorValueText.oneLine(elements.map { values.value(of: $0) }, shape) { number($0) }
        return statement.kind == .expression ? text + "  (\(shape.noun); sum(...) or an element v[i] gives a gradient)" : text
    }

    /// A vector- or matrix-valued expression as the session's format writes it, with a
    /// newline: in table and markdown its value (`tensorValue`); in json one object, its
    /// value exact and by rows, and its shape as a node's (`{"value": [2, 4], "shape": [2]}`;
    /// `{"value": null, "shape": [2], "needs": ["y"]}` while a variable has no value).
    /// csv, tsv and dot refuse it: their rows and graph are a scalar's nodes and gradients.
    func tensorExpression(_ statement: Statement, in program: Program) throws(UserError) -> String {
        guard let id = statement.tensor else { return "" }
        let shape = program.tensors[id].shape
        guard format.isForPrograms else { return tensorValue(of: statement, in: program) + "\n" }
        guard format == .json else {
            let text = DefinitionText.oneLine(program.source.text(of: statement.span))
            throw UserError(.error(.tensorCannotPrint(shape.noun, text, in: format.rawValue), at: statement.span), in: program.source)
        }
        let elements = Array(program.tensors.elements(of: id))
        let values = SessionValues(program, roots: elements)
        let missing = missingVariables(of: elements, values)
        let dimensions = "[" + shape.dimensions.map(String.init).joined(separator: ", ") + "]"
        guard missing.isEmpty else {
            return "{\"value\": null, \"shape\": \(dimensions), \"needs\": \(JSONFormatter.strings(missing))}\n"
        }
        return "{\"value\": \(TensorValueText.json(elements.map { values.value(of: $0) }, shape)), \"shape\": \(dimensions)}\n"
    }

    /// The variables without a value that `elements` read, sorted.
    func missingVariables(of elements: [NodeID], _ values: SessionValues) -> [String] {
        Array(Set(elements.flatMap { values.missingVariables(of: $0) })).sorted()
    }
}
