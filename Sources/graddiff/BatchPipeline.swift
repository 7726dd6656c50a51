import GradDiff

/// Batch rows on every core: the table is read in chunks of whole lines, each round's
/// chunks are evaluated at once on `threads` threads (each with its own copy of the
/// evaluator: the graph is shared, the buffers are not), and the results are written
/// in input order, each chunk with one write(2). Memory stays bounded by a round
/// (a few megabytes), whatever the table's length, and a pipe that delivers rows slowly
/// gets each round's rows as soon as they are evaluated, before graddiff waits again.
struct BatchPipeline {
    var input: BatchInput
    var evaluators: [BatchEvaluator]
    let keepGoing: Bool
    /// The bytes a round aims at per thread, and the size of a chunk within it.
    static let chunkSize = 1 << 18
    static let chunksPerThread = 2
    /// Rows whose value or a printed gradient was nan or infinite, and the line of the first.
    private(set) var nonFiniteRows = 0
    private(set) var firstNonFiniteLine = 0

    init(input: BatchInput, evaluator: BatchEvaluator, threads: Int, keepGoing: Bool) {
        self.input = input
        evaluators = Array(repeating: evaluator, count: Swift.max(1, threads))
        self.keepGoing = keepGoing
    }

    /// Evaluates every row, writing output rows to stdout and row errors and warnings to
    /// stderr (through `report`, with the line's number and text) in the order they
    /// happen; returns the number of failed rows, or throws when the input fails (not
    /// text, unreadable, a line over 2 GiB).
    mutating func run(report: (DelimitedText.RowError, Diagnostic.Severity, _ line: Int, _ text: String) -> Void)
        throws(InputFile.Failure) -> Int {
        var failures = 0
        while true {
            let target = Self.chunkSize * Self.chunksPerThread * evaluators.count
            let (lines, textFailure) = try input.nextLines(atLeast: target)
            if lines.isEmpty, textFailure == nil { return failures }
            for result in evaluate(lines) {
                if let line = result.firstNonFiniteLine, nonFiniteRows == 0 { firstNonFiniteLine = input.lineNumber + 1 + line }
                nonFiniteRows += result.nonFiniteRows
                for warning in result.warnings {
                    report(warning.warning, .warning, input.lineNumber + 1 + warning.line, warning.text)
                }
                var written = 0
                for failure in result.failures {
                    writeOut(result.output[written..<failure.outputLength])
                    written = failure.outputLength
                    report(failure.error, .error, input.lineNumber + 1 + failure.line, failure.text)
                    failures += 1
                    if !keepGoing { return failures }
                }
                writeOut(result.output[written...])
                input.lineNumber += result.lines
            }
            if let textFailure { throw textFailure }
        }
    }

    /// Evaluates the chunks of `lines` on the threads; the results in input order.
    private mutating func evaluate(_ lines: BatchLines) -> [BatchEvaluator.ChunkResult] {
        let chunks = lines.chunks(size: Self.chunkSize)
        // No rows before the failure (a round whose first line is not text): nothing to run.
        guard !chunks.isEmpty else { return [] }
        var results = [BatchEvaluator.ChunkResult](repeating: .init(), count: chunks.count)
        let stopAtFailure = !keepGoing
        lines.bytes.withUnsafeBufferPointer { bytes in
            results.withUnsafeMutableBufferPointer { results in
                evaluators.withUnsafeMutableBufferPointer { evaluators in
                    if chunks.count == 1 {
                        results[0] = evaluators[0].evaluate(chunk: UnsafeBufferPointer(rebasing: bytes[chunks[0]]),
                                                             stopAtFailure: stopAtFailure)
                        return
                    }
                    // Thread t takes chunks t, t + threads, …: each evaluator has one thread.
                    let threads = Swift.min(evaluators.count, chunks.count)
                    let shared = SharedBuffers(bytes: bytes, results: results, evaluators: evaluators, chunks: chunks)
                    Threads.perform(threads) { thread in
                        for index in stride(from: thread, to: shared.chunks.count, by: threads) {
                            let chunk = UnsafeBufferPointer(rebasing: shared.bytes[shared.chunks[index]])
                            shared.results[index] = shared.evaluators[thread].evaluate(chunk: chunk, stopAtFailure: stopAtFailure)
                        }
                    }
                }
            }
        }
        return results
    }

    private func writeOut(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { StandardStreams.writeOut($0) }
    }
}

/// What the threads of a round share. Each thread writes only its own evaluator and the
/// results of its own chunks, and reads the bytes, so no two touch the same memory.
private struct SharedBuffers: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let results: UnsafeMutableBufferPointer<BatchEvaluator.ChunkResult>
    let evaluators: UnsafeMutableBufferPointer<BatchEvaluator>
    let chunks: [Range<Int>]
}
