#if canImport(Glibc)
import Glibc
#endif

/// Arrays of megabytes asked of the kernel in 2 MB pages (transparent huge pages, where
/// the system allows them on request): filling 8 MB of 4 KB pages takes 2048 page faults,
/// each zeroing a page and returning; 2 MB pages take four. On a million-node tape the
/// faults were a fifth to a third of a whole run. Only the 2 MB blocks wholly inside an
/// array's storage are asked for: an array filled at once touches nothing beyond itself,
/// and one that grows into reserved room (`reserve`) at most the rest of one 2 MB page.
public enum HugePages {
    static let size = 2 << 20

    /// Asks for 2 MB pages for the blocks of `buffer` that hold whole ones; nothing on a
    /// system without them, and nothing for a buffer smaller than one.
    public static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= size, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(first, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Room for `capacity` elements in `array`, in 2 MB pages where they fit. An array
    /// that grows into its room touches one more 2 MB page at a time, so up to 2 MB
    /// beyond its last element may be resident: for the tape's arrays, which grow a node
    /// at a time, that costs far less time than it saves.
    static func reserve<Element>(_ array: inout [Element], _ capacity: Int) {
        guard capacity > array.capacity else { return }
        // The new storage is advised before the elements are copied into it: copying
        // first would fault it in 4 KB pages.
        var larger: [Element] = []
        larger.reserveCapacity(capacity)
        // The storage of the whole capacity starts where the elements do; reading the
        // address does not touch the storage (no copy, no write).
        let start = larger.withUnsafeBufferPointer { UnsafeMutableRawPointer(mutating: $0.baseAddress) }
        advise(UnsafeMutableRawBufferPointer(start: start, count: larger.capacity * MemoryLayout<Element>.stride))
        larger.append(contentsOf: array)
        array = larger
    }

    /// An array of `count` copies of `value`, in 2 MB pages where they fit.
    public static func array<Element: BitwiseCopyable & Sendable>(repeating value: Element, count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(UnsafeMutableRawBufferPointer(buffer))
            fill(buffer, with: value)
            initialized = count
        }
    }

    /// From this many bytes on, `fill` writes on two threads.
    static let parallelFillBytes = 4 << 20

    /// Initializes every element of `buffer` to `value`: from `parallelFillBytes` on, the
    /// second half on another thread. Writing fresh memory is mostly page faults, each
    /// zeroing a page in the kernel (the values and gradients of a million-node tape
    /// are 16 MB of them), and two cores fault at once.
    static func fill<Element: BitwiseCopyable & Sendable>(_ buffer: UnsafeMutableBufferPointer<Element>, with value: Element) {
        let stride = MemoryLayout<Element>.stride
        guard buffer.count * stride >= parallelFillBytes, Threads.available > 1, let base = buffer.baseAddress else {
            buffer.initialize(repeating: value)
            return
        }
        // The halves meet at a 2 MB boundary, so no huge page is faulted by both threads.
        let middle = Swift.min(buffer.count, ((Int(bitPattern: base) + buffer.count * stride / 2) & ~(size - 1) - Int(bitPattern: base)) / stride)
        // The halves as addresses (a pointer is not Sendable); `perform` returns only
        // once both are written, and runs a half here when no thread could be started.
        let halves = [(address: Int(bitPattern: base), count: middle),
                      (address: Int(bitPattern: base + middle), count: buffer.count - middle)]
        Threads.perform(2) { half in
            UnsafeMutablePointer<Element>(bitPattern: halves[half].address)?.initialize(repeating: value, count: halves[half].count)
        }
    }
}
