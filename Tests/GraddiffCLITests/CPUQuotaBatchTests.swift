import Foundation
import Testing

/// A batch in a control group whose CPU quota is one core starts no second thread, where
/// on two cores it starts one (strace counts the threads it creates). Needs root, two
/// cores, strace, and cgroup v1's cpu controller at /sys/fs/cgroup/cpu, as on the CI
/// machine; cgroup v2 and the files of both are covered by `CPUQuotaTests`.
@Suite struct CPUQuotaBatchTests {
    static let controller = "/sys/fs/cgroup/cpu"
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var missing: String? {
        if ProcessInfo.processInfo.activeProcessorCount < 2 { return "needs two cores" }
        if strace == nil { return "strace is not installed" }
        if !FileManager.default.isWritableFile(atPath: controller + "/cgroup.procs") {
            return "no writable cgroup v1 cpu controller at \(controller)"
        }
        return nil
    }

    /// The threads `graddiff --batch` creates, in the group `group` if given.
    static func threadsStarted(rows: URL, trace: URL, group: String?) throws -> Int {
        let join = group.map { "echo $$ > '\($0)/cgroup.procs' && " } ?? ""
        let command = join + "exec '\(strace!)' -f -qq -e trace=clone,clone3 -o '\(trace.path)' '\(GraddiffProcess.binary)' --batch '\(rows.path)' -q 'x^2' > /dev/null"
        let result = try GraddiffProcess.runExecutable("/bin/sh", ["-c", command])
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").filter { $0.contains("clone") }.count
    }

    @Test(.enabled(if: SkipNote.runs("CPUQuotaBatchTests", unless: missing)))
    func aOneCoreQuotaStartsNoSecondThread() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        let group = Self.controller + "/graddiff-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer {
            try? FileManager.default.removeItem(at: directory)
            rmdir(group)
        }
        let rows = directory.appendingPathComponent("rows.csv")
        try ("x\n" + (0..<200_000).map { String(Double($0) / 1000) }.joined(separator: "\n") + "\n")
            .write(to: rows, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: group, withIntermediateDirectories: false)
        try "100000".write(toFile: group + "/cpu.cfs_period_us", atomically: false, encoding: .utf8)
        try "100000".write(toFile: group + "/cpu.cfs_quota_us", atomically: false, encoding: .utf8)
        let trace = directory.appendingPathComponent("trace")
        #expect(try Self.threadsStarted(rows: rows, trace: trace, group: nil) >= 1)
        #expect(try Self.threadsStarted(rows: rows, trace: trace, group: group) == 0)
    }
}
