import ChildProcess
import GradDiff
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 18's whole-process figures, run with the `graddiff` beside the benchmark on
/// files written to a temporary directory, each the best of several runs (the machine
/// is shared; the best is the least disturbed):
///
/// - text to value and every gradient (`graddiff -q -f FILE`) for the wide, deep and
///   network shapes, and the peak memory beyond the text and a bare run's;
/// - printing every node: JSON, CSV, TSV and the table, less the `-q` run, per node;
/// - batch: a table of rows through the one-network expression (107 nodes, 4 inputs);
/// - start-up: the README example against a bare Swift program that prints one line
///   (`graddiff-bench --hello`: the Swift runtime and nothing of graddiff's).
enum ProcessTimer {
    static let runs = 5

    struct Shaped {
        var shape: Shape
        var nodes: Int
        var quietMilliseconds: Double
        var bytesPerNode: Double
        /// Milliseconds each format adds to the `-q` run, by format name.
        var printing: [(format: String, milliseconds: Double)]
    }

    struct Figures {
        /// The node count the files were generated for (the tapes come out near it).
        var requestedNodes = 0
        var shapes: [Shaped] = []
        var batchRows = 0
        var batchNodes = 0
        var batchMilliseconds = 0.0
        var exampleMilliseconds = 0.0
        var helloMilliseconds = 0.0
    }

    static func run(nodes: Int, batchRows: Int) -> Result<Figures, Benchmark.ChildFailure> {
        guard let directory = ChildProcess.executableDirectory() else { return .failure(.init(reason: "cannot find this executable's directory")) }
        let command = directory + "/graddiff"
        guard access(command, X_OK) == 0 else {
            return .failure(.init(reason: "no graddiff next to the benchmark; build it with `swift build -c release` first"))
        }
        var template = Array("/tmp/graddiff-bench-XXXXXX".utf8CString)
        guard let folder = mkdtemp(&template).map({ String(cString: $0) }) else { return .failure(.init(reason: "cannot make a temporary directory")) }
        var written: [String] = []
        defer {
            for path in written { unlink(path) }
            rmdir(folder)
        }
        func file(_ name: String, _ bytes: [UInt8]) -> String? {
            let path = folder + "/" + name
            written.append(path)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count ? path : nil
        }
        var figures = Figures(requestedNodes: nodes)
        guard let (hello, example) = bestInTurn((ChildProcess.currentExecutable, ["--hello"]),
                                                (command, ReadmeExampleTimer.arguments))
        else { return .failure(.init(reason: "the start-up runs did not exit 0")) }
        figures.helloMilliseconds = hello.milliseconds
        figures.exampleMilliseconds = example.milliseconds
        for shape in [Shape.wide, .deep, .network] {
            let text = shape.text(nodes: nodes)
            guard let path = file(shape.rawValue + ".gd", text), let names = try? variableNames(shape) else {
                return .failure(.init(reason: "cannot write the \(shape.rawValue) expression"))
            }
            let bindings = names.enumerated().map { "\($1)=\(0.3 + 0.5 * Double($0 % 8) / 8)" }
            guard let quiet = best(command, ["-q", "-f", path] + bindings),
                  let count = try? ProgramParser.parse(SourceText(name: "", bytes: text)).tape.count
            else { return .failure(.init(reason: "graddiff -q -f \(shape.rawValue).gd did not exit 0")) }
            let beyond = Double(quiet.kilobytes - example.kilobytes) * 1024 - Double(text.count)
            var shaped = Shaped(shape: shape, nodes: count, quietMilliseconds: quiet.milliseconds,
                                bytesPerNode: beyond / Double(count), printing: [])
            for format in ["json", "csv", "tsv", "table"] {
                guard let printed = best(command, ["--format", format, "-f", path] + bindings) else {
                    return .failure(.init(reason: "graddiff --format \(format) did not exit 0"))
                }
                shaped.printing.append((format, printed.milliseconds - quiet.milliseconds))
            }
            figures.shapes.append(shaped)
        }
        let network = NeuralNetwork.text(nodes: NeuralNetwork.nodesPerNetwork)
        guard let expression = file("one-network.gd", network), let names = try? variableNames(.network),
              let table = file("rows.csv", rows(names, count: batchRows)),
              let batch = best(command, ["--batch", table, "-f", expression])
        else { return .failure(.init(reason: "the batch run did not exit 0")) }
        figures.batchRows = batchRows
        figures.batchNodes = (try? ProgramParser.parse(SourceText(name: "", bytes: network)).tape.count) ?? 0
        figures.batchMilliseconds = batch.milliseconds
        return .success(figures)
    }

