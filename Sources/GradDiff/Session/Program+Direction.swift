/// `--tangent x=1,y=0` and `--output p,q`: what forward mode and the Jacobian of several
/// outputs read from the command line, checked against the program.
extension Program {
    /// The direction `text` gives, by variable slot: `x=1,y=0`, unnamed variables 0; an
    /// element by its name (`W[1,2]=1`) and a vector or matrix input whole (`u=[1, 0]`).
    /// An empty text means d/dx for a program of one variable.
    public func direction(_ text: String) throws(UserError) -> [Double] {
        let names = tape.variableNames
        var direction = [Double](repeating: 0, count: names.count)
        if let missing = missingDirection(text) { throw missing }
        guard !text.trimmingSpaces().isEmpty else { return [1] }
        var given: Set<String> = []
        for (name, binding) in try Self.tangentPairs(text) {
            var slots: [(slot: Int, value: Double)] = []
            if let slot = tape.variableSlot(named: name), binding.tensor == nil {
                slots = [(slot, binding.value)]
            } else if let id = tensors.input(named: name), let value = binding.tensor,
                      value.dimensions == tensors[id].shape.dimensions {
                slots = zip(tensors.elements(of: id), value.values).map { (Int(tape.first[Int($0)]), $1) }
            } else if tape.variableSlot(named: name) != nil || tensors.input(named: name) != nil {
                throw UserError(.error(.tangentShape(name)), in: nil)
            } else {
                throw UserError(.error(.tangentNamesNoVariable(name, suggestion: NameSuggestion.nearest(to: name, among: names),
                                                               variables: names)), in: nil)
            }
            for (slot, value) in slots {
                guard given.insert(names[slot]).inserted else { throw UserError(.error(.tangentNamesTwice(names[slot])), in: nil) }
                direction[slot] = value
            }
        }
        return direction
    }

    /// The warnings of `--tangent`'s values, a binding's own (`x=1e400`: too large for a
    /// double), each saying which pair it is about. Empty when the text does not parse:
    /// `direction` reports that.
    public static func tangentWarnings(_ text: String) -> [Diagnostic] {
        guard let pairs = try? tangentPairs(text) else { return [] }
        return pairs.flatMap { name, binding in
            binding.warnings.map { .warning($0.message, help: "in --tangent \(name)=\(binding.valueText)") }
        }
    }

    /// The error for an empty `text` where the program has other than one variable: no
    /// direction to run along. A command reports it as a missing option.
    public func missingDirection(_ text: String) -> UserError? {
        guard text.trimmingSpaces().isEmpty, tape.variableNames.count != 1 else { return nil }
        return UserError(.error(.tangentNeedsDirection(tape.variableNames)), in: nil)
    }

    /// `--tangent`'s pairs, each name (an element's as the tape writes it) with its value
    /// read as a binding's: what the option must be before any program is read.
    public static func tangentPairs(_ text: String) throws(UserError) -> [(name: String, value: Binding)] {
        try CommaList.split(text).map { piece throws(UserError) in
            guard let equals = piece.firstIndex(of: "="),
                  case let name = CommaList.elementName(String(piece[..<equals])), !name.isEmpty,
                  let binding = try? Binding.parse("d" + piece[equals...])
            else { throw UserError(.error(.badTangent(piece)), in: nil) }
            return (name, binding)
        }
    }

    /// The nodes of the steps named in `list` (`p,q`), in order, each checked as
    /// `--output NAME` is; a step named twice (`c,c#2`, where c means its latest
    /// version) is refused, as it would be two identical rows.
    public func outputNodes(named list: String) throws(UserError) -> [NodeID] {
        var nodes: [NodeID] = []
        var namesByLabel: [String: String] = [:]
        let parts = CommaList.split(list).filter { !$0.isEmpty }
        for part in parts {
            // The Jacobian of several outputs has a row per scalar step; a vector's own
            // Jacobian is --output with it alone.
            if parts.count > 1, let id = tensorOutput(named: part) {
                throw UserError(.error(.severalOutputsWithTensor(part, tensors[id].shape.noun)), in: nil)
            }
            nodes.append(try outputNode(named: part))
            let label = outputLabel(named: part)
            if let earlier = namesByLabel[label] { throw UserError(.error(.outputNamesTwice(label, as: [earlier, part])), in: nil) }
            namesByLabel[label] = part
        }
        return nodes
    }
}
