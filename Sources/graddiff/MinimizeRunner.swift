import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `graddiff minimize`: read the program, the bindings and the data; descend;
/// print the summary on stdout; write the history and the plot.
struct MinimizeRunner {
    let command: MinimizeCommand

    /// Set by the SIGINT handler; the loop checks it once per step.
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    func run() -> ExitStatus {
        let renderer = DiagnosticRenderer(useColor: command.program.color.enabled(for: STDERR_FILENO))
        func report(_ diagnostics: [LocatedDiagnostic]) {
            StandardStreams.writeError(diagnostics.map(renderer.render).joined())
        }
        // A file that cannot be written (a directory, a device, a folder that is not
        // there) is refused before the work, not after the descent.
        do throws(AtomicFile.Failure) {
            for path in [command.history, command.plot].compactMap({ $0 }) { try AtomicFile.checkTarget(path, replacing: true) }
        } catch {
            report([LocatedDiagnostic(.error(error.message), in: nil)])
            return .ioError
        }
        var minimizer: Minimizer
        switch prepare() {
        case .success(let prepared): minimizer = prepared
        case .failure(let failure):
            report(failure.diagnostics)
            return failure.status
        }
        report(minimizer.objective.warnings)

        let perEpoch = command.data == nil ? nil : minimizer.batchesPerEpoch
        var progress = MinimizeProgress(onTerminal: !command.quiet && StandardStreams.isTerminal(STDERR_FILENO),
                                        logEvery: command.logEvery, stepsPerEpoch: perEpoch, epochLimit: command.epochs)
        let quiet = command.quiet
        signal(SIGINT) { _ in MinimizeRunner.interrupted = 1 }
        // A parent may start us with SIGINT blocked (Foundation's Process does); Ctrl-C
        // is this loop's documented way out, so let it through.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        let result = minimizer.run { step in
            if !quiet { progress.show(step) }
            return MinimizeRunner.interrupted == 0
        }
        signal(SIGINT, SIG_DFL)
        progress.finish()

