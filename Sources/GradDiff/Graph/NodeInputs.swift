/// A node's inputs, in order: none for a leaf, one or two for an op. A value, not an
/// array: loops over the whole tape ask every node for its inputs, and a heap array for
/// each (an allocation and a free a node) cost more than the loops' own work.
public struct NodeInputs: RandomAccessCollection, Equatable, Sendable, CustomStringConvertible {
    public let count: Int
    private let first: NodeID
    private let second: NodeID

    init(count: Int, first: NodeID, second: NodeID) {
        self.count = count
        self.first = count > 0 ? first : -1
        self.second = count > 1 ? second : -1
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> NodeID {
        precondition(position >= 0 && position < count, "a node's input index out of range")
        return position == 0 ? first : second
    }

    /// As an array prints: `[2, 3]`.
    public var description: String { Array(self).description }
}
