/// Batch mode's rows: read the numbers a row binds, run both passes, write the row.
extension BatchEvaluator {
    /// The output header: the input columns, `value`, then `d_NAME` for each reported
    /// variable; nil for the layouts without one (numbers, JSON Lines).
    public func outputHeader(inputHeader: [String]) -> String? {
        guard layout == .table else { return nil }
        var header = (inputHeader.map { DelimitedText.quoted(Substring($0), delimiter: delimiter) } + ["value"])
            .joined(separator: String(delimiter))
        for variable in reported {
            header.append(delimiter)
            // A matrix element's column, d_W[1,2], is quoted in CSV.
            header += variable.name.contains(delimiter) ? "\"d_\(variable.name)\"" : "d_" + variable.name
        }
        return header
    }

    /// Evaluates one row's fields and appends the output row (with a newline) to
    /// `output`; returns the row's warnings (a number out of a double's range).
    @discardableResult
    public mutating func evaluate(fields: [Substring], into output: inout String) throws(DelimitedText.RowError)
        -> [DelimitedText.RowWarning] {
        let columnSlots = self.columnSlots
        let warnings = try DelimitedText.readNumbers(fields, columns: columnSlots.count, reading: { columnSlots[$0] != nil }) { column, value in
            variables[columnSlots[column]!] = value
            columnValues[column] = value
        }
        let tape = evaluation.tape
        ForwardPass.run(tape, variables: variables, into: &values)
        BackwardPass.run(tape, values: values, output: evaluation.output, into: &gradients, senders: senders,
                         readers: evaluation.result.readsVariable, kinks: evaluation.kinkConvention)
        let value = values[Int(evaluation.output)]
        switch layout {
        case .table:
            // A carried field's text, quoted again where CSV needs it (`"a,b"`).
            for field in fields {
                output += DelimitedText.quoted(field, delimiter: delimiter)
                output.append(delimiter)
            }
            output += NumberFormat.shortest(value)
            for variable in reported {
                output.append(delimiter)
                output += NumberFormat.shortest(gradients[variable.node])
            }
        case .numbers:
            // For scripts, as -q prints: plain decimal that reads back exactly.
            if isSelecting {
                output += reported.map { NumberFormat.plain(gradients[$0.node]) }.joined(separator: String(delimiter))
            } else {
                output += NumberFormat.plain(value)
            }
        case .jsonLines:
            output += "{\"columns\": {"
            for (column, field) in fields.enumerated() {
                if column > 0 { output += ", " }
                output += JSONFormatter.string(columnNames[column]) + ": "
                output += columnSlots[column] != nil ? JSONFormatter.number(columnValues[column]) : JSONFormatter.string(String(field))
            }
            output += "}, \"value\": " + JSONFormatter.number(value) + ", \"gradient\": {"
            output += reported.map { JSONFormatter.string($0.name) + ": " + JSONFormatter.number(gradients[$0.node]) }
                .joined(separator: ", ")
            output += "}}"
        }
        output += "\n"
        return warnings
    }
}
