/// Batch mode's engine: one graph, many points. The header of a CSV/TSV table names
/// columns; a column named like a variable binds it in each row, any other column is
/// carried to the output untouched (an id, a label). Each output row holds the input
/// row, the value and the gradients (`x,y,value,d_x,d_y`), or, as asked, only the
/// numbers (`--quiet`) or one JSON object (`--format json`, JSON Lines). Only values
/// change between rows: the tape and every buffer are reused.
public struct BatchEvaluator {
    /// How each row is written.
    public enum Layout: Sendable {
        /// The input fields, the value and the gradients, with the table's delimiter.
        case table
        /// Only the value, or with `--wrt` only the gradients, with the table's delimiter.
        case numbers
        /// `{"columns": {...}, "value": V, "gradient": {...}}`, one line per row.
        case jsonLines
    }

    public let evaluation: Evaluation
    /// For each input column: the variable slot it binds, or nil for a column carried through.
    let columnSlots: [Int?]
    let columnNames: [String]
    /// The variables whose gradients are written, as (name, node), in order.
    let reported: [(name: String, node: Int)]
    let layout: Layout
    /// Whether `--wrt` chose the gradients (the numbers layout then writes those, not the value).
    let isSelecting: Bool
    var variables: [Double]
    var values: [Double] = []
    var gradients: [Double] = []
    /// Which nodes send gradient (`BackwardPass.senders`): the same for every row.
    let senders: [Bool]
    var columnValues: [Double]
    public let delimiter: Character
    /// Warnings about the program and bindings, and the note naming the columns carried through.
    public private(set) var warnings: [LocatedDiagnostic] = []

    /// Prepares the batch for `program` with the columns `header`. Bindings from the
    /// command line hold for every row; a name both bound and a column is an error, as
    /// is a column named like a step. `wrt` chooses the gradients written; `unusedSteps`
    /// is as `Evaluation.run`'s.
    public init(program: Program, bindings: [Binding], header: [String], headerSource: SourceText,
                delimiter: Character, outputName: String?, kinks: KinkConvention = .zero,
                wrt: [String]? = nil, layout: Layout = .table, unusedSteps: Message.UnusedStepFate? = nil) throws(UserError) {
        let tape = program.tape
        try Self.checkHeader(header, source: headerSource, delimiter: delimiter, program: program, bindings: bindings)
        // Only a name can bind a variable: any other column (`my id`, `d_W[1,2]`) is carried.
        let slots = header.map { Binding.isIdentifier($0) ? tape.variableSlot(named: $0) : nil }
        let carried = header.indices.filter { slots[$0] == nil }
        try Self.checkMisspelledColumns(carried.map { header[$0] }, program: program, bindings: bindings, header: header,
                                        source: headerSource, delimiter: delimiter)
        // Columns bind the variables they name, with value 0 for the check.
        let columnBindings = header.indices.filter { slots[$0] != nil }.map {
            Binding(name: header[$0], value: 0, source: headerSource, nameSpan: SourceSpan(start: 0, end: 0))
        }
        evaluation = try Evaluation.run(program, bindings: bindings + columnBindings, outputName: outputName, kinks: kinks,
                                        unusedSteps: unusedSteps)
        try program.validate(wrt: wrt)
        columnSlots = slots
        columnNames = header
        // A vector's or matrix's name stands for its elements (W for W[1,1], W[1,2], ...).
        let names = program.elementNames(wrt) ?? tape.variableNames
        reported = names.map { name in (name, Int(tape.variableNodes[tape.variableSlot(named: name)!])) }
        self.layout = layout
        isSelecting = wrt != nil
        variables = evaluation.variableValues
        senders = BackwardPass.senders(evaluation.tape, output: evaluation.output, readers: evaluation.result.readsVariable)
        columnValues = Array(repeating: 0, count: header.count)
        self.delimiter = delimiter
        // A kink or a nan found at the zeros of the check is no row's: rows are not warned about.
        warnings = evaluation.warnings.filter { warning in !evaluation.kinkWarnings.contains { $0.diagnostic == warning.diagnostic } }
        if !carried.isEmpty && layout != .numbers {
            let span = DelimitedText.span(ofField: carried[0], in: headerSource, delimiter: delimiter)
            warnings.append(LocatedDiagnostic(Diagnostic(.note, Message.columnsCarried(carried.map { header[$0] }).text, at: span),
                                              in: headerSource))
            // A table graddiff wrote, read again: its `value` would stand twice in the header
            // (JSON Lines keeps carried columns apart, under "columns").
            let written = Set(["value"] + reported.map { "d_" + $0.name })
            let repeated = carried.filter { written.contains(header[$0]) }
            if layout == .table, let first = repeated.first {
                let span = DelimitedText.span(ofField: first, in: headerSource, delimiter: delimiter)
                let message = Message.columnsNamedLikeOutput(repeated.map { header[$0] }, columns: repeated.map { $0 + 1 })
                warnings.append(LocatedDiagnostic(.warning(message, at: span), in: headerSource))
            }
        }
    }

