import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one differentiation as the command line asked: read, parse, evaluate, print.
/// Diagnostics go to stderr, results to stdout, and the outcome is an exit status.
struct Runner {
    let command: CommandOptions

    func run() -> ExitStatus {
        let renderer = DiagnosticRenderer(useColor: command.program.color.enabled(for: STDERR_FILENO))
        func report(_ diagnostics: [LocatedDiagnostic]) {
            // Nothing to say is the common case, and `joined()` costs a first run a
            // dynamic cast (a protocol-conformance lookup) even on an empty array.
            guard !diagnostics.isEmpty else { return }
            StandardStreams.writeError(diagnostics.map(renderer.render).joined())
        }

        // A picture --render cannot write is refused before the work, not after it.
        if let path = command.render {
            do throws(AtomicFile.Failure) {
                try AtomicFile.checkTarget(path, replacing: true)
            } catch {
                report([LocatedDiagnostic(.error(error.message), in: nil)])
                return .ioError
            }
        }
        var bindingArguments = command.program.arguments
        let source: SourceText
        let tables: [String: SourceText]
        do {
            source = try CommandInput.source(file: command.program.file, arguments: &bindingArguments)
            tables = try CommandInput.tables(bindingArguments)
        } catch {
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message, help: error.help), in: nil)))
            return error.status
        }

        // Only an argument with '=' can be a binding: a failed parse costs start-up an error.
        if command.program.file == nil, let argument = command.program.arguments.first, argument.utf8.contains(UInt8(ascii: "=")),
           let name = (try? Binding.parse(argument))?.name ?? CommandInput.tableBinding(argument)?.0 {
            report([LocatedDiagnostic(.warning(.expressionIsABinding(argument, word: CommandLineHints.quoted(argument), name: name)), in: nil)])
        }
        let parsed = CommandInput.bindings(bindingArguments, tables: tables)
        let (bindings, errors) = (parsed.bindings, parsed.errors)
        let evaluation: Evaluation
        do throws(UserError) {
            let program = try ProgramParser.parse(source, nodeLimit: command.program.maxNodes, bindings: bindings, seed: command.seed)
            if !errors.isEmpty { throw UserError(errors) }
            if let path = command.batch {
                return BatchRunner(command: command, program: program, bindings: bindings, renderer: renderer).run(path: path)
            }
            // Several --output names are checked together first (a vector among them is
            // refused): the evaluation reads only the last, and takes a vector there as
            // the output of its own Jacobian.
            var jacobianRows: [NodeID] = []
            if command.jacobian, let list = command.program.output, CommaList.names(list).count > 1 {
                jacobianRows = try program.outputNodes(named: list)
            }
            evaluation = try Evaluation.run(program, bindings: bindings, outputName: command.evaluatedOutputName,
                                            kinks: command.kinkConvention, forJacobian: command.jacobian,
                                            jacobianRows: jacobianRows, unusedSteps: command.unusedSteps)
            try evaluation.program.validate(wrt: command.wrtOption.names)
        } catch {
            report(parsed.diagnostics(adding: error))
            return .dataError
        }

        if command.kinkConvention == .error && !evaluation.kinkWarnings.isEmpty {
            report(evaluation.warnings.filter { warning in !evaluation.kinkWarnings.contains { $0.diagnostic == warning.diagnostic } })
            report(evaluation.kinkWarnings.map(\.asError))
            return .atKink
        }
        // With --quiet, a convention chosen with --kink is not news.
        let kinksAreNews = !(command.quiet && command.kink != nil)
        report(evaluation.warnings.filter { warning in
            kinksAreNews || !evaluation.kinkWarnings.contains { $0.diagnostic == warning.diagnostic }
        })
        if command.strict && !evaluation.numericWarnings.isEmpty {
            report(evaluation.numericWarnings.map(\.asError))
            return .nonFinite
        }
        report(evaluation.numericWarnings)
        let options = outputOptions()
        if let missing = missingTangent(evaluation) {
            report(missing.diagnostics)
            return .usage
        }
        let direction: [Double]?
        do throws(UserError) {
            if let matrix = try renderJacobian(evaluation, options) {
                StandardStreams.writeOut(matrix)
                return .success
            }
            direction = try forwardDirection(evaluation)
            // Warned like a binding's literal: 1e400 becomes inf wherever it is written.
            if direction != nil { report(Program.tangentWarnings(command.tangent ?? "").map { LocatedDiagnostic($0, in: nil) }) }
        } catch {
            report(error.diagnostics)
            return .dataError
        }
        if let derivatives = renderDerivatives(evaluation, options) {
            StandardStreams.writeOut(derivatives.output)
            report(derivatives.notes)
            if let error = derivatives.error { report([LocatedDiagnostic(error, in: nil)]) }
            return derivatives.status
        }
        StandardStreams.finishesFilesAfterOutputCloses = command.render != nil
        if command.format == .dot || command.render != nil {
            report(largeGraphWarnings(evaluation, options))
        }
        if !streamOutput(evaluation, options, direction: direction) {
            StandardStreams.writeOut(render(evaluation, options, direction: direction))
        }
        if let path = command.render, let kind = GraphPicture.Kind(path: path) {
            do throws(GraphvizRenderer.Failure) {
                try GraphPicture.write(evaluation, options, kind: kind, backward: command.dotBackward, to: path)
            } catch {
                report([LocatedDiagnostic(.error(error.message, help: error.help), in: nil)])
                return error.status
            }
        }
        return .success
    }

    func outputOptions() -> OutputOptions {
        var options = OutputOptions(precision: command.precision, wrt: command.wrtOption.names,
                                    useColor: command.program.color.enabled(for: STDOUT_FILENO), elements: command.elements)
        options.nodes = command.nodes
        return options
    }

    private func dotFormatter(_ evaluation: Evaluation, _ options: OutputOptions) -> DotFormatter {
        DotFormatter(evaluation.result, options, backward: command.dotBackward)
    }

    /// A graph drawn in part, or a page too large to step: say so, and how to draw less.
    private func largeGraphWarnings(_ evaluation: Evaluation, _ options: OutputOptions) -> [LocatedDiagnostic] {
        let warnings = if let kind = command.render.flatMap(GraphPicture.Kind.init(path:)) {
            GraphPicture.warnings(evaluation, options, kind: kind, backward: command.dotBackward)
        } else {
            dotFormatter(evaluation, options).largeGraphWarning().map { [$0] } ?? []
        }
        return warnings.map { LocatedDiagnostic($0, in: nil) }
    }

    private func render(_ evaluation: Evaluation, _ options: OutputOptions, direction: [Double]?) -> String {
        let table = command.printsTangents && direction != nil
            ? renderTangents(evaluation, options, direction: direction ?? [])
            : renderTable(evaluation, options)
        guard let pass = command.explain else { return table }
        var explanation = ExplainFormatter(evaluation.result, options)
        explanation.direction = direction
        return command.format == .markdown
            ? table + "\n" + explanation.renderMarkdown(pass)
            : table + "\n" + explanation.render(pass)
    }

    private func renderTable(_ evaluation: Evaluation, _ options: OutputOptions) -> String {
        func number(_ value: Double) -> String { options.scriptNumber(value) }
        if command.quiet {
            guard options.wrt != nil else { return number(evaluation.values[Int(evaluation.output)]) + "\n" }
            if let gradients = OutputFormat.quietTensorGradients(evaluation.result, options) { return gradients }
            return evaluation.result.reportedVariables(options).map {
                number(evaluation.gradients[Int(evaluation.tape.variableNodes[$0.slot])]) + "\n"
            }.joined()
        }
        return command.format.render(evaluation.result, options, dotBackward: command.dotBackward)
    }
}
