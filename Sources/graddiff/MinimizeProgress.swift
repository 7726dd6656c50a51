import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress display on stderr. On a terminal: one line rewritten in place with '\r'
/// (epoch and step, loss, gradient norm, a bar, the rate and the time left), at most ten
/// times a second. Otherwise: one plain line every `--log-every` steps.
///
/// Both counters count what is done, as the history's step column does: `step 40/1000`
/// is the loss after 40 updates, `epoch 5` after five whole passes over the table.
struct MinimizeProgress {
    let onTerminal: Bool
    let logEvery: Int
    /// Steps per epoch when training on data (the line then counts epochs too), else nil.
    let stepsPerEpoch: Int?
    /// The `--epochs` limit, when the run is bounded by epochs rather than `--steps`.
    let epochLimit: Int?
    private let started = MinimizeProgress.now()
    private var lastDrawn = -1.0
    private var drewLine = false

    init(onTerminal: Bool, logEvery: Int, stepsPerEpoch: Int?, epochLimit: Int?) {
        self.onTerminal = onTerminal
        self.logEvery = logEvery
        self.stepsPerEpoch = stepsPerEpoch
        self.epochLimit = epochLimit
    }

    mutating func show(_ report: ProgressReport) {
        if !onTerminal {
            guard report.step % logEvery == 0 else { return }
            StandardStreams.writeError("\(position(report)) loss \(number(report.loss)) gradient_norm \(number(report.gradientNorm))\n")
            return
        }
        let time = MinimizeProgress.now()
        guard time - lastDrawn >= 0.1 else { return }
        lastDrawn = time
        let elapsed = time - started
        let fraction = report.stepLimit > 0 ? Double(report.step) / Double(report.stepLimit) : 1
        let filled = Int(fraction * 20)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
        let rate = elapsed > 0 ? Double(report.step) / elapsed : 0
        let remaining = rate > 0 ? Double(report.stepLimit - report.step) / rate : 0
        let line = "\(position(report))  loss \(number(report.loss))  |grad| \(number(report.gradientNorm))  [\(bar)] \(Int(fraction * 100))%  \(Int(rate)) steps/s  ETA \(duration(remaining))"
        StandardStreams.writeError("\r" + line + "\u{1B}[K")
        drewLine = true
    }

    /// Clears the in-place line before the summary.
    func finish() {
        if drewLine { StandardStreams.writeError("\r\u{1B}[K") }
    }

    /// `step 40/1000`; on data `epoch 5/100 step 40/800` (`epoch 5 step 40/1000` under
    /// `--steps`, where the last epoch may be cut short).
    private func position(_ report: ProgressReport) -> String {
        let step = "step \(report.step)/\(report.stepLimit)"
        guard let stepsPerEpoch, stepsPerEpoch > 0 else { return step }
        let epochs = report.step / stepsPerEpoch
        return "epoch \(epochs)\(epochLimit.map { "/\($0)" } ?? "") \(step)"
    }

    private func number(_ value: Double) -> String {
        NumberFormat.significant(value, digits: 6)
    }

    private func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? "\(whole / 3600)h\(whole % 3600 / 60)m" : "\(whole / 60):\(String(whole % 60).leftPadded(2))"
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