        StandardStreams.finishesFilesAfterOutputCloses = command.history != nil || command.plot != nil
        StandardStreams.writeOut(summary(result, tolerance: minimizer.settings.tolerance, groups: minimizer.objective.parameterGroups))
        var status = ExitStatus.success
        if case .diverged(let step) = result.reason {
            let help: String
            if step > 0 {
                help = "the parameters printed are from step \(result.steps), the last with a finite loss and gradient; a smaller --lr often helps"
            } else if result.lossDiverged {
                help = "the starting values give no finite loss: choose others"
            } else {
                help = "the loss is finite at the starting values but its gradient is not (as sqrt's at 0): start elsewhere"
            }
            report([LocatedDiagnostic(.error("\(Self.divergedQuantity(result)) became nan or infinite at step \(step); stopped", help: help),
                                      in: nil)])
            status = .nonFinite
        } else if result.reason == .interrupted {
            status = .interrupted
        }
        let title = "\(command.optimizer.rawValue): \(result.reason.summary) after \(result.steps) step\(result.steps == 1 ? "" : "s"), loss \(NumberFormat.significant(result.loss, digits: 4))"
        do throws(AtomicFile.Failure) {
            // Mode 0600, like the session history: it records every logged parameter value.
            if let path = command.history { try AtomicFile.write(HistoryTable.csv(result), to: path, permissions: .ownerOnly) }
            if let path = command.plot { try AtomicFile.write(LossPlot.svg(result, title: title), to: path) }
        } catch {
            report([LocatedDiagnostic(.error(error.message), in: nil)])
            return .ioError
        }
        return status
    }

    struct Failure: Error {
        var diagnostics: [LocatedDiagnostic]
        var status: ExitStatus
    }

    /// Reads and checks everything the run needs.
    private func prepare() -> Result<Minimizer, Failure> {
        var bindingArguments = command.program.arguments
        let source: SourceText
        let tables: [String: SourceText]
        do {
            source = try CommandInput.source(file: command.program.file, arguments: &bindingArguments)
            tables = try CommandInput.tables(bindingArguments)
        } catch {
            return .failure(Failure(diagnostics: [LocatedDiagnostic(.error(error.message, help: error.help), in: nil)], status: error.status))
        }
        var table: DataTable?
        let parsed = CommandInput.bindings(bindingArguments, tables: tables)
        let (bindings, errors) = (parsed.bindings, parsed.errors)
        do throws(UserError) {
            let program = try ProgramParser.parse(source, nodeLimit: command.program.maxNodes, bindings: bindings, seed: command.seed)
            if !errors.isEmpty { throw UserError(errors) }
            if let path = command.data {
                let bytes: [UInt8]
                do {
                    bytes = try InputFile.readText(path)
                } catch {
                    return .failure(Failure(diagnostics: [LocatedDiagnostic(.error(error.message, help: error.help), in: nil)], status: error.status))
                }
                // Only columns that name a variable are numbers; an id or a label is not read.
                let tape = program.tape
                table = try DataTable.parse(SourceText(name: path == "-" ? "<stdin>" : path, bytes: bytes),
                                            reading: { tape.variableSlot(named: $0) != nil })
            }
            let objective = try Objective(program: program, bindings: bindings, data: table,
                                          over: command.parameterNames, outputName: command.program.output)
            var settings = MinimizeSettings()
            settings.optimizer = command.optimizerSettings
            settings.tolerance = command.tol
            settings.batchSize = command.batchSize
            settings.seed = command.seed
            settings.logEvery = command.logEvery
            settings.keepsHistory = command.history != nil || command.plot != nil
            var minimizer = Minimizer(objective: objective, settings: settings)
            if let epochs = command.epochs {
                settings.stepLimit = epochs * minimizer.batchesPerEpoch
            } else if let steps = command.steps {
                settings.stepLimit = steps
            }
            minimizer = Minimizer(objective: objective, settings: settings)
            return .success(minimizer)
        } catch {
            return .failure(Failure(diagnostics: parsed.diagnostics(adding: error), status: .dataError))
        }
    }

    /// What was not finite when the run diverged: the loss, or only its gradient.
    private static func divergedQuantity(_ result: MinimizeResult) -> String {
        result.lossDiverged ? "the loss" : "the gradient"
    }

    /// The summary: '#' lines around one line of name=value bindings that can be pasted
    /// back onto a graddiff command line.
    private func summary(_ result: MinimizeResult, tolerance: Double, groups: [ParameterGroup]) -> String {
        let steps = "\(result.steps) step\(result.steps == 1 ? "" : "s")"
        let why: String
        switch result.reason {
        case .converged: why = "converged after \(steps): the loss change and the gradient norm are below \(NumberFormat.shortest(tolerance))"
        case .stepLimit: why = "stopped at the step limit after \(steps)"
        case .diverged(let step): why = "diverged at step \(step): \(Self.divergedQuantity(result)) is not finite; these are the values after \(steps)"
        case .interrupted: why = "interrupted after \(steps)"
        }
        // A vector or matrix of parameters is one binding, W1=[[…]]. A later version of
        // an input (c#2, from c = 2; c = 3) is no binding graddiff takes: it goes on a
        // comment line of its own, so the bindings line still pastes back.
        let bindable = groups.filter { !$0.name.contains("#") }.map { $0.binding(result.parameters) }
        let versions = groups.filter { $0.name.contains("#") }.map { $0.binding(result.parameters) }
        let gradient = groups.map { $0.gradient(result.gradient) }
        let versionLine = versions.isEmpty ? ""
            : "# \(versions.joined(separator: " ")) (later versions of inputs, which no binding sets: write them in the program)\n"
        return """
            # \(why)
            # loss \(NumberFormat.shortest(result.loss))
            \(bindable.joined(separator: " "))
            \(versionLine)# gradient \(gradient.joined(separator: " ")) (norm \(NumberFormat.shortest(result.gradientNorm)))

            """
    }
}
