/// What the user asked to see.
public struct OutputOptions: Sendable {
    /// Significant digits in tables (JSON always uses round-trip precision): 10 unless
    /// the user chose a precision (`--precision`, `:precision`).
    public var precision = 10 {
        didSet { precisionIsChosen = true }
    }
    /// Whether the user chose the precision: then the numbers printed for scripts
    /// (`-q`, `--wrt` lines) are rounded to it too, else they read back exactly.
    public private(set) var precisionIsChosen = false
    /// Variables whose gradients to print; nil means every variable.
    public var wrt: [String]?
    public var useColor = false
    /// Show a program's vectors and matrices element by element (`--elements`): one
    /// row per tape node, as for a scalar program.
    public var elements = false
    /// Which nodes JSON lists (`--nodes`).
    public var nodes = NodeSelection.all

    /// `precision` nil: the default, 10 digits in tables and exact numbers for scripts.
    public init(precision: Int? = nil, wrt: [String]? = nil, useColor: Bool = false, elements: Bool = false) {
        if let precision {
            self.precision = precision
            precisionIsChosen = true  // observers do not run in an initialiser
        }
        self.wrt = wrt
        self.useColor = useColor
        self.elements = elements
    }

    /// A number printed for a script to read (`-q`, the `name gradient` lines of
    /// `--wrt`): plain decimal, which bc, awk and printf all read
    /// (`NumberFormat.plain`), with the shortest digits that read back as exactly
    /// `value`, or rounded to the precision the user chose.
    public func scriptNumber(_ value: Double) -> String {
        NumberFormat.plain(value, significantDigits: precisionIsChosen ? precision : nil)
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

    /// Whether `--wrt` (`:wrt`) changes what this format prints: the table's `name
    /// gradient` lines, JSON's `gradient` object, DOT's paths. CSV, TSV and Markdown
    /// carry every node, so the option is refused with them rather than ignored.
    public var honoursWrt: Bool { ![.csv, .tsv, .markdown].contains(self) }

    /// Whether programs read this format (JSON Lines, CSV, TSV, DOT), so that a session
    /// in it writes nothing else to standard output: text for the person (`:help`, a
    /// setting asked for, a confirmation) goes to standard error.
    public var isForPrograms: Bool { [.json, .csv, .tsv, .dot].contains(self) }
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
