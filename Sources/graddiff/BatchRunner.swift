import GradDiff

/// `--batch FILE`: evaluate the program at every row of a CSV/TSV table, streaming one
/// output row per input row.
struct BatchRunner {
    let command: Graddiff
    let program: Program
    let bindings: [Binding]
    let renderer: DiagnosticRenderer

    func run(path: String) -> ExitStatus {
        let name = path == "-" ? "<stdin>" : path
        var reader: LineReader
        do {
            reader = try LineReader(path: path, requiringText: true)
        } catch {
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message), in: nil)))
            return .noInput
        }
        var output = ""
        do throws(InputFile.Failure) {
            guard let headerLine = try reader.nextLine() else {
                report(.error("the batch input is empty", help: "its first line names the variables, such as x,y"), in: SourceText(name: name, text: ""))
                return .dataError
            }
            let delimiter: Character = format(for: headerLine)
            let headerSource = SourceText(name: name, text: String(headerLine))
            let header = DelimitedText.fields(of: headerLine, delimiter: delimiter).map(String.init)
            var evaluator: BatchEvaluator
            do throws(UserError) {
                evaluator = try BatchEvaluator(program: program, bindings: bindings, header: header, headerSource: headerSource,
                                               delimiter: delimiter, outputName: command.program.output, kinks: command.kinkConvention,
                                               wrt: command.wrtOption.names, layout: layout)
            } catch {
                StandardStreams.writeError(error.diagnostics.map(renderer.render).joined())
                return .dataError
            }
            StandardStreams.writeError(evaluator.warnings.map(renderer.render).joined())
            if let outputHeader = evaluator.outputHeader(inputHeader: header) {
                StandardStreams.writeOut(outputHeader + "\n")
            }
            // Output is flushed before every wait for input and whenever it grows large:
            // a pipe sees rows as they come, without a write per row.
            var lineNumber = 1
            var failures = 0
            var warnings = RowWarnings()
            defer { if let summary = warnings.summary { StandardStreams.writeError(renderer.render(summary)) } }
            while let line = try reader.nextLineFlushing(&output) {
                lineNumber += 1
                if line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" && delimiter != "\t" }) { continue }
                do throws(DelimitedText.RowError) {
                    let found = try evaluator.evaluate(fields: DelimitedText.fields(of: line, delimiter: delimiter), into: &output)
                    for warning in found {
                        let located = warning.located(.warning, in: line, lineNumber: lineNumber, name: name, delimiter: delimiter)
                        if let shown = warnings.add(located) { StandardStreams.writeError(renderer.render(shown)) }
                    }
                } catch {
                    StandardStreams.writeOut(output)
                    output = ""
                    StandardStreams.writeError(renderer.render(error.located(in: line, lineNumber: lineNumber, name: name,
                                                                             delimiter: delimiter)))
                    failures += 1
                    if !command.keepGoing { return .dataError }
                }
                if output.utf8.count > 1 << 16 {
                    StandardStreams.writeOut(output)
                    output = ""
                }
            }
            StandardStreams.writeOut(output)
            return failures > 0 ? .dataError : .success
        } catch {
            StandardStreams.writeOut(output)
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message, help: error.help), in: nil)))
            return error.status
        }
    }

    /// What each output row holds: `--quiet` the numbers, `--format json` JSON Lines.
    private var layout: BatchEvaluator.Layout {
        command.quiet ? .numbers : command.format == .json ? .jsonLines : .table
    }

    /// The delimiter: `--format tsv`/`csv` if given, else a tab if the header has one.
    private func format(for header: Substring) -> Character {
        switch command.format {
        case .tsv: return "\t"
        case .csv: return ","
        default: return DelimitedText.delimiter(ofHeader: header)
        }
    }

    private func report(_ diagnostic: Diagnostic, in source: SourceText) {
        StandardStreams.writeError(renderer.render(LocatedDiagnostic(diagnostic, in: source)))
    }
}

extension LineReader {
    /// The next line; writes `output` out first whenever the reader must wait for input.
    mutating func nextLineFlushing(_ output: inout String) throws(InputFile.Failure) -> Substring? {
        if let line = try nextBufferedLine() { return line }
        if !output.isEmpty {
            StandardStreams.writeOut(output)
            output = ""
        }
        return try nextLine()
    }
}
