#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nodes of parenthesized groups and calls already read in this expression, by
/// their text, so that a group written again, byte for byte (`tanh(0.61*x1 - 0.23*x2 …)`
/// in every output unit of a network written out as one expression), is not read again.
/// Read again it would give the same node: every node it makes merges with one the
/// first reading made. So the parser takes the node and skips the text.
///
/// A direct-mapped cache keyed by a group's first 16 bytes: the newest group with those
/// bytes wins, and a hit is confirmed by comparing the whole text. Only groups whose
/// reading had no effect beyond nodes are kept (no warning, no vector or matrix, no user
/// function expanded, no node taken back), of 24 bytes to 64 KB (shorter ones cost less
/// to read than to look up), and only for one expression: the next statement may give
/// the same names other meanings. Bytes compared are bounded by the text read, so
/// text made to match often and late cannot make parsing quadratic.
struct GroupMemo {
    struct Entry {
        var start: Int32
        var length: Int32
        var node: NodeID
        /// The tape builder's count of taken-back nodes when the group was read.
        var truncations: Int32
    }

    static let shortest = 24
    static let longest = 1 << 16
    private static let slotBits = 14
    /// Empty until the first group is kept.
    private var entries: [Entry] = []
    /// Groups taken from the memo.
    private(set) var hits = 0
    /// Bytes compared so far, and what they may come to.
    private var compared = 0
    /// What a group's reading may have changed beyond nodes, when last looked at, and the
    /// end of the last group read while it changed: no group starting there or before is kept.
    private var effects = Effects()
    private var impureUntil = -1

    /// A memo for an expression whose reading starts with `effects` already counted.
    init(effects: Effects = Effects()) {
        self.effects = effects
    }

    struct Effects: Equatable {
        var warnings = 0
        var tensors = 0
        var expansions = 0
        var truncations = 0
    }

    /// The slot of the group starting at `start`, or nil when too little text is left.
    private static func slot(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard bytes.count - start >= shortest else { return nil }
        let raw = UnsafeRawPointer(bytes.baseAddress! + start)
        let first = raw.loadUnaligned(as: UInt64.self), second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let hash = (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F)
        let mixed = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    }

    /// The entry of a group read before whose text is also at `start`, if any.
    mutating func find(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, tapeCount: Int, truncations: Int) -> Entry? {
        guard !entries.isEmpty, compared <= 4 * bytes.count + Self.longest, let slot = Self.slot(bytes, at: start) else {
            return nil
        }
        let entry = entries[slot]
        let length = Int(entry.length)
        guard length > 0, Int(entry.start) != start, length <= bytes.count - start, Int(entry.node) < tapeCount,
              Int(entry.truncations) == truncations else { return nil }
        compared += length
        let base = bytes.baseAddress!
        guard memcmp(base + Int(entry.start), base + start, length) == 0 else { return nil }
        hits += 1
        return entry
    }

    /// Keeps the group `start..<end` that read as `node`, if its reading had no other
    /// effect (`now`: the effects counted after it).
    mutating func remember(_ start: Int, _ end: Int, node: NodeID, effects now: Effects, in bytes: UnsafeBufferPointer<UInt8>) {
        if now != effects {
            effects = now
            impureUntil = end
        }
        let length = end - start
        guard start > impureUntil, node >= 0, length >= Self.shortest, length <= Self.longest,
              let slot = Self.slot(bytes, at: start) else { return }
        if entries.isEmpty { entries = Array(repeating: Entry(start: 0, length: 0, node: -1, truncations: 0), count: 1 << Self.slotBits) }
        entries[slot] = Entry(start: Int32(start), length: Int32(length), node: node, truncations: Int32(now.truncations))
    }
}
