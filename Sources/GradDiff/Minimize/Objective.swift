/// The function `minimize` descends: a program's output as a function of the chosen
/// parameters. With a data table it is the mean of a per-example loss,
///
///     L(θ) = (1/|B|) Σ_{r ∈ B} loss(θ, row r),
///
/// over a mini-batch B of rows, and its gradient is the mean of the per-example
/// gradients. The tape is built once; every evaluation reuses the same buffers.
public struct Objective {
    public let program: Program
    public let output: NodeID
    public let parameterNames: [String]
    /// The parameters' values from the bindings and the program's defaults.
    let initialParameters: [Double]
    public let data: DataTable?
    private let parameterSlots: [Int]
    private let parameterNodes: [Int]
    /// The data columns that set a variable: each one's place in a row, and the slot.
    private let columnSlots: [(column: Int, slot: Int)]
    /// What an evaluation writes: every variable's value (the parameters', a row's
    /// columns'), and every node's value and gradient.
    private struct Scratch {
        var variables: [Double] = []
        var values: [Double] = []
        var gradients: [Double] = []
    }
    private var scratch = Scratch()
    /// Every variable's value before training and rows changed any.
    private let givenVariables: [Double]
    /// Which nodes read a variable (the tape's, computed once: it never changes).
    private let readers: [Bool]
    /// Which nodes send gradient to their inputs (`BackwardPass.senders`): found once.
    private let senders: [Bool]
    public private(set) var warnings: [LocatedDiagnostic] = []

    /// The value the variable in `slot` was given (training changes the parameters', and
    /// the rows the columns'; the summary prints the rest as given).
    func value(ofSlot slot: Int) -> Double { givenVariables[slot] }

    /// Rows in the data, or 1 without data.
    var rowCount: Int { data?.rowCount ?? 1 }

    /// Prepares `program` for minimising over `over` (nil: every variable that is not a
    /// data column). Every variable needs a value, from a binding, a default or a column.
    public init(program: Program, bindings: [Binding], data: DataTable? = nil, over: [String]? = nil,
                outputName: String? = nil) throws(UserError) {
        let evaluation: Evaluation
        if let data {
            let batch = try BatchEvaluator(program: program, bindings: bindings, header: data.header,
                                           headerSource: data.headerSource, delimiter: data.delimiter, outputName: outputName,
                                           unusedSteps: .notMinimized)
            evaluation = batch.evaluation
        } else {
            evaluation = try Evaluation.run(program, bindings: bindings, outputName: outputName, unusedSteps: .notMinimized)
        }
        let tape = program.tape
        let columns = data?.header ?? []
        let names = program.elementNames(over) ?? tape.variableNames.filter { !columns.contains($0) }
        var errors: [LocatedDiagnostic] = []
        for name in names where tape.variableSlot(named: name) == nil || columns.contains(name) {
            let suggestion = NameSuggestion.nearest(to: name, among: tape.variableNames.filter { !columns.contains($0) })
            let message: Message = columns.contains(name)
                ? .overNamesColumn(name, suggestion: suggestion) : .overNamesNoVariable(name, suggestion: suggestion)
            errors.append(LocatedDiagnostic(.error(message), in: nil))
        }
        if names.isEmpty {
            errors.append(LocatedDiagnostic(.error(.noParameters(columns: tape.variableNames.filter { columns.contains($0) })), in: nil))
        }
        // A vector or matrix names its elements: `W,W[1,2]` names W[1,2] twice.
        if let repeated = CommaList.repeatedName(names) {
            errors.append(LocatedDiagnostic(.error(.overNamesTwice(repeated)), in: nil))
        }
        if !errors.isEmpty { throw UserError(errors) }
        self.program = program
        output = evaluation.output
        parameterNames = names
        parameterSlots = names.compactMap { tape.variableSlot(named: $0) }
        parameterNodes = parameterSlots.map { Int(tape.variableNodes[$0]) }
        // By place: a column that sets nothing (`z` in x,z,y) must not shift the others.
        columnSlots = columns.enumerated().compactMap { column, name in tape.variableSlot(named: name).map { (column, $0) } }
        scratch.variables = evaluation.variableValues
        givenVariables = evaluation.variableValues
        initialParameters = parameterSlots.map { evaluation.variableValues[$0] }
        self.data = data
        warnings = (data?.warnings ?? []) + evaluation.warnings
        let unread = columns.indices.filter { tape.variableSlot(named: columns[$0]) == nil }
        if let data, let first = unread.first {
            let span = DelimitedText.span(ofField: first, in: data.headerSource, delimiter: data.delimiter)
            warnings.append(LocatedDiagnostic(Diagnostic(.note, Message.columnsUnread(unread.map { columns[$0] }).text, at: span),
                                              in: data.headerSource))
        }
        readers = evaluation.result.readsVariable
        senders = BackwardPass.senders(tape, output: output, readers: readers)
    }

    /// The mean loss over `rows` (every row when nil) at `parameters`; its gradient with
    /// respect to each parameter goes into `gradient` (resized to the parameters).
    public mutating func evaluate(at parameters: [Double], rows: ArraySlice<Int>? = nil,
                                  gradient: inout [Double]) -> Double {
        // The buffers are taken out of `self` for the call, so the rest of it is only
        // read: a read borrows the tape and the data, where a mutating method copied
        // them, retaining each of their arrays, which on a small tape cost more than the
        // passes (xor's 40,000 steps took 39.1 ms instead of 27.3).
        var scratch = Scratch()
        swap(&scratch, &self.scratch)
        defer { swap(&scratch, &self.scratch) }
        return evaluate(at: parameters, rows: rows, gradient: &gradient, into: &scratch)
    }

    private func evaluate(at parameters: [Double], rows: ArraySlice<Int>?, gradient: inout [Double],
                          into scratch: inout Scratch) -> Double {
        if gradient.count != parameters.count { gradient = Array(repeating: 0, count: parameters.count) }
        for k in gradient.indices { gradient[k] = 0 }
        for (k, slot) in parameterSlots.enumerated() { scratch.variables[slot] = parameters[k] }
        guard let data else {
            return accumulate(into: &gradient, scratch: &scratch)
        }
        var loss = 0.0
        var count = 0
        let width = data.header.count
        func addRow(_ row: Int) {
            for (column, slot) in columnSlots { scratch.variables[slot] = data.values[row * width + column] }
            loss += accumulate(into: &gradient, scratch: &scratch)
            count += 1
        }
        if let rows {
            for row in rows { addRow(row) }
        } else {
            for row in 0..<data.rowCount { addRow(row) }
        }
        let scale = 1 / Double(max(count, 1))
        for k in gradient.indices { gradient[k] *= scale }
        return loss * scale
    }

    /// One forward and one backward pass at the scratch's variables; adds the parameters'
    /// gradients, and returns the output's value.
    private func accumulate(into gradient: inout [Double], scratch: inout Scratch) -> Double {
        ForwardPass.run(program.tape, variables: scratch.variables, into: &scratch.values)
        BackwardPass.run(program.tape, values: scratch.values, output: output, into: &scratch.gradients,
                         senders: senders, readers: readers)
        for (k, node) in parameterNodes.enumerated() { gradient[k] += scratch.gradients[node] }
        return scratch.values[Int(output)]
    }
}
