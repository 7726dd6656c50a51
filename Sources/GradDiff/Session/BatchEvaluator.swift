/// Batch mode's engine: one graph, many points. The header of a CSV/TSV table names
/// variables; each row binds them, and the output row carries the inputs, the value
/// and every gradient (`x,y,value,d_x,d_y`). Only values change between rows: the tape
/// and every buffer are reused.
public struct BatchEvaluator {
    public let evaluation: Evaluation
    /// For each input column: the variable slot it binds, or nil for a column the
    /// program does not read (it is copied to the output and otherwise ignored).
    let columnSlots: [Int?]
    var variables: [Double]
    var values: [Double] = []
    var gradients: [Double] = []
    let columnCount: Int
    public let delimiter: Character
    public private(set) var warnings: [LocatedDiagnostic] = []

    /// Prepares the batch for `program` with the columns `header`. Bindings from the
    /// command line hold for every row; a name both bound and a column is an error.
    public init(program: Program, bindings: [Binding], header: [String], headerSource: SourceText,
                delimiter: Character, outputName: String?, kinks: KinkConvention = .zero) throws(UserError) {
        var errors: [LocatedDiagnostic] = []
        var seen = Set<String>()
        var unreported = 0
        for (index, name) in header.enumerated() {
            let isRepeated = !seen.insert(name).inserted
            let isValid = Binding.isIdentifier(name) && !isRepeated && !bindings.contains { $0.name == name }
                && program.tape.variableSlot(named: name) != nil
            guard !isValid else { continue }
            // A generated header can be wrong 10^5 times: a few errors say it, one line
            // counts the rest (and only a reported column's place is looked up).
            guard errors.count < NameList.shownNames else {
                unreported += 1
                continue
            }
            let span = DelimitedText.span(ofField: index, in: headerSource, delimiter: delimiter)
            if !Binding.isIdentifier(name) {
                errors.append(LocatedDiagnostic(.error(.columnNameInvalid(name), at: span), in: headerSource))
            } else if isRepeated {
                errors.append(LocatedDiagnostic(.error(.columnRepeated(name), at: span), in: headerSource))
            } else if let binding = bindings.first(where: { $0.name == name }) {
                errors.append(LocatedDiagnostic(.error(.columnAlsoBound(name), at: binding.nameSpan), in: binding.source))
            } else {
                let suggestion = NameSuggestion.nearest(to: name, among: program.tape.variableNames)
                let message: Message = program.names[name] != nil
                    ? .columnNamesStep(name, suggestion: suggestion) : .columnNotAVariable(name, suggestion: suggestion)
                errors.append(LocatedDiagnostic(.error(message, at: span), in: headerSource))
            }
        }
        if unreported > 0 {
            errors.append(LocatedDiagnostic(.error(.moreColumnProblems(unreported)), in: nil))
        }
        if !errors.isEmpty { throw UserError(errors) }
        // Columns act as bindings of every variable they name, with value 0 for the check.
        let columnBindings = header.map { Binding(name: $0, value: 0, source: headerSource, nameSpan: SourceSpan(start: 0, end: 0)) }
        evaluation = try Evaluation.run(program, bindings: bindings + columnBindings, outputName: outputName, kinks: kinks)
        columnSlots = header.map { program.tape.variableSlot(named: $0) }
        variables = evaluation.variableValues
        columnCount = header.count
        self.delimiter = delimiter
        warnings = evaluation.warnings
    }

    /// The output header: the input columns, `value`, then `d_NAME` for every variable.
    public func outputHeader(inputHeader: [String]) -> String {
        let names = inputHeader + ["value"] + evaluation.tape.variableNames.map { "d_\($0)" }
        return names.joined(separator: String(delimiter))
    }

    /// Evaluates one row's fields and appends the output row (with a newline) to `output`.
    public mutating func evaluate(fields: [Substring], into output: inout String) throws(DelimitedText.RowError) {
        let columnSlots = self.columnSlots
        try DelimitedText.readNumbers(fields, columns: columnCount) { column, value in
            if let slot = columnSlots[column] { variables[slot] = value }
        }
        let tape = evaluation.tape
        ForwardPass.run(tape, variables: variables, into: &values)
        BackwardPass.run(tape, values: values, output: evaluation.output, into: &gradients, kinks: evaluation.kinkConvention)
        let separator = delimiter
        for field in fields {
            output += field
            output.append(separator)
        }
        output += NumberFormat.shortest(values[Int(evaluation.output)])
        for node in tape.variableNodes {
            output.append(separator)
            output += NumberFormat.shortest(gradients[Int(node)])
        }
        output += "\n"
    }
}
