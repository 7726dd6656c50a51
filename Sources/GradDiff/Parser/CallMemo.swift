/// The calls one expansion has made: (function, argument nodes) → result node, so that
/// a function called again on the same nodes gives the node it gave before without
/// being expanded again. Flat arrays and an open-addressing table of entry indices,
/// about 40 bytes a call of two arguments and no allocation per call: an expansion
/// may make millions (`fK(a, b) = fJ(fJ(a, b), fJ(b, a))`), and a dictionary keyed by
/// arrays cost a heap array per call and most of the time.
struct CallMemo {
    /// Each slot holds an entry's hash (high 32 bits) and index + 1 (low 32; 0 = empty),
    /// so a probe reads an entry only when the hashes agree: one cache miss a lookup in a
    /// table of millions. A power of two in size, at most half full.
    private var slots = [UInt64](repeating: 0, count: 16)
    private var functions: [Int32] = []
    private var argumentStarts: [Int32] = []
    private var results: [NodeID] = []
    /// Every entry's arguments, one after another; entry i's are
    /// `arguments[argumentStarts[i]..<argumentStarts[i + 1]]` (the last: to the end).
    private var arguments: [NodeID] = []

    var count: Int { results.count }

    /// The node a call of `function` on `callArguments` gave, if it was made.
    func result(of function: Int, _ callArguments: [NodeID]) -> NodeID? {
        let mask = slots.count - 1
        let hash = Self.hash(function, callArguments[...])
        var index = hash & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            let entry = Int(slot & 0xFFFF_FFFF) - 1
            if slot >> 32 == UInt64(UInt32(truncatingIfNeeded: hash)), Int(functions[entry]) == function,
               argumentsMatch(entry, callArguments) {
                return results[entry]
            }
            index = (index + 1) & mask
        }
    }

    /// Records that the call of `function` on `callArguments` gave `result`.
    mutating func record(_ function: Int, _ callArguments: ArraySlice<NodeID>, _ result: NodeID) {
        let entry = Int32(results.count)
        functions.append(Int32(truncatingIfNeeded: function))
        argumentStarts.append(Int32(truncatingIfNeeded: arguments.count))
        arguments.append(contentsOf: callArguments)
        results.append(result)
        if results.count * 2 > slots.count {
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for existing in 0..<results.count { insert(Int32(existing)) }
        } else {
            insert(entry)
        }
    }

    private func argumentRange(_ entry: Int) -> Range<Int> {
        let start = Int(argumentStarts[entry])
        return start..<(entry + 1 < argumentStarts.count ? Int(argumentStarts[entry + 1]) : arguments.count)
    }

    private func argumentsMatch(_ entry: Int, _ callArguments: [NodeID]) -> Bool {
        let range = argumentRange(entry)
        guard range.count == callArguments.count else { return false }
        for (offset, argument) in callArguments.enumerated() where arguments[range.lowerBound + offset] != argument {
            return false
        }
        return true
    }

    private mutating func insert(_ entry: Int32) {
        let mask = slots.count - 1
        let hash = Self.hash(Int(functions[Int(entry)]), arguments[argumentRange(Int(entry))])
        var index = hash & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(entry + 1)
    }

    /// SplitMix64's finaliser over the function and each argument.
    private static func hash(_ function: Int, _ callArguments: ArraySlice<NodeID>) -> Int {
        var z = UInt64(truncatingIfNeeded: function) &* 0x9E37_79B9_7F4A_7C15
        for argument in callArguments {
            z = (z ^ UInt64(UInt32(bitPattern: argument))) &* 0xBF58_476D_1CE4_E5B9
            z ^= z >> 29
        }
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }
}
