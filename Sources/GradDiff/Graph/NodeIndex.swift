/// The tape builder's index of nodes, for merging identical ones: which node already
/// applies an op to given inputs, or holds a given constant.
///
/// A node that applies an op is chained to its newest input (the larger input id): each
/// node keeps the newest node chained to it, and each chained node the next older one.
/// A lookup of (op, a, b) walks the chain of max(a, b), almost always a node the parser
/// made moments ago, so on a tape of a million nodes it reads memory still in the cache,
/// where a hash table of every node waits for memory at a random slot on every
/// insertion (a cache miss a node, most of the time of building a large tape).
///
/// An input that is the newest input of more than `chainLimit` nodes (a hub, as `h` in
/// `a1*h + a2*h + …` after every `ai`) keeps its first users chained and the rest in the
/// `crowded` hash table, so no walk is long. Constants have no inputs and are found by
/// value in a hash table of their own, a fraction of the size of one of every node.
struct NodeIndex: Sendable {
    static let chainLimit = 8
    /// By node: the newest node chained to it, and the next older node chained to the
    /// same input as itself (-1: none). One array, so appending a node is one append.
    private var links: [Links] = []
    private struct Links {
        var newestUser: Int32 = -1
        var olderUser: Int32 = -1
    }
    var constants = HashedNodes()
    var crowded = HashedNodes()
    /// No index at all (`TapeBuilder.dropIndex()`): rebuilt from the tape before use.
    private(set) var isDropped = true

    init() {}

    /// An empty index with room for `capacity` nodes, `constants` of them constants.
    init(capacity: Int, constants: Int = 0) {
        isDropped = false
        HugePages.reserve(&links, capacity)
        if constants > 0 { self.constants = HashedNodes(capacity: constants) }
    }

    /// The number of nodes the index has room for chains of (the tape's node count).
    var count: Int { links.count }

    mutating func reserveCapacity(_ capacity: Int) {
        HugePages.reserve(&links, capacity)
    }

    /// Where the chains of `nodes` are or will be kept, as far as the reserved room reaches
    /// (for `PagePrefaulter`).
    func addresses(ofNodes nodes: Range<Int>) -> Range<Int> {
        PagePrefaulter.addresses(of: links, nodes)
    }

    /// Makes room for the tape's newest node, chained to nothing and with nothing chained to it.
    @inline(__always)
    mutating func appendNode() {
        links.append(Links())
    }

    @inline(__always)
    func newestUser(of input: NodeID) -> NodeID { links[Int(input)].newestUser }

    @inline(__always)
    func olderUser(of user: NodeID) -> NodeID { links[Int(user)].olderUser }

    /// Chains `user` (the newest node, for now) to its newest input `input`.
    @inline(__always)
    mutating func chain(_ user: NodeID, to input: NodeID) {
        links[Int(user)].olderUser = links[Int(input)].newestUser
        links[Int(input)].newestUser = user
    }

    /// Unchains `user` from `input` if it is chained there; nodes are removed newest
    /// first, so a chained node being removed is the newest of its chain.
    mutating func unchain(_ user: NodeID, from input: NodeID) -> Bool {
        guard links[Int(input)].newestUser == user else { return false }
        links[Int(input)].newestUser = links[Int(user)].olderUser
        return true
    }

    /// Forgets the chains of the nodes from `count` on (removed from the tape, and
    /// already unchained from their inputs).
    mutating func truncate(to count: Int) {
        links.removeLast(links.count - count)
    }
}
