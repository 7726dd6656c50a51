/// The project's performance targets, judged against the figures. A miss is reported,
/// never turned into a failing exit status: the figures depend on the machine and on
/// whatever else it is running.
enum Targets {
    enum Verdict: String {
        case pass = "PASS"
        case miss = "MISS"
        case notMeasured = "----"
    }

    struct Check {
        var verdict: Verdict
        var target: String
        var evidence: String
    }

    /// Sizes whose memory growth is judged: below this the growth is a few pages, within
    /// the noise of the allocator reusing memory the process already had.
    static let smallestSizeForMemory = 100_000
    /// Sizes whose backward/forward ratio is judged: below this both passes take a few
    /// microseconds and the ratio is mostly allocation overhead.
    static let smallestSizeForRatio = 10_000

    static func check(_ measurements: [Measurement], readmeExample: ReadmeExampleTimer.Outcome) -> [Check] {
        [millionNodesInOneSecond(measurements), backwardWithinThreeForwards(measurements),
         memoryPerNode(measurements), readmeExampleStartup(readmeExample)]
    }

    private static func millionNodesInOneSecond(_ measurements: [Measurement]) -> Check {
        let target = "10^6 nodes: parse + forward + backward < 1 s"
        let large = measurements.filter { $0.requestedNodes >= 1_000_000 }
        guard let slowest = large.max(by: { $0.totalNanoseconds < $1.totalNanoseconds }) else {
            return Check(verdict: .notMeasured, target: target, evidence: "no 10^6 size measured (--quick or --sizes)")
        }
        return Check(verdict: slowest.totalNanoseconds < 1_000_000_000 ? .pass : .miss, target: target,
                     evidence: "slowest: \(name(slowest)) \(ResultsTable.milliseconds(slowest.totalNanoseconds)) ms")
    }

    private static func backwardWithinThreeForwards(_ measurements: [Measurement]) -> Check {
        let target = "backward <= 3 x forward"
        let judged = measurements.filter { $0.requestedNodes >= smallestSizeForRatio }
        guard let worst = judged.max(by: { $0.backwardPerForward < $1.backwardPerForward }) else {
            return Check(verdict: .notMeasured, target: target, evidence: "no size of 10^4 nodes or more measured")
        }
        return Check(verdict: worst.backwardPerForward <= 3 ? .pass : .miss, target: target,
                     evidence: "worst: \(name(worst)) \(FixedPoint.format(worst.backwardPerForward, decimals: 2))x (sizes >= 10^4)")
    }

    private static func memoryPerNode(_ measurements: [Measurement]) -> Check {
        let target = "peak memory beyond the text < 100 bytes/node"
        let judged = measurements.filter { $0.requestedNodes >= smallestSizeForMemory }
        guard let worst = judged.max(by: { $0.bytesPerNode < $1.bytesPerNode }) else {
            return Check(verdict: .notMeasured, target: target, evidence: "no size of 10^5 nodes or more measured")
        }
        return Check(verdict: worst.bytesPerNode < 100 ? .pass : .miss, target: target,
                     evidence: "worst: \(name(worst)) \(FixedPoint.format(worst.bytesPerNode, decimals: 1)) bytes/node (sizes >= 10^5)")
    }

    private static func readmeExampleStartup(_ outcome: ReadmeExampleTimer.Outcome) -> Check {
        let target = "README example < 10 ms per process"
        switch outcome {
        case .measured(let median):
            return Check(verdict: median < 10 ? .pass : .miss, target: target,
                         evidence: "median of \(ReadmeExampleTimer.runs): \(FixedPoint.format(median, decimals: 2)) ms")
        case .skipped(let reason):
            return Check(verdict: .notMeasured, target: target, evidence: "skipped: \(reason)")
        }
    }

    /// The targets for vectors and matrices: the 784-128-10 network's value and
    /// every gradient in ≤ 100 ms as a whole process and ≤ 100 bytes of peak memory per
    /// scalar node; minimize on the 4-16-3 classifier for 100 epochs in ≤ 1 s.
    static func tensorChecks(network: Measurement?, _ outcome: TensorTimer.Outcome) -> [Check] {
        var checks: [Check] = []
        let memory = "784-128-10 network: peak memory < 100 bytes/node"
        if let network {
            checks.append(Check(verdict: network.bytesPerNode <= 100 ? .pass : .miss, target: memory,
                                evidence: "\(FixedPoint.format(network.bytesPerNode, decimals: 1)) bytes/node over \(network.nodes) nodes"))
        } else {
            checks.append(Check(verdict: .notMeasured, target: memory, evidence: "the measuring child failed"))
        }
        let process = "784-128-10 network: value and every gradient <= 100 ms per process"
        let training = "minimize 4-16-3 classifier, 150 rows, 100 epochs <= 1 s"
        switch outcome {
        case .measured(let time, _, let minimize):
            checks.append(Check(verdict: time <= 100 ? .pass : .miss, target: process,
                                evidence: "median of \(TensorTimer.runs): \(FixedPoint.format(time, decimals: 1)) ms"))
            checks.append(Check(verdict: minimize <= 1000 ? .pass : .miss, target: training,
                                evidence: "median of \(TensorTimer.runs): \(FixedPoint.format(minimize, decimals: 1)) ms"))
        case .skipped(let reason):
            checks.append(Check(verdict: .notMeasured, target: process, evidence: "skipped: \(reason)"))
            checks.append(Check(verdict: .notMeasured, target: training, evidence: "skipped: \(reason)"))
        }
        return checks
    }

    private static func name(_ measurement: Measurement) -> String {
        "\(measurement.shape.rawValue) \(measurement.nodes) nodes"
    }
}
