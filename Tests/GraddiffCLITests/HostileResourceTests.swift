import Foundation
import Testing

extension HostileInputTests {
    /// The machine's limits: an endless input stops at 2 GiB, and a full disk leaves no
    /// partial file.
    @Suite struct HostileResourceTests {
        /// An endless input: reading stops at the 2 GiB limit with status 66, for a file, a
        /// batch table and a piped session (whose lines are read one by one).
        @Test(arguments: [["-f", "/dev/zero"], ["--batch", "/dev/zero", "x"], ["--keep-going"]])
        func anEndlessInputStopsAtTheLimit(_ arguments: [String]) throws {
            let binary = try HostileInputTests.releaseBinary.get()
            let script = "exec '\(binary)' \(arguments.map { "'\($0)'" }.joined(separator: " ")) < /dev/zero"
            let started = Date()
            let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
            print("endless input \(arguments): status \(result.status), \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            #expect(result.status == 66, "\(result.stderr.prefix(300))")
            #expect(result.stderr.contains("larger than 2 GiB, which graddiff does not read"), "\(result.stderr.prefix(300))")
        }

        /// A full disk, simulated by a file size limit (`ulimit -f`, with SIGXFSZ ignored so
        /// that writes fail with EFBIG as they would with ENOSPC): a clear error, status 74,
        /// and no file (finished or temporary) left behind.
        @Test(arguments: [
            ["--render", "out.svg", "(x+y)*z", "x=1", "y=3", "z=-3"],
            ["minimize", "--steps", "300", "--history", "out.csv", "(w-3)^2", "w=0"],
            ["minimize", "--steps", "300", "--plot", "out.svg", "(w-3)^2", "w=0"],
        ])
        func aFullDiskLeavesNoPartialFile(_ arguments: [String]) throws {
            let directory = try GraddiffProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
            // Only graddiff runs under the limit; its messages go through a pipe, which has none.
            let script = "cd '\(directory.path)' && trap '' XFSZ && { ulimit -f 1; exec '\(GraddiffProcess.binary)' \(quoted) 2>&1; } | cat; exit ${PIPESTATUS[0]}"
            let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
            #expect(result.status == 74, "\(result.stdout.suffix(300))")
            #expect(result.stdout.contains("cannot write 'out."))
            #expect(result.stdout.contains("File too large"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }
}
