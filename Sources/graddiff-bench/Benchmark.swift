import ChildProcess
/// The whole benchmark: each shape at each size in a fresh child process, the table
/// row by row, the README example's start-up, then the targets.
enum Benchmark {
    static func run(_ options: BenchmarkOptions) {
        #if DEBUG
        say("warning: this is a debug build; build with `swift build -c release --static-swift-stdlib` and run `.build/release/graddiff-bench` for real figures\n")
        #endif
        say("Each phase's best of several runs (parse >= \(PhaseTimer.minimumParseRuns), passes >= \(PhaseTimer.minimumPassRuns)); bytes/node is")
        say("the growth of peak resident memory across one parse + forward + backward, in a fresh process.\n")
        say(ResultsTable.header)
        var measurements: [Measurement] = []
        for shape in options.shapes {
            for size in options.sizes {
                switch measureInChild(shape, nodes: size) {
                case .success(let measurement):
                    measurements.append(measurement)
                    say(ResultsTable.row(measurement))
                case .failure(let failure):
                    say(ResultsTable.failedRow(shape, requestedNodes: size, reason: failure.reason))
                }
            }
        }

        say("(bytes/node below 10^5 nodes is mostly page and allocator granularity, and is not judged.)")
        say("\nREADME example, whole process: graddiff \"(x+y)*z\" x=1 y=3 z=-3")
        let example = ReadmeExampleTimer.run()
        switch example {
        case .measured(let median):
            say("  median of \(ReadmeExampleTimer.runs) runs: \(FixedPoint.format(median, decimals: 2)) ms")
        case .skipped(let reason):
            say("  skipped: \(reason)")
        }

        say("\nVectors and matrices, whole process:")
        let network = measureInChild(.tensor, nodes: 3 * TensorNetwork.hidden * TensorNetwork.imageWidth)
        if case .success(let measurement) = network { say("  784-128-10 network in process: " + ResultsTable.row(measurement)) }
        let tensors = TensorTimer.run()
        switch tensors {
        case .measured(let time, let kilobytes, let minimize):
            say("  graddiff -f net.gd (784-128-10, value and every gradient): median of \(TensorTimer.runs) \(FixedPoint.format(time, decimals: 1)) ms, peak \(kilobytes / 1024) MB")
            say("  graddiff minimize (4-16-3, 150 rows, 100 epochs of 10-row batches): median \(FixedPoint.format(minimize, decimals: 1)) ms")
        case .skipped(let reason):
            say("  skipped: \(reason)")
        }

        let processSize = options.sizes.max() ?? 1_000_000
        say("\nWhole processes (issue 18), \(processSize)-node files and \(processSize) batch rows, best of \(ProcessTimer.runs) (start-up: of \(ProcessTimer.startUpRuns), in turn):")
        let process = ProcessTimer.run(nodes: processSize, batchRows: processSize)
        switch process {
        case .success(let figures):
            for line in ProcessTimer.lines(figures) { say("  " + line) }
        case .failure(let failure):
            say("  skipped: \(failure.reason)")
        }

        say("\nTargets (reported only; a MISS does not change the exit status):")
        let tensorChecks = Targets.tensorChecks(network: try? network.get(), tensors)
        for check in Targets.check(measurements, readmeExample: example) + tensorChecks + Targets.processChecks(process) {
            say("  \(check.verdict.rawValue)  \(check.target) - \(check.evidence)")
        }
    }

    struct ChildFailure: Error {
        var reason: String
    }

    /// Runs `graddiff-bench --measure SHAPE SIZE` and reads back its one line.
    private static func measureInChild(_ shape: Shape, nodes: Int) -> Result<Measurement, ChildFailure> {
        let arguments = ["--measure", shape.rawValue, "\(nodes)"]
        guard let finished = try? ChildProcess.run(ChildProcess.currentExecutable, arguments) else {
            return .failure(ChildFailure(reason: "could not start \(ChildProcess.currentExecutable)"))
        }
        let (ending, output) = (finished.ending, String(decoding: finished.output, as: UTF8.self))
        switch ending {
        case .signalled(let signal):
            return .failure(ChildFailure(reason: "the measuring process died of signal \(signal)"))
        case .exited(let status) where status != 0:
            return .failure(ChildFailure(reason: "the measuring process exited with status \(status)"))
        case .exited:
            let line = output.split(separator: "\n").last.map(String.init) ?? ""
            guard let measurement = Measurement(shape: shape, requestedNodes: nodes, line: line) else {
                return .failure(ChildFailure(reason: "unreadable figures: \(line)"))
            }
            return .success(measurement)
        }
    }

    private static func say(_ text: String) {
        Console.say(text)
    }
}
