import Foundation
import Testing

/// When the system refuses graddiff a thread (a pids or process limit), a large table,
/// JSON or CSV is written on the one thread it has, the same bytes, instead of waiting
/// for a thread that never runs; batch rows too. A shim preloaded in front of libc makes
/// every pthread_create fail with EAGAIN (before the fix, such a run hung).
@Suite struct ThreadRefusalTests {
    static let compiler = ["/usr/bin/cc", "/usr/bin/gcc", "/opt/swift/usr/bin/clang"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func outputsAndBatchRowsNeedNoSecondThread() throws {
        guard SkipNote.runs("thread refusal", unless: Self.compiler == nil ? "no C compiler for the shim" : nil),
              let compiler = Self.compiler else { return }
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let shim = directory.appendingPathComponent("refuse.so").path
        let source = directory.appendingPathComponent("refuse.c")
        try """
            #include <errno.h>
            #include <pthread.h>
            int pthread_create(pthread_t *thread, const pthread_attr_t *attributes,
                               void *(*start)(void *), void *argument) {
                (void)thread; (void)attributes; (void)start; (void)argument;
                return EAGAIN;
            }
            """.write(to: source, atomically: true, encoding: .utf8)
        let built = try GraddiffProcess.runExecutable(compiler, ["-shared", "-fPIC", "-o", shim, source.path])
        #expect(built.status == 0, "\(built.stderr)")
        // About 40,000 nodes: more chunks of rows than the writer keeps in flight.
        let expression = directory.appendingPathComponent("sum.gd")
        try (0..<10_000).map { "sin(x*\($0).5)" }.joined(separator: " + ").write(to: expression, atomically: true, encoding: .utf8)
        let rows = directory.appendingPathComponent("rows.csv")
        try ("x\n" + (0..<200_000).map { "\(Double($0) / 1000)\n" }.joined()).write(to: rows, atomically: true, encoding: .utf8)
        let runs: [[String]] = [["--format", "json", "-f", expression.path, "x=0.5"],
                                ["--format", "csv", "-f", expression.path, "x=0.5"],
                                ["-f", expression.path, "x=0.5"],
                                ["--batch", rows.path, "sin(x)*x"]]
        for arguments in runs {
            let normal = try GraddiffProcess.run(arguments)
            // timeout(1) ends a run that hangs (status 124) instead of the test.
            let refused = try GraddiffProcess.runExecutable("/usr/bin/timeout", ["60", GraddiffProcess.binary] + arguments,
                                                            environment: ["LD_PRELOAD": shim])
            #expect(normal.status == 0 && refused.status == 0, "\(arguments): \(refused.status) \(refused.stderr)")
            #expect(refused.stdout == normal.stdout, "\(arguments)")
        }
    }
}
