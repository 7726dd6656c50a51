import CMemory

/// Memory freed during a run kept for the run's later allocations, instead of handed
/// back to the system and asked for again.
///
/// By default glibc gives every block of more than a few megabytes its own mapping and
/// unmaps it when freed; the next large block is then fresh memory, each page faulted
/// and zeroed by the kernel (a quarter of a million-node run is spent so). With large
/// blocks taken from the heap, the values and gradients of the passes reuse the memory
/// of the parser's index of nodes, freed just before them: 6% off a deep expression
/// of 10^6 nodes, as measured (`graddiff-bench`).
public enum FreedMemory {
    /// Blocks smaller than this come from the heap (the most glibc allows: larger
    /// ones still get mappings of their own).
    static let heapBlockLimit: Int32 = 32 << 20
    /// How much free memory the heap keeps at its end before it gives some back.
    static let keptFreeBytes: Int32 = 256 << 20

    /// Sets the allocator's policy for the process (the command calls it first thing);
    /// false when the C library refused it (or is not glibc), which changes only speed.
    @discardableResult
    public static func keepForReuse() -> Bool {
        graddiff_keep_freed_memory(heapBlockLimit, keptFreeBytes) != 0
    }
}
