/// Binding vectors and matrices: `W=[[1, 2], [3, 4]]` or `W=@weights.csv` gives every
/// element of the input `W` (the variables `W[1,1]`, …), in the shape the program
/// declares; a scalar binding of a vector, or a vector binding of a scalar, is an error.
extension Evaluation {
    /// Binds `binding` if it concerns a vector or matrix (recording an error if it does
    /// not fit); false when it is a plain scalar binding for the caller.
    static func bindTensor(_ binding: Binding, _ program: Program, _ values: inout [Double], _ bound: inout [Bool],
                           _ errors: inout [LocatedDiagnostic]) -> Bool {
        let tensors = program.tensors
        guard binding.tensor != nil || !tensors.isEmpty else { return false }
        let tape = program.tape
        func fail(_ message: Message) -> Bool {
            errors.append(LocatedDiagnostic(.error(message, at: binding.nameSpan), in: binding.source))
            return true
        }
        guard let id = tensors.input(named: binding.name) else {
            guard let value = binding.tensor, tape.variableSlot(named: binding.name) != nil else { return false }
            return fail(.tensorBoundToScalar(binding.name, noun: value.shape.noun))
        }
        let shape = tensors[id].shape
        guard let value = binding.tensor else {
            return fail(.scalarBoundToTensor(binding.name, noun: shape.noun, example: bindingExample(binding.name, program)))
        }
        guard value.shape == shape else {
            _ = fail(.bindingShape(binding.name, declared: shape.noun, bound: value.shape.noun))
            // And where the program gives it its shape.
            let note = Message.declaredShapeHere(binding.name, shape.noun)
            errors.append(LocatedDiagnostic(Diagnostic(.note, note.text, at: tensors[id].span, help: note.help), in: program.source))
            return true
        }
        for (element, number) in zip(tensors.elements(of: id), value.values) {
            let slot = Int(tape.first[Int(element)])
            values[slot] = number
            bound[slot] = true
        }
        return true
    }

    /// The names of the variables in `slots`, a vector's or matrix's elements said once
    /// by the input's name (`W` for `W[1,1]`, `W[1,2]`, …).
    static func missingNames(_ slots: [Int], _ program: Program) -> [String] {
        let tape = program.tape
        var names: [String] = []
        var seen = Set<String>()
        for slot in slots {
            var name = tape.variableNames[slot]
            if let bracket = name.firstIndex(of: "["), program.tensors.input(named: String(name[..<bracket])) != nil {
                name = String(name[..<bracket])
            }
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// A binding to show in help: `x=1`, `v=[0, 0, 0]`, or for a large one `W=@W.csv`.
    static func bindingExample(_ name: String, _ program: Program) -> String {
        guard let id = program.tensors.input(named: name) else { return "\(name)=1" }
        let shape = program.tensors[id].shape
        guard shape.count <= 12 else { return "\(name)=@\(name).csv" }
        let row = "[" + Array(repeating: "0", count: shape.rank == 1 ? shape.rows : shape.columns).joined(separator: ", ") + "]"
        return shape.rank == 1 ? "\(name)=\(row)" : "\(name)=[" + Array(repeating: row, count: shape.rows).joined(separator: ", ") + "]"
    }

    /// The vector- and matrix-valued steps none of whose elements `used` (by node) marks.
    func unusedTensorStepWarnings(_ used: [Bool], _ fate: Message.UnusedStepFate) -> [LocatedDiagnostic] {
        let tensors = program.tensors
        return tensors.steps.filter { step in !tensors.elements(of: step.node).contains { used[Int($0)] } }.prefix(5).map { step in
            let what = step.name.isEmpty ? "this expression's value" : "'\(step.name)'"
            return LocatedDiagnostic(.warning(.unusedByOutput(what, fate), at: step.span), in: program.source)
        }
    }
}

extension Program {
    /// `names` with each vector or matrix input's name replaced by its elements' (`W` by
    /// `W[1,1]`, `W[1,2]`, …): what `--wrt`, `--over` and `graddiff diff` read.
    public func elementNames(_ names: [String]?) -> [String]? {
        names.map { list in
            list.flatMap { name -> [String] in
                guard tape.variableSlot(named: name) == nil, let id = tensors.input(named: name) else { return [name] }
                return tensors.elements(of: id).map { tape.variableNames[Int(tape.first[Int($0)])] }
            }
        }
    }

    /// The output is a vector or matrix: no single gradient.
    func tensorOutputError(_ id: Int32) -> UserError {
        let step = tensors.steps.last { $0.node == id }
        let name = tensors.names[id] ?? step.map { source.text(of: $0.span) } ?? tensors.label(of: id)
        let shown = name.count <= 24 ? name : String(name.prefix(20)) + "…"
        return UserError(.error(.tensorOutput(shown, tensors[id].shape.noun), at: step?.span), in: source)
    }
}
