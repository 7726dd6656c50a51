/// What the user asked to see.
public struct OutputOptions: Sendable {
    /// Significant digits in tables (JSON always uses round-trip precision).
    public var precision = 10
    /// Variables whose gradients to print; nil means every variable.
    public var wrt: [String]?
    public var useColor = false
    /// Which nodes JSON lists (`--nodes`).
    public var nodes = NodeSelection.all

    public init(precision: Int = 10, wrt: [String]? = nil, useColor: Bool = false) {
        self.precision = precision
        self.wrt = wrt
        self.useColor = useColor
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
            return wrt.compactMap { name in tape.variableSlot(named: name).map { (name, $0) } }
        }
        return tape.variableNames.enumerated().map { ($0.element, $0.offset) }
    }
}
