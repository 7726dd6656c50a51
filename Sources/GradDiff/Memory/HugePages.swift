#if canImport(Glibc)
import Glibc
#endif

/// Arrays of megabytes asked of the kernel in 2 MB pages (transparent huge pages, where
/// the system allows them on request): filling 8 MB of 4 KB pages takes 2048 page faults,
/// each zeroing a page and returning; 2 MB pages take four. On a million-node tape that
/// was a tenth of a whole run. Only the 2 MB blocks wholly inside an array are asked for,
/// so no memory beyond the array is ever touched: the peak stays what it was.
public enum HugePages {
    static let size = 2 << 20

    /// Asks for 2 MB pages for the blocks of `buffer` that hold whole ones; nothing on a
    /// system without them, and nothing for a buffer smaller than two.
    public static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(first, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// An array of `count` copies of `value`, in 2 MB pages where they fit.
    public static func array<Element: BitwiseCopyable>(repeating value: Element, count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
