#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

// The release-mode benchmark: `swift build -c release --static-swift-stdlib`, then
// `.build/release/graddiff-bench [--quick]`.
// Run with `--measure SHAPE SIZE`, it is its own measuring child instead.

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    Console.complain(error.message + "\nUsage: graddiff-bench [--quick] [--sizes N,N,...] [--shape wide|deep|network|steps|tensor]")
    exit(64)  // EX_USAGE
}

if options.saysHello {
    Console.say("hello")
} else if options.showsHelp {
    Console.say(BenchmarkOptions.help)
} else if let (shape, nodes) = options.emitted {
    Console.say(String(decoding: shape.text(nodes: nodes), as: UTF8.self))
} else if let (shape, nodes) = options.childMeasurement {
    do {
        Console.say(try PhaseTimer.measure(shape, nodes: nodes).line)
    } catch {
        // The generated text should always parse; if not, say why in the parent's table.
        Console.complain("the generated \(shape.rawValue) expression did not parse: \(error.diagnostics.first?.diagnostic.message ?? "")")
        exit(70)  // EX_SOFTWARE
    }
} else {
    Benchmark.run(options)
}
