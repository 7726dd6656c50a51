import GradDiff

/// `--hessian`, `--order N` and `--check`: what they print, and the exit status.
extension Runner {
    struct DerivativeOutput {
        var output: String
        var status: ExitStatus = .success
        var error: Diagnostic?
        /// Said on stderr after the output, before any error (`--check`'s "cannot check").
        var notes: [LocatedDiagnostic] = []
    }

    /// nil when none of the three options was given.
    func renderDerivatives(_ evaluation: Evaluation, _ options: OutputOptions) -> DerivativeOutput? {
        let names = evaluation.tape.variableNames
        let json = command.format == .json
        if command.hessian {
            // With --wrt, the rows and columns of those variables only.
            let slots = evaluation.result.reportedVariables(options).map(\.slot)
            // slots² numbers: 20,000 variables would need 3 GB before printing a line.
            guard slots.count <= command.program.maxNodes / max(1, slots.count) else {
                return DerivativeOutput(output: "", status: .dataError, error: .error(
                    "the Hessian of \(slots.count) variables has \(slots.count * slots.count) entries, more than the limit of \(command.program.maxNodes)",
                    help: "name the variables you need with --wrt, or raise the limit with --max-nodes N"))
            }
            let hessian: [[Double]]
            do throws(UserError) {
                hessian = try Hessian.compute(evaluation.result, slots: slots, nodeLimit: command.program.maxNodes)
            } catch {
                return Self.failure(error)
            }
            let names = slots.map { names[$0] }
            return DerivativeOutput(output: json ? DerivativeReport.hessianJSON(names, hessian)
                                                 : DerivativeReport.hessianTable(names, hessian, digits: options.precision))
        }
        if let order = command.order {
            let candidates = options.wrt ?? names
            guard candidates.count == 1, let slot = evaluation.tape.variableSlot(named: candidates[0]) else {
                return DerivativeOutput(output: "", status: .dataError, error: .error(
                    "--order needs one variable, and the expression has \(names.count) (\(NameList.plain(names)))",
                    help: "name one with --wrt, such as --wrt \(names.first ?? "x")"))
            }
            let value: Double
            do throws(UserError) {
                value = try Hessian.derivative(evaluation.result, slot: slot, order: order, nodeLimit: command.program.maxNodes)
            } catch {
                return Self.failure(error)
            }
            let name = candidates[0]
            if command.quiet { return DerivativeOutput(output: options.scriptNumber(value) + "\n") }
            return DerivativeOutput(output: json ? DerivativeReport.orderJSON(name, order: order, value: value)
                                                 : DerivativeReport.orderText(name, order: order, value: value, digits: options.precision))
        }
        if command.jacobian {
            let slots = evaluation.result.reportedVariables(options).map(\.slot)
            let outputs = Jacobian.outputCount(evaluation, outputName: command.evaluatedOutputName)
            guard outputs <= command.program.maxNodes / max(1, slots.count) else {
                return DerivativeOutput(output: "", status: .dataError, error: .error(
                    "the Jacobian of \(outputs) outputs and \(slots.count) inputs has more entries than the limit of \(command.program.maxNodes)",
                    help: "name the inputs you need with --wrt, or raise the limit with --max-nodes N"))
            }
            let jacobian = Jacobian(evaluation, slots: slots, outputName: command.evaluatedOutputName, mode: command.mode)
            return DerivativeOutput(output: json ? jacobian.json() : jacobian.table(digits: options.precision))
        }
        if command.check {
            let tolerance = command.tol ?? GradientCheck.defaultTolerance
            // With --wrt, those variables only, as --hessian takes them.
            let slots = options.wrt == nil ? nil : evaluation.result.reportedVariables(options).map(\.slot)
            let check = GradientCheck(evaluation.result, slots: slots, tolerance: tolerance)
            let output = json ? DerivativeReport.checkJSON(check, tolerance: tolerance)
                              : DerivativeReport.checkTable(check, digits: options.precision)
            let (notes, failure) = DerivativeReport.checkDiagnostics(check, tolerance: tolerance)
            return DerivativeOutput(output: output, status: failure == nil ? .success : .checkFailed, error: failure,
                                    notes: notes)
        }
        return nil
    }

    /// A symbolic pass that stopped at the node limit: its message, status 65.
    private static func failure(_ error: UserError) -> DerivativeOutput {
        DerivativeOutput(output: "", status: .dataError, error: error.diagnostics.first?.diagnostic)
    }
}
