import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one differentiation as the command line asked: read, parse, evaluate, print.
/// Diagnostics go to stderr, results to stdout, and the outcome is an exit status.
struct Runner {
    let command: Graddiff

    func run() -> ExitStatus {
        let renderer = DiagnosticRenderer(useColor: command.color.enabled(for: STDERR_FILENO))
        func report(_ diagnostics: [LocatedDiagnostic]) {
            StandardStreams.writeError(diagnostics.map(renderer.render).joined())
        }

        var bindingArguments = command.arguments
        let source: SourceText
        do {
            source = try CommandInput.source(file: command.file, arguments: &bindingArguments)
        } catch {
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message, help: error.help), in: nil)))
            return error.status
        }

        let (bindings, errors) = CommandInput.bindings(bindingArguments)
        let evaluation: Evaluation
        do throws(UserError) {
            let program = try ProgramParser.parse(source, nodeLimit: command.maxNodes)
            if !errors.isEmpty { throw UserError(errors) }
            if let path = command.batch {
                return BatchRunner(command: command, program: program, bindings: bindings, renderer: renderer).run(path: path)
            }
            evaluation = try Evaluation.run(program, bindings: bindings, outputName: command.output, kinks: command.kink)
            try evaluation.program.validate(wrt: command.wrt.map(command.wrtNames))
        } catch {
            report(errors.isEmpty || error.diagnostics.elementsEqual(errors, by: { $0.diagnostic == $1.diagnostic })
                   ? error.diagnostics : errors + error.diagnostics)
            return .dataError
        }

        if command.kink == .error && !evaluation.kinkWarnings.isEmpty {
            report(evaluation.warnings.filter { warning in !evaluation.kinkWarnings.contains { $0.diagnostic == warning.diagnostic } })
            report(evaluation.kinkWarnings.map { warning in
                var error = warning
                error.diagnostic.severity = .error
                return error
            })
            return .atKink
        }
        report(evaluation.warnings)
        if command.strict && !evaluation.numericWarnings.isEmpty {
            report(evaluation.numericWarnings.map { warning in
                var error = warning
                error.diagnostic.severity = .error
                return error
            })
            return .nonFinite
        }
        report(evaluation.numericWarnings)
        let options = outputOptions()
        if let derivatives = renderDerivatives(evaluation, options) {
            StandardStreams.writeOut(derivatives.output)
            report(derivatives.notes)
            if let error = derivatives.error { report([LocatedDiagnostic(error, in: nil)]) }
            return derivatives.status
        }
        if command.format == .dot || command.render != nil {
            report(largeGraphWarnings(evaluation, options))
        }
        StandardStreams.writeOut(render(evaluation, options))
        if let path = command.render, let format = GraphvizRenderer.Format(path: path) {
            do throws(GraphvizRenderer.Failure) {
                try GraphvizRenderer.render(dotFormatter(evaluation, options).render(), to: path, format: format)
            } catch {
                report([LocatedDiagnostic(.error(error.message, help: error.help), in: nil)])
                return error.status
            }
        }
        return .success
    }

    func outputOptions() -> OutputOptions {
        OutputOptions(precision: command.precision, wrt: command.wrt.map(command.wrtNames),
                      useColor: command.color.enabled(for: STDOUT_FILENO))
    }

    private func dotFormatter(_ evaluation: Evaluation, _ options: OutputOptions) -> DotFormatter {
        DotFormatter(evaluation.result, options, backward: command.dotBackward)
    }

    /// A graph past `DotFormatter.defaultNodeLimit` nodes is drawn in part: say so, and how to draw less.
    private func largeGraphWarnings(_ evaluation: Evaluation, _ options: OutputOptions) -> [LocatedDiagnostic] {
        let elided = dotFormatter(evaluation, options).elidedCount()
        guard elided > 0 else { return [] }
        let limit = DotFormatter.defaultNodeLimit
        return [LocatedDiagnostic(.warning(
            "the graph has \(limit + elided) nodes; the picture shows the \(limit) nearest the output and one box for the other \(elided)",
            help: "--wrt NAMES draws only the paths from those inputs to the output; or draw a smaller expression"), in: nil)]
    }

    private func render(_ evaluation: Evaluation, _ options: OutputOptions) -> String {
        let table = renderTable(evaluation, options)
        guard let pass = command.explain else { return table }
        let explanation = ExplainFormatter(evaluation.result, options)
        return command.format == .markdown
            ? table + "\n" + explanation.renderMarkdown(pass)
            : table + "\n" + explanation.render(pass)
    }

    private func renderTable(_ evaluation: Evaluation, _ options: OutputOptions) -> String {
        func number(_ value: Double) -> String { options.scriptNumber(value) }
        if command.quiet {
            guard options.wrt != nil else { return number(evaluation.values[Int(evaluation.output)]) + "\n" }
            return evaluation.result.reportedVariables(options).map {
                number(evaluation.gradients[Int(evaluation.tape.variableNodes[$0.slot])]) + "\n"
            }.joined()
        }
        return command.format.render(evaluation.result, options, dotBackward: command.dotBackward)
    }
}
