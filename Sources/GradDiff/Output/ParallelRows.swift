/// The rows of a large output made on every core and written in order. Rows are made a
/// chunk at a time: each thread takes the next chunk, makes it into a buffer of its own,
/// and the calling thread appends the buffers to the output in order of the rows (each
/// to the sink as it is, uncopied). A row depends only on data no thread writes (the
/// pass result, node texts once composed), so any thread can make any row, and the
/// bytes are the ones one thread would write. At most `window` chunks are made ahead of
/// the one being written, so memory stays a few megabytes, whatever the count.
enum ParallelRows {
    /// Rows a chunk: a segment of node texts, about a megabyte of JSON.
    static let rowsPerChunk = NodeTextStore.segmentSize

    /// Calls `rows` on consecutive chunks covering `0..<count`, on up to `threads`
    /// threads (by default `Threads.available`, asked only when there are several
    /// chunks), appending what each writes to `buffer` in order of the rows. `alongside`,
    /// if given, runs first on one of the other threads (composing the texts the rows
    /// wait for), or first of all with one thread (or when no other thread starts).
    static func write(_ count: Int, threads: Int? = nil, to buffer: inout ByteBuffer,
                      alongside: (@Sendable () -> Void)? = nil,
                      _ rows: @escaping @Sendable (Range<Int>, inout ByteBuffer) -> Void) {
        let chunkCount = (count + rowsPerChunk - 1) / rowsPerChunk
        @Sendable func range(_ chunk: Int) -> Range<Int> { chunk * rowsPerChunk..<Swift.min(count, (chunk + 1) * rowsPerChunk) }
        // Everything on this thread, in order: a small output, one core, or no thread to be had.
        func inOrder() {
            alongside?()
            for chunk in 0..<chunkCount {
                rows(range(chunk), &buffer)
                buffer.flushIfFull()
            }
        }
        guard chunkCount > 1, case let threads = threads ?? Threads.available, threads > 1 else { return inOrder() }
        let queue = ChunkQueue(chunks: chunkCount, window: 2 * threads)
        Threads.perform(threads, others: { _ in
            // The first thread to start does the work beside the rows before taking chunks.
            if queue.takeAlongside() { alongside?() }
            while let chunk = queue.claim() {
                rows(range(chunk), &queue.slots[chunk % queue.window].bytes)
                queue.markMade(chunk)
            }
        }, here: { started in
            guard started > 0 else { return inOrder() }
            // This thread alone writes to `buffer`: the next chunk in order once it is
            // made, and makes chunks itself while that one is not.
            while let next = queue.nextToWrite() {
                switch next {
                case .write(let chunk):
                    buffer.append(queue.slots[chunk % queue.window].bytes)
                    queue.markWritten(chunk)
                case .make(let chunk):
                    rows(range(chunk), &queue.slots[chunk % queue.window].bytes)
                    queue.markMade(chunk)
                }
            }
        })
    }
}
