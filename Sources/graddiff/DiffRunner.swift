import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `graddiff diff`: parse, differentiate symbolically, print the formulas (and
/// their values when the variables are bound).
struct DiffRunner {
    let command: DiffCommand

    func run() -> ExitStatus {
        let renderer = DiagnosticRenderer(useColor: command.program.color.enabled(for: STDERR_FILENO))
        var arguments = command.program.arguments
        let source: SourceText
        let tables: [String: SourceText]
        do {
            source = try CommandInput.source(file: command.program.file, arguments: &arguments)
            tables = try CommandInput.tables(arguments)
        } catch {
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message, help: error.help), in: nil)))
            return error.status
        }
        let formulas: DerivativeFormulas
        do throws(UserError) {
            let parsed = CommandInput.bindings(arguments, tables: tables)
            let bindings = parsed.bindings
            if !parsed.errors.isEmpty { throw UserError(parsed.errors) }
            let program = try ProgramParser.parse(source, nodeLimit: command.program.maxNodes, bindings: bindings)
            var variables: [Double]?
            let output: NodeID
            if bindings.isEmpty {
                output = try program.outputNode(named: command.program.output)
            } else {
                let evaluation = try Evaluation.run(program, bindings: bindings, outputName: command.program.output,
                                                    unusedSteps: .notPrinted)
                StandardStreams.writeError(evaluation.warnings.map(renderer.render).joined())
                output = evaluation.output
                variables = evaluation.variableValues
            }
            try program.validate(wrt: command.wrtOption.names)
            formulas = try DerivativeFormulas(program, output: output, wrt: program.elementNames(command.wrtOption.names), order: command.order,
                                              variables: variables, notation: command.format == .latex ? .latex : .program,
                                              nodeLimit: command.program.maxNodes)
        } catch {
            StandardStreams.writeError(error.diagnostics.map(renderer.render).joined())
            return .dataError
        }
        switch command.format {
        case .text: StandardStreams.writeOut(formulas.programReport())
        case .json: StandardStreams.writeOut(formulas.jsonReport())
        case .latex: StandardStreams.writeOut(formulas.latexReport())
        }
        return .success
    }

}