    /// Repeated and bound column names, and columns named like steps (a column whose name
    /// is not a name binds nothing: it is carried, whatever it is called).
    private static func checkHeader(_ header: [String], source: SourceText, delimiter: Character, program: Program,
                                    bindings: [Binding]) throws(UserError) {
        var errors: [LocatedDiagnostic] = []
        var seen = Set<String>()
        var unreported = 0
        for (index, name) in header.enumerated() {
            let isRepeated = !seen.insert(name).inserted
            let binding = bindings.first { $0.name == name }
            let isStep = program.names[name] != nil && program.tape.variableSlot(named: name) == nil
            guard Binding.isIdentifier(name), isRepeated || binding != nil || isStep else { continue }
            // A generated header can be wrong 10^5 times: a few errors say it, one line
            // counts the rest (and only a reported column's place is looked up).
            guard errors.count < NameList.shownNames else {
                unreported += 1
                continue
            }
            let span = DelimitedText.span(ofField: index, in: source, delimiter: delimiter)
            if isRepeated {
                errors.append(LocatedDiagnostic(.error(.columnRepeated(name), at: span), in: source))
            } else if let binding {
                errors.append(LocatedDiagnostic(.error(.columnAlsoBound(name), at: binding.nameSpan), in: binding.source))
            } else {
                let suggestion = NameSuggestion.nearest(to: name, among: program.tape.variableNames)
                errors.append(LocatedDiagnostic(.error(.columnNamesStep(name, suggestion: suggestion), at: span), in: source))
            }
        }
        if unreported > 0 {
            errors.append(LocatedDiagnostic(.error(.moreColumnProblems(unreported)), in: nil))
        }
        if !errors.isEmpty { throw UserError(errors) }
    }

    /// A carried column that is a near miss of a variable with no value (`yy` for `y`)
    /// was most likely meant to bind it: an error at the column, rather than the
    /// variable's missing value. A variable with a value is never suggested. Past a
    /// million comparisons (a generated table of 10^5 columns) the search is skipped,
    /// and the missing values are reported as such.
    private static func checkMisspelledColumns(_ carried: [String], program: Program, bindings: [Binding], header: [String],
                                               source: SourceText, delimiter: Character) throws(UserError) {
        let tape = program.tape
        // A vector or matrix bound on the command line (`W=[[1,2],[3,4]]`) gives its elements values.
        let bound = Set(header).union(program.elementNames(bindings.map(\.name)) ?? [])
        let unbound = tape.variableNames.indices.filter { slot in
            program.defaults[slot] == nil && !bound.contains(tape.variableNames[slot])
        }.map { tape.variableNames[$0] }
        guard !unbound.isEmpty, carried.count * unbound.count <= 1_000_000 else { return }
        for name in carried {
            guard let variable = NameSuggestion.nearest(to: name, among: unbound), let index = header.firstIndex(of: name) else {
                continue
            }
            let span = DelimitedText.span(ofField: index, in: source, delimiter: delimiter)
            throw UserError(.error(.columnMisspellsVariable(name, variable: variable), at: span), in: source)
        }
    }
}
