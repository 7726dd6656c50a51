/// `--tangent x=1,y=0` and `--output p,q`: what forward mode and the Jacobian of several
/// outputs read from the command line, checked against the program.
extension Program {
    /// The direction `text` gives, by variable slot: `x=1,y=0`, unnamed variables 0.
    /// An empty text means d/dx for a program of one variable.
    public func direction(_ text: String) throws(UserError) -> [Double] {
        let names = tape.variableNames
        var direction = [Double](repeating: 0, count: names.count)
        guard !text.trimmingSpaces().isEmpty else {
            guard names.count == 1 else { throw UserError(.error(.tangentNeedsDirection(names)), in: nil) }
            return [1]
        }
        var given: Set<String> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = String(part).trimmingSpaces()
            guard piece.contains("="), let binding = try? Binding.parse(piece) else {
                throw UserError(.error(.badTangent(piece)), in: nil)
            }
            guard let slot = tape.variableSlot(named: binding.name) else {
                throw UserError(.error(.tangentNamesNoVariable(binding.name, suggestion: NameSuggestion.nearest(to: binding.name, among: names),
                                                               variables: names)), in: nil)
            }
            guard given.insert(binding.name).inserted else { throw UserError(.error(.tangentNamesTwice(binding.name)), in: nil) }
            direction[slot] = binding.value
        }
        return direction
    }

    /// The nodes of the steps named in `list` (`p,q`), in order, each checked as
    /// `--output NAME` is.
    public func outputNodes(named list: String) throws(UserError) -> [NodeID] {
        var nodes: [NodeID] = []
        for part in list.split(separator: ",") { nodes.append(try outputNode(named: String(part).trimmingSpaces())) }
        return nodes
    }
}
