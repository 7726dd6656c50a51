import Synchronization
import Testing
@testable import GradDiff

/// Rows made on several threads come out in order, each exactly once, whatever the
/// count, the threads and the sink's chunk size; the work beside them runs once, first.
@Suite struct ParallelRowsTests {
    /// Row i's bytes: its number and a line break.
    static func expected(_ count: Int) -> String {
        (0..<count).map { "\($0)\n" }.joined()
    }

    static func written(_ count: Int, threads: Int, chunkSize: Int?, alongside: (@Sendable () -> Void)? = nil,
                        before: (@Sendable (Range<Int>) -> Void)? = nil) -> String {
        var output: [UInt8] = []
        let collect = { (bytes: UnsafeBufferPointer<UInt8>) in output.append(contentsOf: bytes) }
        var buffer = chunkSize.map { ByteBuffer(chunkSize: $0, sink: collect) } ?? ByteBuffer()
        ParallelRows.write(count, threads: threads, to: &buffer, alongside: alongside) { range, buffer in
            before?(range)
            for i in range {
                buffer.appendInteger(i)
                buffer.append(UInt8(ascii: "\n"))
            }
        }
        if chunkSize == nil { return buffer.string() }
        buffer.flush()
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: [0, 1, 8191, 8192, 8193, 100_003])
    func rowsComeOutInOrder(count: Int) {
        for threads in [1, 2, 3, 5] {
            for chunkSize in [nil, 16, 1 << 20] as [Int?] {
                #expect(Self.written(count, threads: threads, chunkSize: chunkSize) == Self.expected(count),
                        "\(count) rows on \(threads) threads, chunk size \(chunkSize.map(String.init) ?? "none")")
            }
        }
    }

    /// The work beside the rows runs once, before any row waits on it: rows that wait for
    /// it (as rows wait for node texts) finish, and see it done.
    @Test func alongsideRunsOnceBeforeRowsThatWaitForIt() {
        for threads in [1, 2, 4] {
            let text = NodeText(unstarted: Self.chain(nodes: 50_000))
            let runs = Counter()
            let output = Self.written(50_000, threads: threads, chunkSize: 1 << 16, alongside: {
                runs.add()
                text.compose()
            }, before: { range in text.waitUntilComposed(through: range.upperBound - 1) })
            #expect(output == Self.expected(50_000))
            #expect(runs.value == 1)
            #expect(text[NodeID(49_999)] == NodeText(Self.chain(nodes: 50_000))[NodeID(49_999)])
            // Composing again does nothing: the texts stay, no segment is written twice.
            text.compose()
            #expect(text[NodeID(49_999)] == NodeText(Self.chain(nodes: 50_000))[NodeID(49_999)])
        }
    }

    /// Every index once, on any number of threads, with or without work beside.
    @Test func forEachRunsEveryIndexOnce() {
        for threads in [1, 2, 3] {
            for count in [0, 1, 2, 1000] {
                let seen = Counter(slots: count)
                Threads.forEach(count, threads: threads, alongside: { seen.add() }) { seen.add(at: $0) }
                #expect(seen.value == 1 && seen.slots.allSatisfy { $0 == 1 }, "\(count) on \(threads)")
            }
        }
    }

    /// x, then `x + 1`, `(x + 1) * 2`, ... : each node's text reads its input's, across segments.
    static func chain(nodes: Int) -> Tape {
        let span = SourceSpan(start: 0, end: 1)
        var builder = TapeBuilder()
        var node = builder.variable("x", at: span)
        while builder.tape.count < nodes {
            // Constants 0...6 merge: later nodes read texts from the first segment.
            let constant = builder.constant(Double(builder.tape.count % 7), at: span)
            node = builder.apply(builder.tape.count % 2 == 0 ? .add : .multiply, node, constant, at: span)
        }
        return builder.tape
    }

    /// Counts calls from any thread, under a lock.
    final class Counter: Sendable {
        private let counts: Mutex<(value: Int, slots: [Int])>

        init(slots: Int = 0) { counts = Mutex((0, Array(repeating: 0, count: slots))) }

        var value: Int { counts.withLock { $0.value } }
        var slots: [Int] { counts.withLock { $0.slots } }
        func add() { counts.withLock { $0.value += 1 } }
        func add(at index: Int) { counts.withLock { $0.slots[index] += 1 } }
    }
}
