/// Every op's name as bytes, end to end, for the writers that print one on each row (the
/// table, JSON, CSV and TSV). An array of arrays cost a retain and a release of the
/// inner array at every row; these are read by offset.
struct OpNameBytes: Sendable {
    private let bytes: [UInt8]
    /// Where each op's name ends in `bytes`, by raw value; it starts where the one before ends.
    private let ends: [Int]

    init() {
        var bytes: [UInt8] = [], ends = [0]
        for op in Op.allCases {
            bytes.append(contentsOf: op.name.utf8)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// The name's length: its width too, since every op's name is ASCII.
    func count(of op: Op) -> Int {
        ends[Int(op.rawValue) + 1] - ends[Int(op.rawValue)]
    }

    func withName<R>(of op: Op, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let k = Int(op.rawValue)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[ends[k]..<ends[k + 1]])) }
    }
}
