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

        let source: SourceText
        var bindingArguments = command.arguments
        if let path = command.file {
            do {
                source = SourceText(name: path == "-" ? "<stdin>" : path, bytes: try InputFile.read(path))
            } catch {
                StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message), in: nil)))
                return .noInput
            }
        } else {
            source = SourceText(name: "expression", text: bindingArguments.removeFirst())
        }

        guard source.bytes.count < Int(Int32.max) else {
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(
                .error("the input is larger than 2 GiB, which graddiff does not read"), in: nil)))
            return .dataError
        }
        var errors: [LocatedDiagnostic] = []
        var bindings: [Binding] = []
        for argument in bindingArguments {
            do {
                bindings.append(try Binding.parse(argument))
            } catch {
                errors += error.diagnostics
            }
        }
        let evaluation: Evaluation
        do throws(UserError) {
            let program = try ProgramParser.parse(source)
            if !errors.isEmpty { throw UserError(errors) }
            if let path = command.batch {
                return BatchRunner(command: command, program: program, bindings: bindings, renderer: renderer).run(path: path)
            }
            evaluation = try Evaluation.run(program, bindings: bindings, outputName: command.output)
            try evaluation.validate(wrt: command.wrt.map(command.wrtNames))
        } catch {
            report(errors.isEmpty || error.diagnostics.elementsEqual(errors, by: { $0.diagnostic == $1.diagnostic })
                   ? error.diagnostics : errors + error.diagnostics)
            return .dataError
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
        StandardStreams.writeOut(render(evaluation))
        return .success
    }

    private func render(_ evaluation: Evaluation) -> String {
        let options = OutputOptions(
            precision: command.precision, wrt: command.wrt.map(command.wrtNames),
            useColor: command.color.enabled(for: STDOUT_FILENO))
        func number(_ value: Double) -> String { NumberFormat.significant(value, digits: options.precision) }
        if command.quiet {
            guard options.wrt != nil else { return number(evaluation.values[Int(evaluation.output)]) + "\n" }
            return evaluation.reportedVariables(options).map {
                number(evaluation.gradients[Int(evaluation.tape.variableNodes[$0.slot])]) + "\n"
            }.joined()
        }
        return command.format.render(evaluation, options)
    }
}
