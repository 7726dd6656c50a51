#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

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
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        pthread_cond_destroy(changed)
        lock.deallocate()
        changed.deallocate()
    }

    /// True for the first thread to ask: it does the work beside the rows.
    func takeAlongside() -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let first = !alongsideTaken
        alongsideTaken = true
        return first
    }

    /// The next chunk to make (its slot emptied), waiting while the window is full; nil
    /// when every chunk is claimed.
    func claim() -> Int? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while claimed < chunks, claimed - written >= window { pthread_cond_wait(changed, lock) }
        return takeNext()
    }

    /// For the writing thread: the next chunk in order once made, or else a chunk to make
    /// when one can be claimed, waiting otherwise; nil when every chunk is written.
    func nextToWrite() -> Step? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while written < chunks {
            if made[written % window] { return .write(written) }
            if claimed - written < window, let chunk = takeNext() { return .make(chunk) }
            pthread_cond_wait(changed, lock)
        }
        return nil
    }

    /// Marks `chunk` made.
    func markMade(_ chunk: Int) {
        pthread_mutex_lock(lock)
        made[chunk % window] = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// Marks `chunk` written, freeing its slot.
    func markWritten(_ chunk: Int) {
        pthread_mutex_lock(lock)
        made[chunk % window] = false
        written = chunk + 1
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    private func takeNext() -> Int? {
        guard claimed < chunks else { return nil }
        slots[claimed % window].bytes.removeAll()
        claimed += 1
        return claimed - 1
    }
}
