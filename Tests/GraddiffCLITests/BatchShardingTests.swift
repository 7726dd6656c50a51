import Foundation
import Testing

/// Batch rows in chunks on several threads, and across processes with the tools a Unix
/// user shards with (GNU parallel, split): the rows come out whole and in input order,
/// errors name the right line, and a sharded run prints what a single run prints.
@Suite struct BatchShardingTests {
    static let model = "0.5*tanh(0.3*x1 - 0.2*x2 + 0.1) + 0.7*sigmoid(-0.4*x1 + 0.9*x2) - 0.25*x1*x2"

    /// `count` rows of two inputs, varied, reproducible.
    static func table(rows count: Int) -> String {
        var text = "x1,x2\n"
        for row in 0..<count {
            let a = Double((row * 7_919) % 20_000) / 10_000 - 1
            let b = Double((row * 104_729) % 20_000) / 10_000 - 1
            text += "\(a),\(b)\n"
        }
        return text
    }

    static func directory() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("graddiff-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A table of several chunks: one thread or many, the same bytes out.
    @Test func threadsChangeNothingButSpeed() throws {
        let input = Self.table(rows: 60_000)
        let one = try GraddiffProcess.run(["--batch", "-", "--threads", "1", Self.model], input: input)
        let many = try GraddiffProcess.run(["--batch", "-", "--threads", "3", Self.model], input: input)
        #expect(one.status == 0 && many.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 60_001)
        #expect(many.stdout == one.stdout)
    }

    /// Errors deep in a long table name their line, in order with the rows around them.
    @Test func errorsAcrossChunksNameTheirLines() throws {
        var lines = Self.table(rows: 50_000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[20_001] = "oops,1"  // line 20,002 of the file
        lines[45_001] = "1,2,3"  // line 45,002
        let input = lines.joined(separator: "\n")
        for threads in ["1", "2"] {
            let kept = try GraddiffProcess.run(["--batch", "-", "--keep-going", "--threads", threads, Self.model], input: input)
            #expect(kept.status == 65)
            #expect(kept.stdout.split(separator: "\n").count == 49_999)
            #expect(kept.stderr.contains("<stdin>:20002:") && kept.stderr.contains("<stdin>:45002:"))
            #expect(kept.stderr.range(of: "20002")!.lowerBound < kept.stderr.range(of: "45002")!.lowerBound)
            let stopped = try GraddiffProcess.run(["--batch", "-", "--threads", threads, Self.model], input: input)
            #expect(stopped.status == 65)
            #expect(stopped.stdout.split(separator: "\n").count == 20_001, "the header and the rows before line 20,002")
            #expect(stopped.stderr.contains("<stdin>:20002:") && !stopped.stderr.contains("45002"))
        }
    }

    @Test func threadsIsForBatchOnly() throws {
        let alone = try GraddiffProcess.run(["--threads", "2", "x*y", "x=1", "y=2"])
        #expect(alone.status == 64 && alone.stderr.contains("--threads applies to --batch"))
        let zero = try GraddiffProcess.run(["--batch", "-", "--threads", "0", "x"], input: "x\n1\n")
        #expect(zero.status == 64 && zero.stderr.contains("--threads must be a whole number from 1 to 1024"))
    }

    /// The README's recipe: GNU parallel hands each process a block of rows with the
    /// header (`--header :`) and prints the outputs in input order (`--keep-order`); awk
    /// keeps the first header. On 10^5 rows it prints exactly what one run prints.
    @Test(.enabled(if: SkipNote.runs("the GNU parallel test", unless: Self.hasParallel ? nil : "GNU parallel is not installed")))
    func gnuParallelShardsLikeOneRun() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.table(rows: 100_000).write(to: directory.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        try Self.model.write(to: directory.appendingPathComponent("model.gd"), atomically: true, encoding: .utf8)
        let single = try GraddiffProcess.run(["-f", directory.appendingPathComponent("model.gd").path, "--batch",
                                              directory.appendingPathComponent("rows.csv").path])
        let script = """
            cd '\(directory.path)' && parallel --will-cite --pipe --block 200k --header : --keep-order \
            graddiff -f model.gd --batch - < rows.csv | awk 'NR == 1 { h = $0 } NR == 1 || $0 != h'
            """
        let sharded = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
        #expect(sharded.status == 0, "\(sharded.stderr)")
        #expect(single.stdout.split(separator: "\n").count == 100_001)
        #expect(sharded.stdout == single.stdout)
    }

    /// Sharding by hand with split (for other machines): each piece gets the header back
    /// (`--filter`), and the pieces' outputs, joined in order, are one run's output.
    @Test func splitShardsLikeOneRun() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.table(rows: 30_000).write(to: directory.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        let single = try GraddiffProcess.run(["--batch", directory.appendingPathComponent("rows.csv").path, Self.model])
        let script = """
            cd '\(directory.path)' && tail -n +2 rows.csv | split -l 7000 \
            --filter="{ head -n 1 rows.csv; cat; } | graddiff --batch - '\(Self.model)' > \\$FILE.csv" - part- \
            && cat part-*.csv | awk 'NR == 1 { h = $0 } NR == 1 || $0 != h'
            """
        let sharded = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
        #expect(sharded.status == 0, "\(sharded.stderr)")
        #expect(sharded.stdout == single.stdout)
    }

    static let hasParallel = FileManager.default.isExecutableFile(atPath: "/usr/bin/parallel")
}
