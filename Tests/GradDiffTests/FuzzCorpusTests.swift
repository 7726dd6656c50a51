import Foundation
import Testing
@testable import GradDiff

/// The fuzzers' seed corpora (Fuzz/) start from every case the tests know: each seed
/// example and each diagnostic case is a file of Fuzz/corpus (a program: an even first
/// byte, then the text), and each seed example with its bindings one of
/// Fuzz/corpus-program (the program, NUL, the bindings one per line). A case added
/// without its corpus file fails here; `GRADDIFF_WRITE_FUZZ_CORPUS=1 swift test
/// --filter FuzzCorpusTests` writes the missing files, to be committed.
struct FuzzCorpusTests {
    static let fuzz = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func contents(of folder: String) throws -> [[UInt8]] {
        let directory = fuzz.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).map {
            Array(try Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }

    /// A file name from a case's id: `seed-apple-and-tax-program`.
    static func fileName(_ prefix: String, _ id: String) -> String {
        prefix + "-" + id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }

    /// Checks that every input in `wanted` (file name → bytes) is in `folder`, writing
    /// the missing ones when asked to.
    static func expectCorpus(_ folder: String, holds wanted: [(String, [UInt8])], matching: ([UInt8], [UInt8]) -> Bool) throws {
        let present = try contents(of: folder)
        let missing = wanted.filter { name, bytes in !present.contains { matching($0, bytes) } }
        if ProcessInfo.processInfo.environment["GRADDIFF_WRITE_FUZZ_CORPUS"] == "1" {
            for (name, bytes) in missing {
                try Data(bytes).write(to: fuzz.appendingPathComponent(folder).appendingPathComponent(name))
            }
        }
        if !missing.isEmpty { Issue.record("Fuzz/\(folder) lacks \(missing.map(\.0))") }
    }

    @Test func theExpressionCorpusHoldsEverySeedAndDiagnosticCase() throws {
        let wanted = seedCases.map { (Self.fileName("seed", $0.id), [0x20] + Array($0.program.utf8)) }
            + diagnosticCases.map { (Self.fileName("diagnostic", $0.id), [0x20] + $0.bytes) }
        // A program is any even first byte (the fuzzer reads options from its other bits).
        try Self.expectCorpus("corpus", holds: wanted) { file, bytes in
            file.first.map { $0 & 1 == 0 } == true && file.dropFirst().elementsEqual(bytes.dropFirst())
        }
    }

    @Test func theProgramCorpusHoldsEverySeedWithItsBindings() throws {
        let wanted = seedCases.map { seed in
            (Self.fileName("seed", seed.id),
             Array(seed.program.utf8) + [0] + Array(seed.bindings.split(separator: " ").joined(separator: "\n").utf8))
        }
        try Self.expectCorpus("corpus-program", holds: wanted) { $0 == $1 }
    }
}
