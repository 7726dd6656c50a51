#if canImport(Glibc)
import Glibc
#endif

/// Faults in, on another core, the pages the tape's arrays are about to be written into.
///
/// The first write to a fresh page is a fault in which the kernel zeroes the page (2 MB
/// at a time in huge pages) on the writing thread. Parsing a million-node expression
/// writes some 30 MB of fresh pages, and those faults took a tenth to a third of the
/// whole run, more when the machine's memory was busy. The parser asks for the pages a
/// little ahead of its newest node (`TapeBuilder.prefaultAhead`), and a thread of this
/// prefaulter faults them in with `MADV_POPULATE_WRITE`, which faults a range as writes
/// would but writes nothing: a page already written, by the parser or anyone, is left as
/// it is. What is faulted early, and when, changes only speed, never a value.
///
/// Linux only (5.14 and later); elsewhere, or when the system refuses, nothing is faulted early.
final class PagePrefaulter: @unchecked Sendable {
    /// How many nodes ahead of the newest one the arrays are faulted in, and every how
    /// many nodes the parser asks again: a window of about a millisecond of parsing,
    /// time enough to fault in a 2 MB page, and small enough that little is faulted in
    /// beyond a tape's end (a window of 64K nodes had cost up to 5 MB of peak memory).
    static let window = 1 << 14
    static let step = 1 << 12
    /// The smallest text worth a thread (about 2×10^5 nodes): below it the faults cost
    /// less than starting one.
    static let smallestText = 1 << 20

    private let monitor = Monitor()
    /// Address ranges asked for and not yet faulted in, oldest first.
    private var pending: [Range<Int>] = []
    private var finished = false
    private var faultedRanges = 0

    /// A prefaulter where the system can populate pages ahead of use; nil elsewhere.
    static func make() -> PagePrefaulter? {
        #if os(Linux)
        return PagePrefaulter()
        #else
        return nil
        #endif
    }

    private init() {}

    /// Asks for the pages of `ranges` (addresses; empty ones are ignored).
    func populate(_ ranges: [Range<Int>]) {
        monitor.locked {
            guard !finished else { return }
            pending += ranges.filter { !$0.isEmpty }
            monitor.wakeAll()
        }
    }

    /// Ends `run()`: what is still pending is dropped.
    func finish() {
        monitor.locked {
            finished = true
            monitor.wakeAll()
        }
    }

    /// Faults in each range asked for, until `finish()`; the prefaulter's own thread.
    func run() {
        while let ranges = nextRanges() {
            for range in ranges {
                switch Self.populate(range) {
                case .faulted: monitor.locked { faultedRanges += 1 }
                // A range whose array has since moved (its old storage freed and unmapped,
                // ENOMEM) or cannot be faulted: the parser's own writes will fault it.
                case .skipped: continue
                // An old kernel (EINVAL): nothing will be faulted early.
                case .unsupported: finish(); return
                }
            }
        }
    }

    /// How many ranges were faulted in (for tests: the parser does ask, and the system does fault).
    var faultedRangeCount: Int { monitor.locked { faultedRanges } }

    private func nextRanges() -> [Range<Int>]? {
        monitor.locked {
            while pending.isEmpty, !finished { monitor.wait() }
            if finished { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }

    /// What `populate` did with a range.
    enum Outcome: Equatable { case faulted, skipped, unsupported }

    /// Faults in the pages holding `range`: `.unsupported` when the system cannot
    /// (EINVAL: a kernel before 5.14, or a mapping that cannot be populated), `.skipped`
    /// when this range could not be (ENOMEM: no longer mapped; EFAULT, EHWPOISON, EINTR).
    static func populate(_ range: Range<Int>) -> Outcome {
        #if os(Linux)
        let page = 4096
        let start = range.lowerBound & ~(page - 1)
        let end = (range.upperBound + page - 1) & ~(page - 1)
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return .skipped }
        if madvise(address, end - start, populateWrite) == 0 { return .faulted }
        return errno == EINVAL ? .unsupported : .skipped
        #else
        return .unsupported
        #endif
    }

    /// `MADV_POPULATE_WRITE`, which Glibc's headers define only for newer kernels.
    private static let populateWrite: Int32 = 23

    /// The addresses of `array`'s elements `elements`, as far as its storage reaches
    /// (reserved room included); empty beyond it. Reads no element.
    static func addresses<Element>(of array: [Element], _ elements: Range<Int>) -> Range<Int> {
        let upper = Swift.min(elements.upperBound, array.capacity)
        guard elements.lowerBound < upper else { return 0..<0 }
        let base = array.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        guard base != 0 else { return 0..<0 }
        let stride = MemoryLayout<Element>.stride
        return base + elements.lowerBound * stride..<base + upper * stride
    }
}
