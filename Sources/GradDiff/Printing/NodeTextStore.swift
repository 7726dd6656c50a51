/// Where `NodeText` keeps its texts: in segments of `segmentSize` nodes, each written
/// once by the thread composing them and then never again. A segment is published when
/// it is done, so rows of a large output can be written on one core while the texts of
/// later nodes are still being composed on another (`waitUntilComposed`).
final class NodeTextStore: @unchecked Sendable {
    static let segmentShift = 13
    /// Nodes a segment: a chunk of `ParallelRows`, so a chunk waits for one segment.
    static let segmentSize = 1 << segmentShift

    /// A segment's texts, one after another, and where each node's ends: memory the
    /// store owns (no reference counting on the readers' path).
    struct Segment {
        var bytes: UnsafeMutablePointer<UInt8>?
        var ends: UnsafeMutablePointer<Int32>?
        /// The most Unicode scalars in one of the segment's texts (the table's column).
        var widest = 0
        /// The same among its constants' texts (a constant's own text is its table label).
        var widestConstant = 0
    }

    let nodeCount: Int
    let segments: UnsafeMutableBufferPointer<Segment>
    /// How many segments are done; read and written under `monitor`.
    private var published = 0
    /// Whether a thread has begun composing; read and written under `monitor`.
    private var started = false
    private let monitor = Monitor()

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        let count = (nodeCount + Self.segmentSize - 1) >> Self.segmentShift
        segments = .allocate(capacity: count)
        segments.initialize(repeating: Segment())
    }

    deinit {
        for segment in segments {
            segment.bytes?.deallocate()
            segment.ends?.deallocate()
        }
        segments.deinitialize().deallocate()
    }

    /// True the first time only: the texts are composed once, by whoever asks first.
    func startComposing() -> Bool {
        monitor.locked {
            defer { started = true }
            return !started
        }
    }

    /// Called by the composing thread once segment `index` is written; wakes its readers.
    func publish(_ segment: Segment, at index: Int) {
        segments[index] = segment
        monitor.locked {
            published = index + 1
            monitor.wakeAll()
        }
    }

    /// Returns once every node up to `id` has its text.
    func waitUntilComposed(through id: Int) {
        let needed = (id >> Self.segmentShift) + 1
        monitor.locked {
            while published < needed { monitor.wait() }
        }
    }

    /// The bytes of node `id`'s text, once composed (the caller has waited for it).
    @inline(__always)
    func withBytes<R>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let segment = segments[id >> Self.segmentShift]
        let local = id & (Self.segmentSize - 1)
        let start = local == 0 ? 0 : Int(segment.ends![local - 1])
        return body(UnsafeBufferPointer(start: segment.bytes! + start, count: Int(segment.ends![local]) - start))
    }

    /// The most Unicode scalars in any node's own text but a noted one's (every segment
    /// must be published).
    var widest: Int {
        segments.reduce(0) { Swift.max($0, $1.widest) }
    }

    /// The most Unicode scalars in any constant's own text but a noted one's (every
    /// segment must be published).
    var widestConstant: Int {
        segments.reduce(0) { Swift.max($0, $1.widestConstant) }
    }
}
