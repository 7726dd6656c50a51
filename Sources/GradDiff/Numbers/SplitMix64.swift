/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded pseudo-random generator, so
/// `--seed` gives the same mini-batch order on every machine and every Swift version (the
/// standard library's generator promises neither), and a failing random test case can be
/// replayed from its printed seed. Its finaliser (`mix`) also hashes the tape's nodes.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The finaliser: spreads nearby values (node ids, seeds) over all 64 bits.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The golden-ratio increment each step adds to the state.
    static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Uniform in 0..<count.
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    /// Fisher–Yates shuffle in place, drawing from this generator only.
    mutating func shuffle(_ array: inout [Int]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}
