// libFuzzer entry point for the other ways text reaches graddiff: program files with
// binding strings and a batch table (header and rows), REPL entries (statements and
// `:` commands) one after another, and the symbolic derivatives of what parses
// (`graddiff diff`, the Hessian) and `--check` on small graphs. Built by Fuzz/build.sh like ExpressionFuzzer.swift.
//
// The input is split at NUL bytes: part 0 is a program; part 1 holds binding strings,
// one per line; part 2 is a batch table (its first line the header); each part after
// that is one REPL entry.

/// A REPL file system with nothing in it: `:load` fails, `:save` goes nowhere.
struct NoFiles: ReplFiles {
    func read(_ path: String) throws(ReplFileError) -> [UInt8] { throw ReplFileError("no files while fuzzing") }
    func write(_ text: String, to path: String, replacing: Bool) throws(ReplFileError) {}
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgram(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
    let programBytes = parts.first ?? []
    let bindingLines = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self).split(separator: "\n") : []
    let bindings = bindingLines.compactMap { try? Binding.parse(String($0)) }

    if let program = try? ProgramParser.parse(SourceText(name: "fuzz", bytes: programBytes), nodeLimit: 50_000),
       program.tape.count < 5_000 {
        if let evaluation = try? Evaluation.run(program, bindings: bindings) {
            if program.tape.variableNames.count <= 4 { _ = try? Hessian.compute(evaluation.result, nodeLimit: 200_000) }
            if program.tape.variableNames.count <= 4, program.tape.count <= 200 {
                let check = GradientCheck(evaluation.result)
                _ = DerivativeReport.checkTable(check, digits: 10) + DerivativeReport.checkJSON(check, tolerance: 1e-6)
                _ = DerivativeReport.checkDiagnostics(check, tolerance: 1e-6)
            }
            for notation in [DerivativeText.Notation.program, .latex] {
                guard let formulas = try? DerivativeFormulas(program, output: evaluation.output, wrt: nil,
                                                             variables: evaluation.variableValues, notation: notation,
                                                             nodeLimit: 200_000) else { continue }
                for index in formulas.names.indices { _ = formulas.program(of: index) }
            }
        }
        if parts.count > 2 { runBatch(program, bindings, table: parts[2]) }
    }

    var session = ReplSession(files: NoFiles())
    session.nodeLimit = 50_000
    for (index, entry) in parts.dropFirst(3).prefix(16).enumerated() {
        _ = session.run(String(decoding: entry, as: UTF8.self), line: index + 1)
    }
    return 0
}

private func runBatch(_ program: Program, _ bindings: [Binding], table: [UInt8]) {
    let text = String(decoding: table, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let headerLine = lines.first else { return }
    let delimiter = DelimitedText.delimiter(ofHeader: headerLine)
    let header = DelimitedText.fields(of: headerLine, delimiter: delimiter).map(String.init)
    guard var batch = try? BatchEvaluator(program: program, bindings: bindings, header: header,
                                          headerSource: SourceText(name: "header", text: String(headerLine)),
                                          delimiter: delimiter, outputName: nil) else { return }
    var output = batch.outputHeader(inputHeader: header) ?? ""
    for line in lines.dropFirst().prefix(64) {
        try? batch.evaluate(fields: DelimitedText.fields(of: line, delimiter: delimiter), into: &output)
    }
}
