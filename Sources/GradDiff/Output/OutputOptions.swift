/// What the user asked to see.
public struct OutputOptions: Sendable {
    /// Significant digits in tables (JSON always uses round-trip precision).
    public var precision = 10
    /// Variables whose gradients to print; nil means every variable.
    public var wrt: [String]?
    public var useColor = false
    /// Show a program's vectors and matrices element by element (`--elements`): one
    /// row per tape node, as for a scalar program.
    public var elements = false
    /// Which nodes JSON lists (`--nodes`).
    public var nodes = NodeSelection.all

    public init(precision: Int = 10, wrt: [String]? = nil, useColor: Bool = false, elements: Bool = false) {
        self.precision = precision
        self.wrt = wrt
        self.useColor = useColor
        self.elements = elements
    }
}

/// Which nodes the JSON output lists (`--nodes`): every node, only the inputs (the
/// variables), or none, for a script that reads only the value and the gradient.
public enum NodeSelection: String, CaseIterable, Sendable {
    case all, inputs, none
}

/// The output formats of the node table, and `dot`: the graph for Graphviz.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, tsv, markdown, dot
}

extension PassResult {
    /// The variables to report, as (name, slot), in order of first appearance or of `wrt`.
    public func reportedVariables(_ options: OutputOptions) -> [(name: String, slot: Int)] {
        if let wrt = options.wrt {
            return wrt.flatMap { name -> [(name: String, slot: Int)] in
                if let slot = tape.variableSlot(named: name) { return [(name, slot)] }
                // A vector or matrix input stands for its elements.
                guard let id = tensors.input(named: name) else { return [] }
                return tensors.elements(of: id).map { element in
                    let slot = Int(tape.first[Int(element)])
                    return (tape.variableNames[slot], slot)
                }
            }
        }
        return tape.variableNames.enumerated().map { ($0.element, $0.offset) }
    }
}
