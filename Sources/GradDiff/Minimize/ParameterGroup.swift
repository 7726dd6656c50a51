/// The parameters of a run as the program names them: a vector or matrix input whose
/// every element is a parameter is one group (`W1`, shaped), any other parameter its
/// own. The summary prints each group as a binding ready to paste back
/// (`'W1=[[0.1,0.2],[0.3,0.4]]'`, quoted for the shell's sake, or `c=0.05`).
public struct ParameterGroup: Sendable {
    public let name: String
    /// The group's parameters, by their index in the run's parameter list, row-major.
    public let indices: [Int]
    let shape: TensorShape

    /// `name=value`, or for a vector or matrix `'name=[[a,b],[c,d]]'`.
    public func binding(_ parameters: [Double]) -> String {
        shape.isScalar ? "\(name)=\(NumberFormat.shortest(parameters[indices[0]]))"
            : "'\(name)=\(nested(parameters, separator: ","))'"
    }

    /// `d_name=value` (`d_W1=[[…]]`) for the gradient line.
    public func gradient(_ gradient: [Double]) -> String {
        "d_\(name)=" + (shape.isScalar ? NumberFormat.shortest(gradient[indices[0]]) : nested(gradient, separator: ","))
    }

    private func nested(_ values: [Double], separator: String) -> String {
        let numbers = indices.map { NumberFormat.shortest(values[$0]) }
        if shape.rank == 1 { return "[" + numbers.joined(separator: separator) + "]" }
        return "[" + (0..<shape.rows).map { row in
            "[" + numbers[(row * shape.columns)..<((row + 1) * shape.columns)].joined(separator: separator) + "]"
        }.joined(separator: separator) + "]"
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
                let members = tensors.elements(of: id).map { index[tape.variableNames[Int(tape.first[Int($0)])]] }
                if members.allSatisfy({ $0 != nil }) {
                    let indices = members.map { $0! }
                    grouped.formUnion(indices)
                    groups.append(ParameterGroup(name: String(name[..<bracket]), indices: indices, shape: tensors[id].shape))
                    continue
                }
            }
            grouped.insert(k)
            groups.append(ParameterGroup(name: name, indices: [k], shape: .scalar))
        }
        return groups
    }
}
