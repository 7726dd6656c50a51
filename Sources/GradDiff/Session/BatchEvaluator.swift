/// Batch mode's engine: one graph, many points. The header of a CSV/TSV table names
/// variables; each row binds them, and the output row carries the inputs, the value
/// and every gradient (`x,y,value,d_x,d_y`). Only values change between rows: the tape
/// and every buffer are reused.
public struct BatchEvaluator {
    public let evaluation: Evaluation
    /// For each input column: the variable slot it binds, or nil for a column the
    /// program does not read (it is copied to the output and otherwise ignored).
    private let columnSlots: [Int?]
    private var variables: [Double]
    private var values: [Double] = []
    private var gradients: [Double] = []
    public let columnCount: Int
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
            let span = BatchEvaluator.span(ofField: index, in: headerSource, delimiter: delimiter)
            if !Binding.isIdentifier(name) {
                errors.append(LocatedDiagnostic(.error("the column name '\(name)' is not a valid variable name", at: span,
                                                       help: "the header row names the variables, such as x,y"), in: headerSource))
            } else if isRepeated {
                errors.append(LocatedDiagnostic(.error("the column '\(name)' appears twice in the header", at: span), in: headerSource))
            } else if let binding = bindings.first(where: { $0.name == name }) {
                errors.append(LocatedDiagnostic(.error("'\(name)' is both a column and bound on the command line", at: binding.nameSpan,
                                                       help: "remove the binding or the column"), in: binding.source))
            } else {
                let isStep = program.names[name] != nil
                errors.append(LocatedDiagnostic(.error(isStep ? "the column '\(name)' names a step the program computes, not an input"
                                                              : "the column '\(name)' is not a variable of the expression", at: span,
                                                       help: NameSuggestion.nearest(to: name, among: program.tape.variableNames).map { "did you mean '\($0)'?" }
                                                           ?? "remove the column, or use the variable in the expression"), in: headerSource))
            }
        }
        if unreported > 0 {
            errors.append(LocatedDiagnostic(.error("\(unreported) more column\(unreported == 1 ? " has" : "s have") such problems"), in: nil))
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

    public struct RowError: Error {
        public var message: String
        public var help: String?
    }

    /// Evaluates one row's fields and appends the output row (with a newline) to `output`.
    public mutating func evaluate(fields: [Substring], into output: inout String) throws(RowError) {
        guard fields.count == columnCount else {
            throw RowError(message: "this row has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(columnCount)",
                           help: "every row needs one value per column")
        }
        for (index, field) in fields.enumerated() {
            guard let value = BatchEvaluator.number(field) else {
                throw RowError(message: "'\(field)' in column \(index + 1) is not a number",
                               help: "write numbers such as 1.5, -2e-3, nan or inf")
            }
            if let slot = columnSlots[index] { variables[slot] = value }
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

    /// Splits a line on the delimiter, trimming blanks and one level of double quotes.
    public static func fields(of line: Substring, delimiter: Character) -> [Substring] {
        line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
            var trimmed = field
            while let first = trimmed.first, first == " " || first == "\r" { trimmed.removeFirst() }
            while let last = trimmed.last, last == " " || last == "\r" { trimmed.removeLast() }
            if trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" {
                trimmed = trimmed.dropFirst().dropLast()
            }
            return trimmed
        }
    }

    /// A field as a number: decimal notation, or nan, inf, -inf (any case).
    static func number(_ field: Substring) -> Double? {
        switch field.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default:
            guard let first = field.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(field)
        }
    }

    static func span(ofField index: Int, in source: SourceText, delimiter: Character) -> SourceSpan {
        let delimiterByte = UInt8(ascii: delimiter.unicodeScalars.first!)
        var start = 0
        var field = 0
        for (offset, byte) in source.bytes.enumerated() where byte == delimiterByte {
            if field == index { return SourceSpan(start: start, end: offset) }
            field += 1
            start = offset + 1
        }
        var end = source.bytes.count
        while end > start, source.bytes[end - 1] == 10 || source.bytes[end - 1] == 13 { end -= 1 }
        return SourceSpan(start: start, end: end)
    }
}
