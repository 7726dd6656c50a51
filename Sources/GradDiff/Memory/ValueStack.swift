#if canImport(Glibc)
import Glibc
#endif
import CMemory

/// A stack of plain values (no references): the parser's operands and pending
/// operators, pushed and popped at every token of an expression.
///
/// Not copyable, so a push or a pop checks no other owner, as an array's copy-on-write
/// does. Once a growth would take a megabyte or more (about 3×10^4 levels of nesting),
/// its storage is a memory mapping (in 2 MB pages where the system allows them) that
/// grows in place or moves whole, its pages moved by `mremap`, not copied: an array
/// copies itself into new memory at each doubling, so it faults in twice the memory it
/// ever holds. On a deep expression of 10^6 nodes those copies were a fifth of the run.
struct ValueStack<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0
    /// The mapping's length in bytes; 0 while the storage is an allocation.
    private var mappedBytes = 0
    /// From a growth to this many bytes on, the storage is a mapping.
    let mappingThreshold: Int
    /// How many growths copied the elements: below the threshold, and once into the
    /// first mapping (after which growth copies nothing unless the system refuses).
    private(set) var copyingGrowths = 0

    static var defaultMappingThreshold: Int { 1 << 20 }

    init(capacity: Int = 16, mappingThreshold: Int = Self.defaultMappingThreshold) {
        self.capacity = Swift.max(capacity, 1)
        self.mappingThreshold = mappingThreshold
        base = .allocate(capacity: self.capacity)
    }

    /// Whether the storage is a mapping now.
    var isMapped: Bool { mappedBytes > 0 }

    deinit {
        releaseStorage()
    }

    var isEmpty: Bool { count == 0 }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// The top element (the stack must not be empty).
    var top: Element {
        get { self[fromTop: 0] }
        set { self[fromTop: 0] = newValue }
    }

    /// The element `depth` places below the top (0: the top).
    subscript(fromTop depth: Int) -> Element {
        get {
            precondition(depth >= 0 && depth < count, "ValueStack: no element that deep")
            return base[count - 1 - depth]
        }
        set {
            precondition(depth >= 0 && depth < count, "ValueStack: no element that deep")
            base[count - 1 - depth] = newValue
        }
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @discardableResult
    mutating func removeLast() -> Element {
        precondition(count > 0, "ValueStack: empty")
        count -= 1
        return base[count]
    }

    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "ValueStack: fewer elements than removed")
        count -= k
    }

    /// The top `k` elements, bottom first.
    func suffix(_ k: Int) -> [Element] {
        precondition(k >= 0 && k <= count, "ValueStack: fewer elements than asked for")
        return Array(UnsafeBufferPointer(start: base + (count - k), count: k))
    }

    /// Whether each of the top `k` elements satisfies `predicate` (true for k = 0).
    func allOfTop(_ k: Int, satisfy predicate: (Element) -> Bool) -> Bool {
        precondition(k >= 0 && k <= count, "ValueStack: fewer elements than asked for")
        for index in (count - k)..<count where !predicate(base[index]) { return false }
        return true
    }

    /// The topmost element satisfying `predicate`.
    func last(where predicate: (Element) -> Bool) -> Element? {
        var index = count - 1
        while index >= 0 {
            if predicate(base[index]) { return base[index] }
            index -= 1
        }
        return nil
    }

    /// Doubles the room: in place (or moved whole) once mapped, else by copying.
    private mutating func grow() {
        let stride = MemoryLayout<Element>.stride
        let wanted = 2 * capacity * stride
        #if os(Linux)
        if wanted >= mappingThreshold, let (storage, bytes) = mapping(of: wanted) {
            base = storage.bindMemory(to: Element.self, capacity: bytes / stride)
            capacity = bytes / stride
            mappedBytes = bytes
            return
        }
        // Below the threshold, or the system refused a mapping: grow as an array does.
        #endif
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: 2 * capacity)
        larger.initialize(from: base, count: count)
        releaseStorage()
        base = larger
        capacity *= 2
        mappedBytes = 0
        copyingGrowths += 1
    }

    #if os(Linux)
    /// The elements in a mapping of at least `wanted` bytes, in whole 2 MB pages: the
    /// current mapping grown, or a new one they are copied into (the old storage freed);
    /// nil, with the storage as it was, when the system refuses.
    private mutating func mapping(of wanted: Int) -> (UnsafeMutableRawPointer, Int)? {
        let bytes = (wanted + HugePages.size - 1) / HugePages.size * HugePages.size
        if mappedBytes > 0 {
            // A grown or moved region keeps its advice.
            return graddiff_remap(base, mappedBytes, bytes).map { ($0, bytes) }
        }
        guard let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapped != MAP_FAILED else { return nil }
        // The whole region advised (advising part of it would split it, and mremap grows
        // one region only), before the copy touches it, so it is faulted 2 MB at a time.
        _ = madvise(mapped, bytes, MADV_HUGEPAGE)
        mapped.copyMemory(from: base, byteCount: count * MemoryLayout<Element>.stride)
        releaseStorage()
        copyingGrowths += 1
        return (mapped, bytes)
    }
    #endif

    /// Frees the storage, a mapping or an allocation (the caller then replaces `base`).
    private func releaseStorage() {
        #if os(Linux)
        if mappedBytes > 0 {
            munmap(base, mappedBytes)
            return
        }
        #endif
        base.deallocate()
    }
}
