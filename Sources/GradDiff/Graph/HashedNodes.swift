import CPrefetch

/// A hash table of node ids, for the lookups `NodeIndex` cannot chain: constants by
/// value, and the users of an input read by many nodes. Open addressing with linear
/// probing, kept at most three quarters full, in two parallel arrays: a one-byte tag per slot
/// (empty, or seven bits of the node's hash) and the node ids. A lookup that finds
/// nothing (most of them) reads only tags, a byte a slot, which mostly stay in the cache.
///
/// A node's home slot is the top bits of its hash, as many as the table's size needs.
/// Growing and removing need other nodes' hashes, which the caller supplies from the tape.
struct HashedNodes: Sendable {
    private var tags: [UInt8] = []
    private var ids: [Int32] = []
    /// log2 of the slot count.
    private var bits = 0
    private(set) var count = 0

    /// An empty index with room for `capacity` nodes before it must grow.
    init(capacity: Int) {
        bits = 6
        while 3 * (1 << bits) < 4 * capacity { bits += 1 }
        tags = HugePages.array(repeating: 0, count: 1 << bits)
        ids = HugePages.array(repeating: -1, count: 1 << bits)
    }

    /// No table yet: the first insertion makes one.
    init() {}

    /// Whether one more node would make the table more than three quarters full (the
    /// tags of a probe share a cache line or two even then, and a smaller table stays
    /// in the cache).
    var isFull: Bool { 4 * (count + 1) > 3 * tags.count }

    @inline(__always)
    private func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt8 { 0x80 | UInt8(truncatingIfNeeded: hash & 0x7F) }

    /// The first indexed node with this hash for which `isMatch` holds.
    @inline(__always)
    func find(hash: UInt64, matching isMatch: (NodeID) -> Bool) -> NodeID? {
        // A table with nodes has a slot free (at most three quarters are taken) to end the probe.
        count > 0 ? find(hash: hash, orSlot: isMatch).found : nil
    }

    /// The first indexed node with this hash for which `isMatch` holds, or else the empty
    /// slot that ends the probe, where `insert(_:hash:at:)` puts a new node with this
    /// hash: one probe for a lookup and the insertion after a miss. The table must exist
    /// and have room (`isFull` false) until that insertion.
    @inline(__always)
    func find(hash: UInt64, orSlot isMatch: (NodeID) -> Bool) -> (found: NodeID?, slot: Int) {
        let tag = Self.tag(hash)
        let mask = tags.count - 1
        return tags.withUnsafeBufferPointer { tags in
            var index = home(hash)
            while true {
                let found = tags[index]
                if found == 0 { return (nil, index) }
                if found == tag, isMatch(ids[index]) { return (ids[index], index) }
                index = (index + 1) & mask
            }
        }
    }

    /// Adds node `id` with its hash in the empty slot `find(hash:orSlot:)` gave.
    @inline(__always)
    mutating func insert(_ id: NodeID, hash: UInt64, at slot: Int) {
        tags[slot] = Self.tag(hash)
        ids[slot] = id
        count += 1
    }

    /// Starts loading the slot where a lookup of `hash` begins, its tag and its id, so
    /// that the lookup (and the insertion after a miss), made a few tokens later, need
    /// not wait for memory (a table of 10^5 constants does not stay in the cache, and
    /// the parser reads its constants in no order).
    @inline(__always)
    func prefetch(hash: UInt64) {
        if count > 0 { prefetchSlot(hash: hash) }
    }

    /// Starts loading the home slot of `hash` in a table that has slots.
    @inline(__always)
    private func prefetchSlot(hash: UInt64) {
        let slot = home(hash)
        tags.withUnsafeBufferPointer { graddiff_prefetch($0.baseAddress! + slot) }
        ids.withUnsafeBufferPointer { graddiff_prefetch($0.baseAddress! + slot) }
    }

    /// Doubles the table, placing each node again by `hashOf`; the only step that reads
    /// the tape, so the caller passes a copy of it in the closure.
    mutating func grow(hashOf: (NodeID) -> UInt64) {
        reserve(Swift.max(32, count * 2), hashOf: hashOf)
    }

    /// The table with room for `capacity` nodes, holding `nodes` (every node it held,
    /// in an order cheaper to read than its own).
    mutating func rebuild(capacity: Int, with nodes: some Sequence<NodeID>, hashOf: (NodeID) -> UInt64) {
        var larger = HashedNodes(capacity: capacity)
        // Each node's home slot is loaded `Self.rebuildLead` nodes before it is placed (a
        // table of 10^5 nodes is beyond the cache, and its slots are taken in no order):
        // a ring of the nodes on their way, placed in the order given.
        var ring = (ids: [NodeID](repeating: 0, count: Self.rebuildLead), hashes: [UInt64](repeating: 0, count: Self.rebuildLead))
        var read = 0
        for id in nodes {
            let hash = hashOf(id)
            larger.prefetchSlot(hash: hash)
            let slot = read % Self.rebuildLead
            if read >= Self.rebuildLead { larger.insert(ring.ids[slot], hash: ring.hashes[slot]) }
            ring.ids[slot] = id
            ring.hashes[slot] = hash
            read += 1
        }
        for waiting in Swift.max(0, read - Self.rebuildLead)..<read {
            let slot = waiting % Self.rebuildLead
            larger.insert(ring.ids[slot], hash: ring.hashes[slot])
        }
        self = larger
    }

    /// How many nodes ahead `rebuild` loads a home slot: enough to cover a wait for memory.
    private static let rebuildLead = 16

    /// Room for `capacity` nodes in all before the table must grow.
    mutating func reserve(_ capacity: Int, hashOf: (NodeID) -> UInt64) {
        guard 4 * capacity > 3 * tags.count else { return }
        // Each run of occupied slots read from its start, so nodes of one hash keep their
        // order (a run may wrap past the end: reading from slot 0 would take its tail
        // first, and `find` would then meet a copy before the node it copies).
        let start = tags.firstIndex(of: 0) ?? 0
        let slots = (0..<tags.count).map { (start + $0) & (tags.count - 1) }
        let nodes = slots.filter { tags[$0] != 0 }.map { ids[$0] }
        rebuild(capacity: capacity, with: nodes, hashOf: hashOf)
    }

    /// Adds node `id` (not yet indexed, and `isFull` false) with its hash.
    @inline(__always)
    mutating func insert(_ id: NodeID, hash: UInt64) {
        let mask = tags.count - 1
        var index = home(hash)
        tags.withUnsafeMutableBufferPointer { tags in
            while tags[index] != 0 { index = (index + 1) & mask }
            tags[index] = Self.tag(hash)
        }
        ids.withUnsafeMutableBufferPointer { $0[index] = id }
        count += 1
    }

    /// Removes node `id`, found by its hash, with backward-shift deletion so later probes
    /// still find their nodes (`hashOf` gives the hash of a node that moves).
    mutating func remove(_ id: NodeID, hash: UInt64, hashOf: (NodeID) -> UInt64) {
        guard count > 0 else { return }
        let mask = tags.count - 1
        var index = home(hash)
        while ids[index] != id || tags[index] == 0 {
            if tags[index] == 0 { return }
            index = (index + 1) & mask
        }
        var hole = index
        var next = (hole + 1) & mask
        while tags[next] != 0 {
            // Move the next entry into the hole unless its home lies cyclically within (hole, next].
            if (next - home(hashOf(ids[next]))) & mask >= (next - hole) & mask {
                tags[hole] = tags[next]
                ids[hole] = ids[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        tags[hole] = 0
        ids[hole] = -1
        count -= 1
    }
}
