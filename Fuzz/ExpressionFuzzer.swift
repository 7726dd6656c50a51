// libFuzzer entry point: arbitrary bytes through lexer → parser → tape → forward →
// backward → every output format. Built by Fuzz/build.sh with -sanitize=fuzzer,address
// together with the engine's sources, so normal builds are unaffected.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks what the rest is: a program, or a binding string.
    guard let mode = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    if mode & 1 == 1 {
        _ = try? Binding.parse(String(decoding: rest, as: UTF8.self))
        return 0
    }
    let source = SourceText(name: "fuzz", bytes: rest)
    do {
        let program = try ProgramParser.parse(source)
        guard program.tape.count < 20_000 else { return 0 }
        let bindings = program.tape.variableNames.enumerated().compactMap { index, name in
            try? Binding.parse("\(name)=\(Double(index) * 0.7 - 1)")
        }
        let evaluation = try Evaluation.run(program, bindings: bindings)
        let options = OutputOptions(precision: Int(mode >> 1) % 17 + 1)
        _ = TableFormatter.render(evaluation.result, options)
        _ = JSONFormatter.render(evaluation.result, options)
        _ = DelimitedFormatter.csv(evaluation.result)
        _ = DelimitedFormatter.tsv(evaluation.result)
        _ = DelimitedFormatter.markdown(evaluation.result, options)
        _ = DotFormatter(evaluation.result, options, backward: mode & 4 == 4).render()
        _ = ExplainFormatter(evaluation.result, options).render(.both)
    } catch {
        let renderer = DiagnosticRenderer(useColor: mode & 2 == 2)
        for diagnostic in error.diagnostics { _ = renderer.render(diagnostic) }
    }
    return 0
}
