/// Issue 18's targets, judged on `ProcessTimer`'s whole-process figures: 10^6 nodes
/// text to gradients in ≤ 100 ms and ≤ 60 bytes a node beyond the text; printing every
/// node at ≤ 150 ns a node (a 10^6-node JSON in ≤ 0.3 s); 10^6 batch rows in ≤ 0.7 s
/// and ≥ 10^8 node-evaluations a second; start-up ≤ 1.5 times a bare Swift program.
/// Figures of a smaller run (`--quick`) are printed, and the size targets not judged.
extension Targets {
    static func processChecks(_ outcome: Result<ProcessTimer.Figures, Benchmark.ChildFailure>) -> [Check] {
        let names = ["10^6 nodes, whole process (-q -f FILE) <= 100 ms, every shape",
                     "10^6 nodes: peak memory beyond the text <= 60 bytes/node",
                     "printing every node <= 150 ns/node on top of -q, every format",
                     "10^6-node JSON <= 0.3 s whole process",
                     "batch: 10^6 rows x the network expression <= 0.7 s",
                     "batch: >= 10^8 node-evaluations with gradient a second",
                     "start-up: README example <= 1.5 x a bare Swift program"]
        guard case .success(let figures) = outcome else {
            return names.map { Check(verdict: .notMeasured, target: $0, evidence: "skipped") }
        }
        let large = figures.requestedNodes >= 1_000_000
        func judged(_ passes: Bool, _ isLarge: Bool) -> Verdict { isLarge ? (passes ? .pass : .miss) : .notMeasured }
        let slowest = figures.shapes.max { $0.quietMilliseconds < $1.quietMilliseconds }!
        let heaviest = figures.shapes.max { $0.bytesPerNode < $1.bytesPerNode }!
        let printing = figures.shapes.flatMap { shaped in shaped.printing.map { (shaped, $0.format, $0.milliseconds * 1e6 / Double(shaped.nodes)) } }
        let worstPrinting = printing.max { $0.2 < $1.2 }!
        let json = figures.shapes.map { shaped in (shaped, shaped.quietMilliseconds + (shaped.printing.first { $0.format == "json" }?.milliseconds ?? 0)) }
        let slowestJSON = json.max { $0.1 < $1.1 }!
        let rate = Double(figures.batchRows * figures.batchNodes) / (figures.batchMilliseconds / 1000)
        let ratio = figures.exampleMilliseconds / figures.helloMilliseconds
        let ms = { (value: Double) in FixedPoint.format(value, decimals: 1) + " ms" }
        return [
            Check(verdict: judged(slowest.quietMilliseconds <= 100, large), target: names[0],
                  evidence: "slowest: \(slowest.shape.rawValue) \(slowest.nodes) nodes \(ms(slowest.quietMilliseconds)); "
                      + figures.shapes.map { "\($0.shape.rawValue) \(ms($0.quietMilliseconds))" }.joined(separator: ", ")),
            Check(verdict: judged(heaviest.bytesPerNode <= 60, large), target: names[1],
                  evidence: "worst: \(heaviest.shape.rawValue) \(FixedPoint.format(heaviest.bytesPerNode, decimals: 1)) bytes/node"),
            Check(verdict: judged(worstPrinting.2 <= 150, large), target: names[2],
                  evidence: "worst: \(worstPrinting.1) of \(worstPrinting.0.shape.rawValue) \(FixedPoint.format(worstPrinting.2, decimals: 0)) ns/node; "
                      + printing.filter { $0.0.shape == .wide }.map { "wide \($0.1) \(FixedPoint.format($0.2, decimals: 0))" }.joined(separator: ", ")),
            Check(verdict: judged(slowestJSON.1 <= 300, large), target: names[3],
                  evidence: "slowest: \(slowestJSON.0.shape.rawValue) \(ms(slowestJSON.1))"),
            Check(verdict: judged(figures.batchMilliseconds <= 700, figures.batchRows >= 1_000_000), target: names[4],
                  evidence: "\(figures.batchRows) rows x \(figures.batchNodes) nodes: \(ms(figures.batchMilliseconds))"),
            Check(verdict: rate >= 1e8 ? .pass : .miss, target: names[5],
                  evidence: "\(FixedPoint.format(rate / 1e6, decimals: 0)) million a second"),
            Check(verdict: ratio <= 1.5 ? .pass : .miss, target: names[6],
                  evidence: "best of \(ProcessTimer.startUpRuns), taken in turn: \(ms(figures.exampleMilliseconds)) vs \(ms(figures.helloMilliseconds)) (\(FixedPoint.format(ratio, decimals: 2))x)"),
        ]
    }
}
