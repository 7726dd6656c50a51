/// The bookkeeping of `ParallelRows`: which chunk is made next, which are made and which
/// is written next, under one lock. A chunk is made into the slot `chunk % window`,
/// which is free because no chunk is claimed `window` or more ahead of the one written.
final class ChunkQueue: @unchecked Sendable {
    let chunks: Int
    let window: Int
    /// One buffer per slot, reused from chunk to chunk so its memory is touched once.
    let slots: [Slot]
    private var alongsideTaken = false
    private var claimed = 0
    private var written = 0
    private var made: [Bool]
    private let monitor = Monitor()

    final class Slot: @unchecked Sendable {
        var bytes = ByteBuffer()
    }

    enum Step {
        case write(Int), make(Int)
    }

    init(chunks: Int, window: Int) {
        self.chunks = chunks
        self.window = window
        slots = (0..<window).map { _ in Slot() }
        made = Array(repeating: false, count: window)
    }

    /// True for the first thread to ask: it does the work beside the rows.
    func takeAlongside() -> Bool {
        monitor.locked {
            defer { alongsideTaken = true }
            return !alongsideTaken
        }
    }

    /// The next chunk to make (its slot emptied), waiting while the window is full; nil
    /// when every chunk is claimed.
    func claim() -> Int? {
        monitor.locked {
            while claimed < chunks, claimed - written >= window { monitor.wait() }
            return takeNext()
        }
    }

    /// For the writing thread: the next chunk in order once made, or else a chunk to make
    /// when one can be claimed, waiting otherwise; nil when every chunk is written.
    func nextToWrite() -> Step? {
        monitor.locked {
            while written < chunks {
                if made[written % window] { return .write(written) }
                if claimed - written < window, let chunk = takeNext() { return .make(chunk) }
                monitor.wait()
            }
            return nil
        }
    }

    /// Marks `chunk` made.
    func markMade(_ chunk: Int) {
        monitor.locked {
            made[chunk % window] = true
            monitor.wakeAll()
        }
    }

    /// Marks `chunk` written, freeing its slot.
    func markWritten(_ chunk: Int) {
        monitor.locked {
            made[chunk % window] = false
            written = chunk + 1
            monitor.wakeAll()
        }
    }

    private func takeNext() -> Int? {
        guard claimed < chunks else { return nil }
        slots[claimed % window].bytes.removeAll()
        claimed += 1
        return claimed - 1
    }
}
