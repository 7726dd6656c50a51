import ChildProcess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times the README's first example as a whole process, start-up included, since that
/// is what a person typing it waits for: `graddiff "(x+y)*z" x=1 y=3 z=-3`.
enum ReadmeExampleTimer {
    static let arguments = ["(x+y)*z", "x=1", "y=3", "z=-3"]
    static let runs = 20

    enum Outcome {
        case measured(medianMilliseconds: Double)
        case skipped(reason: String)
    }

    static func run() -> Outcome {
        guard let directory = ChildProcess.executableDirectory() else {
            return .skipped(reason: "cannot find this executable's directory")
        }
        let command = directory + "/graddiff"
        guard access(command, X_OK) == 0 else {
            return .skipped(reason: "no graddiff next to the benchmark; build it with `swift build -c release` first")
        }
        // One untimed run loads the binary and its libraries into the page cache.
        _ = runSilently(command, arguments)
        var milliseconds: [Double] = []
        for _ in 0..<runs {
            let (ending, nanoseconds) = MonotonicClock.measure { runSilently(command, arguments) }
            guard ending == .exited(0) else {
                return .skipped(reason: "\(command) \(arguments.joined(separator: " ")) did not exit 0 (\(describe(ending)))")
            }
            milliseconds.append(Double(nanoseconds) / 1e6)
        }
        milliseconds.sort()
        return .measured(medianMilliseconds: (milliseconds[runs / 2 - 1] + milliseconds[runs / 2]) / 2)
    }

    /// Runs `path` with `arguments`, stdout and stderr sent to /dev/null.
    private static func runSilently(_ path: String, _ arguments: [String]) -> ChildProcess.Ending? {
        try? ChildProcess.run(path, arguments, output: .discarded, discardingErrors: true).ending
    }

    private static func describe(_ ending: ChildProcess.Ending?) -> String {
        switch ending {
        case .exited(let status)?: return "exit status \(status)"
        case .signalled(let signal)?: return "signal \(signal)"
        case nil: return "could not start"
        }
    }
}
