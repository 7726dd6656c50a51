/// The parameters of a run as the program names them: a vector or matrix input with a
/// parameter among its elements is one group (`W1`, shaped, the elements not trained at
/// their values), any other parameter its own. The summary prints each group as a
/// binding ready to paste back (`'W1=[[0.1,0.2],[0.3,0.4]]'`, quoted for the shell's
/// sake, or `c=0.05`): an element alone (`W1[1,2]=0.2`) is no binding graddiff takes.
public struct ParameterGroup: Sendable {
    public let name: String
    /// Each element's place in the run's parameter list, row-major; nil for an element
    /// not trained (`--over W[1]` trains one of W's), which keeps its value in `fixed`.
    let elements: [Int?]
    let fixed: [Double]
    let shape: TensorShape
    /// The trained elements' names (`W[1]`), for the gradient line.
    let trainedNames: [String]

    /// `name=value`, or for a vector or matrix `'name=[[a,b],[c,d]]'` (every element, the
    /// untrained ones at their values, so that the line can be pasted back).
    public func binding(_ parameters: [Double]) -> String {
        let values = elements.indices.map { elements[$0].map { parameters[$0] } ?? fixed[$0] }
        return shape.isScalar ? "\(name)=\(NumberFormat.shortest(values[0]))" : "'\(name)=\(nested(values))'"
    }

    /// `d_name=value` (`d_W1=[[…]]`) for the gradient line; a vector or matrix only partly
    /// trained gives its trained elements', `d_W[1]=…`.
    public func gradient(_ gradient: [Double]) -> String {
        let trained = elements.compactMap { $0 }
        if shape.isScalar { return "d_\(name)=" + NumberFormat.shortest(gradient[trained[0]]) }
        if trained.count < elements.count {
            return zip(trainedNames, trained).map { "d_\($0)=" + NumberFormat.shortest(gradient[$1]) }.joined(separator: " ")
        }
        return "d_\(name)=" + nested(trained.map { gradient[$0] })
    }

    private func nested(_ values: [Double]) -> String {
        let numbers = values.map(NumberFormat.shortest)
        if shape.rank == 1 { return "[" + numbers.joined(separator: ",") + "]" }
        return "[" + (0..<shape.rows).map { row in
            "[" + numbers[(row * shape.columns)..<((row + 1) * shape.columns)].joined(separator: ",") + "]"
        }.joined(separator: ",") + "]"
    }
}

extension Objective {
    /// The parameters grouped by the vector or matrix inputs they make up, in order.
    public var parameterGroups: [ParameterGroup] {
        let tensors = program.tensors
        let tape = program.tape
        var index: [String: Int] = [:]
        for (k, name) in parameterNames.enumerated() { index[name] = k }
        var groups: [ParameterGroup] = []
        var grouped = Set<Int>()
        for (k, name) in parameterNames.enumerated() where !grouped.contains(k) {
            if let bracket = name.firstIndex(of: "["), let id = tensors.input(named: String(name[..<bracket])) ?? tensors.scope[String(name[..<bracket])],
               tensors[id].op == .input {
                let slots = tensors.elements(of: id).map { Int(tape.first[Int($0)]) }
                let members = slots.map { index[tape.variableNames[$0]] }
                let trained = members.compactMap { $0 }
                grouped.formUnion(trained)
                groups.append(ParameterGroup(name: String(name[..<bracket]), elements: members, fixed: slots.map(value(ofSlot:)),
                                             shape: tensors[id].shape, trainedNames: trained.map { parameterNames[$0] }))
                continue
            }
            grouped.insert(k)
            groups.append(ParameterGroup(name: name, elements: [k], fixed: [0], shape: .scalar, trainedNames: [name]))
        }
        return groups
    }
}
