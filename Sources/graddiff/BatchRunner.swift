import GradDiff

/// `--batch FILE`: evaluate the program at every row of a CSV/TSV table, streaming one
/// output row per input row.
struct BatchRunner {
    let command: CommandOptions
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
        do throws(InputFile.Failure) {
            guard let headerLine = try reader.nextLine() else {
                report(.error("the batch input is empty", help: "its first line names the variables, such as x,y"), in: SourceText(name: name, text: ""))
                return .dataError
            }
            if headerLine.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                // A blank first line read as one column named '', whose error blamed the variables.
                report(.error("the batch input's first line is blank: it must name the columns",
                              at: SourceSpan(start: 0, end: 0), help: "remove the blank line above the header"),
                       in: SourceText(name: name, text: String(headerLine)))
                return .dataError
            }
            let delimiter: Character = format(for: headerLine)
            if let lineEnds = DelimitedText.carriageReturnLineEnds(inHeader: headerLine, name: name, delimiter: delimiter) {
                StandardStreams.writeError(renderer.render(lineEnds))
                return .dataError
            }
            let headerSource = SourceText(name: name, text: String(headerLine))
            if let mismatch = delimiterMismatch(headerLine, delimiter) {
                StandardStreams.writeError(renderer.render(LocatedDiagnostic(mismatch, in: headerSource)))
                return .dataError
            }
            let header = DelimitedText.fields(of: headerLine, delimiter: delimiter).map(String.init)
            let evaluator: BatchEvaluator
            do throws(UserError) {
                evaluator = try BatchEvaluator(program: program, bindings: bindings, header: header, headerSource: headerSource,
                                               delimiter: delimiter, outputName: command.program.output, kinks: command.kinkConvention,
                                               wrt: command.wrtOption.names, layout: layout, unusedSteps: .notPrinted)
            } catch {
                StandardStreams.writeError(error.diagnostics.map(renderer.render).joined())
                return .dataError
            }
            StandardStreams.writeError(evaluator.warnings.map(renderer.render).joined())
            if let outputHeader = evaluator.outputHeader(inputHeader: header) {
                StandardStreams.writeOut(outputHeader + "\n")
            }
            // Rows go through the pipeline in chunks, on every core, written in input order;
            // a pipe that delivers rows slowly sees each round's rows before graddiff waits again.
            var pipeline = BatchPipeline(input: BatchInput(rest: reader.takeRest(), path: path), evaluator: evaluator,
                                         threads: command.threads ?? Threads.available, keepGoing: command.keepGoing)
            var warnings = RowWarnings()
            defer { if let summary = warnings.summary { StandardStreams.writeError(renderer.render(summary)) } }
            let failures = try pipeline.run { problem, severity, line, text in
                let located = problem.located(severity, in: Substring(text), lineNumber: line, name: name, delimiter: delimiter)
                if severity == .warning {
                    if let shown = warnings.add(located) { StandardStreams.writeError(renderer.render(shown)) }
                } else {
                    StandardStreams.writeError(renderer.render(located))
                }
            }
            if failures > 0 { return .dataError }
            if command.strict, pipeline.nonFiniteRows > 0 {
                let rows = pipeline.nonFiniteRows == 1 ? "1 row" : "\(pipeline.nonFiniteRows) rows"
                StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(
                    "\(rows) printed a nan or infinite value or gradient (the first on line \(pipeline.firstNonFiniteLine)), and --strict was given"),
                    in: nil)))
                return .nonFinite
            }
            return .success
        } catch {
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

    /// A header that `--format` reads with the other delimiter (`--format tsv` on a CSV
    /// table): one column named by the whole line, whose variables then had no value.
    private func delimiterMismatch(_ header: Substring, _ delimiter: Character) -> Diagnostic? {
        // Semicolons (a spreadsheet's CSV where the comma is the decimal point): one
        // column named x;y, whose variables then had no value either.
        // Only where a part between them names a variable of the program: a column called
        // "note;id" is carried, as any column that names none.
        let variables = Set(program.tape.variableNames)
        if !header.contains(","), !header.contains("\t"), !header.contains("\""), let at = header.firstIndex(of: ";"),
           header.split(separator: ";").contains(where: { variables.contains(String($0).trimmingCharacters()) }) {
            let column = header.utf8.distance(from: header.startIndex, to: at)
            return .error("the header has semicolons between its names, but fields are read with commas or tabs between them",
                          at: SourceSpan(start: column, end: column + 1),
                          help: "write commas instead, such as with tr ';' ',' < FILE (and decimal points for decimal commas)")
        }
        let other: Character = delimiter == "\t" ? "," : "\t"
        guard !header.contains(delimiter), let at = header.firstIndex(of: other) else { return nil }
        let column = header.utf8.distance(from: header.startIndex, to: at)
        let (given, kind, otherKind) = delimiter == "\t" ? ("tsv", "tabs", "commas") : ("csv", "commas", "tabs")
        return .error("with --format \(given) the table is read with \(kind) between fields, but its header has \(otherKind) and no \(kind.dropLast())",
                      at: SourceSpan(start: column, end: column + 1),
                      help: "leave out --format \(given): the table is read as its header shows, and the output follows it")
    }

    private func report(_ diagnostic: Diagnostic, in source: SourceText) {
        StandardStreams.writeError(renderer.render(LocatedDiagnostic(diagnostic, in: source)))
    }
}
