import GradDiff

/// Forward mode and the Jacobian of several outputs: what `--tangent`, `--mode`,
/// `--jacobian` and `--explain=forward-mode` print.
extension Runner {
    /// The direction forward mode runs along, when the table or the narration needs one.
    func forwardDirection(_ evaluation: Evaluation) throws(UserError) -> [Double]? {
        guard command.printsTangents || command.explain == .forwardMode else { return nil }
        return try evaluation.program.direction(command.tangent ?? "")
    }

    /// Forward mode's direction left out (no --tangent) where the program has several
    /// variables: a missing option, so a usage error, though only the program shows it.
    func missingTangent(_ evaluation: Evaluation) -> UserError? {
        guard command.printsTangents || command.explain == .forwardMode else { return nil }
        return evaluation.program.missingDirection(command.tangent ?? "")
    }

    /// The Jacobian table or JSON, or nil without --jacobian.
    func renderJacobian(_ evaluation: Evaluation, _ options: OutputOptions) throws(UserError) -> String? {
        // A vector or matrix output's Jacobian (one backward pass per element) is
        // `renderDerivatives`'; this one is of the steps --output names.
        guard command.jacobian, evaluation.program.tensorOutput(named: command.evaluatedOutputName) == nil else { return nil }
        let outputs = try command.program.output.map { list throws(UserError) in try evaluation.program.outputNodes(named: list) }
            ?? [evaluation.output]
        let slots = evaluation.result.reportedVariables(options).map(\.slot)
        let jacobian = OutputJacobian(evaluation.tape, values: evaluation.values, outputs: outputs, slots: slots,
                                      mode: command.mode, kinks: command.kinkConvention)
        // Rows are labelled as the node table labels the steps (c#2 for c's latest version).
        let names = command.program.output.map { CommaList.names($0).map(evaluation.program.outputLabel) }
        return command.format == .json
            ? TangentReport.jacobianJSON(jacobian, evaluation.tape, names: names)
            : TangentReport.jacobianTable(jacobian, evaluation.tape, names: names, chosen: command.mode != nil,
                                          digits: options.precision)
    }

    /// The node table with tangents (or, with -q, the output's tangent alone).
    func renderTangents(_ evaluation: Evaluation, _ options: OutputOptions, direction: [Double]) -> String {
        let tangents = TangentPass.run(evaluation.tape, values: evaluation.values, direction: direction, kinks: command.kinkConvention)
        if command.quiet { return options.scriptNumber(tangents[Int(evaluation.output)]) + "\n" }
        if command.format == .json { return TangentReport.json(evaluation.result, tangents: tangents, direction: direction,
                                                                     nodes: command.nodes) }
        return TangentReport.table(evaluation.result, tangents: tangents, options)
    }
}
