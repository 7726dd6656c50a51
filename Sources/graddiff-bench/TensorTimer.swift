import ChildProcess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole-process targets of vectors and matrices, run with the `graddiff` beside the
/// benchmark: the 784-128-10 network's value and every gradient (`graddiff -f net.gd`,
/// its table), and `graddiff minimize` training the 4-16-3 classifier on 150 rows for
/// 100 epochs. Each is the median of several runs; the programs are written to a
/// temporary directory.
enum TensorTimer {
    static let runs = 7

    enum Outcome {
        case measured(network: Double, networkKilobytes: Int, minimize: Double)
        case skipped(reason: String)
    }

    static let minimizeArguments = ["--optimizer", "adam", "--lr", "0.05", "--epochs", "100", "--batch-size", "10", "--seed", "1", "-q"]

    static func run() -> Outcome {
        guard let directory = ChildProcess.executableDirectory() else { return .skipped(reason: "cannot find this executable's directory") }
        let command = directory + "/graddiff"
        guard access(command, X_OK) == 0 else {
            return .skipped(reason: "no graddiff next to the benchmark; build it with `swift build -c release` first")
        }
        var template = Array("/tmp/graddiff-bench-XXXXXX".utf8CString)
        guard let folder = mkdtemp(&template).map({ String(cString: $0) }) else { return .skipped(reason: "cannot make a temporary directory") }
        defer {
            for name in ["net.gd", "classifier.gd", "classes.csv"] { unlink(folder + "/" + name) }
            rmdir(folder)
        }
        let network = folder + "/net.gd", classifier = folder + "/classifier.gd", classes = folder + "/classes.csv"
        guard write(TensorNetwork.program(inputs: TensorNetwork.imageWidth), to: network),
              write(Array(TensorNetwork.classifier.utf8), to: classifier), write(Array(TensorNetwork.classes().utf8), to: classes)
        else { return .skipped(reason: "cannot write the programs to \(folder)") }
        guard let (networkTime, kilobytes) = median(command, ["-f", network]),
              let (minimizeTime, _) = median(command, ["minimize", "-f", classifier, "--data", classes] + minimizeArguments)
        else { return .skipped(reason: "graddiff did not exit 0 on the tensor programs") }
        return .measured(network: networkTime, networkKilobytes: kilobytes, minimize: minimizeTime)
    }

    /// `command` run with its output thrown away: how it ended and its peak resident size.
    private static func runSilentlyMeasuringMemory(_ command: String, _ arguments: [String]) -> (ChildProcess.Ending, Int)? {
        (try? ChildProcess.run(command, arguments, output: .discarded, discardingErrors: true))
            .map { ($0.ending, $0.peakKilobytes) }
    }

    /// The median wall time in milliseconds of `runs` runs, and the largest peak resident size.
    private static func median(_ command: String, _ arguments: [String]) -> (Double, Int)? {
        _ = runSilentlyMeasuringMemory(command, arguments)
        var times: [Double] = []
        var peak = 0
        for _ in 0..<runs {
            let (outcome, nanoseconds) = MonotonicClock.measure { runSilentlyMeasuringMemory(command, arguments) }
            guard let (ending, kilobytes) = outcome, ending == .exited(0) else { return nil }
            times.append(Double(nanoseconds) / 1e6)
            peak = max(peak, kilobytes)
        }
        return (times.sorted()[runs / 2], peak)
    }

    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }
}
