import Foundation
import Testing

/// The progress line of `graddiff minimize`, through the built binary. Both counters count
/// what is done: `step 6/10` is the loss after 6 updates, `epoch 3` after three whole
/// passes over the table; the epoch total appears when --epochs bounds the run.
@Suite struct MinimizeProgressTests {
    /// y = 2a, four rows; the tiny rate and --tol 0 keep the run going to its limit.
    static let table = "a,t\n1,2\n2,4\n3,6\n4,8\n"
    static let loss = ["(w*a - t)^2", "w=0", "--lr", "0.001", "--tol", "0"]

    /// The progress lines of a run with stderr piped, each up to its loss.
    func progressLines(_ options: [String], data: Bool = true) throws -> [String] {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("table.csv")
        try Self.table.write(to: path, atomically: true, encoding: .utf8)
        let result = try GraddiffProcess.run(["minimize"] + Self.loss + (data ? ["--data", path.path] : []) + options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# stopped at the step limit"), "\(result.stdout)")
        return result.stderr.split(separator: "\n").map { String($0.prefix(while: { $0 != "l" })) }
    }

    @Test func epochsCountPassesAndShowTheirTotal() throws {
        // Two batches of two rows per epoch: 5 epochs are 10 steps.
        let lines = try progressLines(["--batch-size", "2", "--epochs", "5", "--log-every", "3"])
        #expect(lines == ["epoch 0/5 step 0/10 ", "epoch 1/5 step 3/10 ", "epoch 3/5 step 6/10 ", "epoch 4/5 step 9/10 "])
    }

    @Test func stepsBoundTheRunWithoutAnEpochTotal() throws {
        // The whole table is the batch: an epoch is a step, and the counters agree.
        let lines = try progressLines(["--steps", "25", "--log-every", "10"])
        #expect(lines == ["epoch 0 step 0/25 ", "epoch 10 step 10/25 ", "epoch 20 step 20/25 "])
        let batches = try progressLines(["--batch-size", "3", "--steps", "7", "--log-every", "2"])
        #expect(batches == ["epoch 0 step 0/7 ", "epoch 1 step 2/7 ", "epoch 2 step 4/7 ", "epoch 3 step 6/7 "])
    }

    @Test func withoutDataOnlySteps() throws {
        let lines = try progressLines(["a=3", "t=6", "--steps", "25", "--log-every", "10"], data: false)
        #expect(lines == ["step 0/25 ", "step 10/25 ", "step 20/25 "])
    }

    @Test(.enabled(if: SkipNote.runs("the minimize terminal test", unless: TerminalSession.isAvailable ? nil : "tmux is not installed"),
                   "tmux is not installed"))
    func terminalLineCountsTheSameWay() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("table.csv")
        try Self.table.write(to: path, atomically: true, encoding: .utf8)
        let terminal = try TerminalSession(["minimize", "(w*a - t)^2", "w=0", "--lr", "1e-12", "--tol", "0",
                                            "--data", path.path, "--batch-size", "2", "--epochs", "100000000"],
                                           firstOutput: " loss ")
        let screen = try terminal.screen()
        let match = try #require(screen.firstMatch(of: #/epoch (\d+)/100000000 step (\d+)/200000000  loss /#),
                                 Comment(rawValue: screen))
        let (epoch, step) = (Int(match.1)!, Int(match.2)!)
        #expect(epoch == step / 2, "\(screen)")
        try terminal.press("C-c")
        #expect(try terminal.exitStatus() == 130)
    }
}