    /// The figures as lines of the report.
    static func lines(_ figures: Figures) -> [String] {
        let ms = { (value: Double) in FixedPoint.format(value, decimals: 1) + " ms" }
        return figures.shapes.map { shaped in
            "\(shaped.shape.rawValue) \(shaped.nodes) nodes: -q \(ms(shaped.quietMilliseconds)), "
                + "\(FixedPoint.format(shaped.bytesPerNode, decimals: 1)) bytes/node beyond the text; printing adds "
                + shaped.printing.map { "\($0.format) \(FixedPoint.format($0.milliseconds * 1e6 / Double(shaped.nodes), decimals: 0))" }
                    .joined(separator: ", ") + " ns/node"
        } + ["batch: \(figures.batchRows) rows x \(figures.batchNodes) nodes in \(ms(figures.batchMilliseconds))",
             "README example \(ms(figures.exampleMilliseconds)), a bare Swift program (graddiff-bench --hello) \(ms(figures.helloMilliseconds))"]
    }

    /// The free variables of `shape`'s expressions (the same at every size).
    private static func variableNames(_ shape: Shape) throws(UserError) -> [String] {
        try ProgramParser.parse(SourceText(name: "", bytes: shape.text(nodes: 1_000))).tape.variableNames
    }

    /// A CSV table of `count` rows binding `names`, varied and reproducible.
    private static func rows(_ names: [String], count: Int) -> [UInt8] {
        var text = ExpressionText(reservingBytes: (count + 1) * names.count * 8)
        text.append(names.joined(separator: ","))
        for row in 0..<count {
            text.append("\n")
            for column in names.indices {
                if column > 0 { text.append(",") }
                text.appendFixedPoint(whole: 0, fraction: (row * 7 + column * 131) % 1000, digits: 3)
            }
        }
        text.append("\n")
        return text.bytes
    }

    /// The fastest of `runs` runs (after one untimed) with output discarded, and the
    /// largest peak resident size; nil unless every run exits 0.
    private static func best(_ command: String, _ arguments: [String]) -> (milliseconds: Double, kilobytes: Int)? {
        var fastest = Double.infinity
        var peak = 0
        for run in 0...runs {
            guard let timed = timedRun(command, arguments) else { return nil }
            if run > 0 { fastest = min(fastest, timed.milliseconds) }
            peak = max(peak, timed.kilobytes)
        }
        return (fastest, peak)
    }

    /// How many times each start-up is run by `bestInTurn`.
    static let startUpRuns = 40

    /// The fastest of `startUpRuns` runs of each of two commands, taken in turn (after
    /// one untimed each). A start-up takes a few milliseconds, and this VM's slow moments
    /// last longer: taken in turn, the two meet the same moments, where two series of
    /// five runs each could meet different ones (the ratio moved from 1.27 to 1.61).
    private static func bestInTurn(_ first: (String, [String]), _ second: (String, [String]))
        -> (first: (milliseconds: Double, kilobytes: Int), second: (milliseconds: Double, kilobytes: Int))? {
        var bests = [(milliseconds: Double.infinity, kilobytes: 0), (milliseconds: Double.infinity, kilobytes: 0)]
        for run in 0...startUpRuns {
            for (index, (command, arguments)) in [first, second].enumerated() {
                guard let timed = timedRun(command, arguments) else { return nil }
                if run > 0 { bests[index].milliseconds = min(bests[index].milliseconds, timed.milliseconds) }
                bests[index].kilobytes = max(bests[index].kilobytes, timed.kilobytes)
            }
        }
        return (bests[0], bests[1])
    }

    /// One run with output discarded: its time and peak resident size; nil unless it exits 0.
    private static func timedRun(_ command: String, _ arguments: [String]) -> (milliseconds: Double, kilobytes: Int)? {
        let (outcome, nanoseconds) = MonotonicClock.measure {
            try? ChildProcess.run(command, arguments, output: .discarded, discardingErrors: true)
        }
        guard let finished = outcome, finished.ending == .exited(0) else { return nil }
        return (Double(nanoseconds) / 1e6, finished.peakKilobytes)
    }
}
