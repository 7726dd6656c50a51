import Testing
@testable import GradDiff

/// The tape builder's index of nodes: merging finds every identical node, whether it is
/// chained to its newest input or, past `NodeIndex.chainLimit` users of one input, in the
/// crowded table; and taking nodes back (a failed REPL entry, a statement's scratch
/// nodes) leaves an index that still finds exactly the nodes that remain.
struct NodeIndexTests {
    private let span = SourceSpan(start: 0, end: 1)

    /// `a1*h + … + a40*h` with `h` made after every `ai`, so `h` is the newest input of 40
    /// products: far past the chain limit.
    private func hubProducts(_ builder: inout TapeBuilder, _ inputs: [NodeID], _ hub: NodeID, ops: [Op]) -> [NodeID] {
        inputs.enumerated().map { index, input in builder.apply(ops[index % ops.count], input, hub, at: span) }
    }

    @Test func aHubReadByManyNodesStillMergesEachOfThem() {
        #expect(NodeIndex.chainLimit < 40)
        var builder = TapeBuilder()
        let inputs = (1...40).map { builder.variable("a\($0)", at: span) }
        let h = builder.variable("h", at: span)
        let hub = builder.apply(.sin, h, at: span)
        let ops: [Op] = [.multiply, .add, .subtract, .hypot]
        let first = hubProducts(&builder, inputs, hub, ops: ops)
        let count = builder.tape.count
        #expect(hubProducts(&builder, inputs, hub, ops: ops) == first)
        #expect(builder.tape.count == count)
        // The same inputs in the other order are other nodes (the key is ordered).
        let swapped = builder.apply(.subtract, hub, inputs[2], at: span)
        #expect(swapped == NodeID(count))
        #expect(builder.apply(.subtract, hub, inputs[2], at: span) == swapped)
    }

    @Test func takingNodesBackForgetsThemAndKeepsTheRest() {
        var builder = TapeBuilder()
        let inputs = (1...30).map { builder.variable("a\($0)", at: span) }
        let h = builder.variable("h", at: span)
        let hub = builder.apply(.cos, h, at: span)
        let kept = hubProducts(&builder, Array(inputs[0..<5]), hub, ops: [.multiply])
        let keptConstant = builder.constant(2.5, at: span)
        let keptCount = builder.tape.count
        let scratch = hubProducts(&builder, Array(inputs[5...]), hub, ops: [.multiply])
        let scratchConstant = builder.constant(7.25, at: span)
        #expect(scratch.allSatisfy { Int($0) >= keptCount } && Int(scratchConstant) >= keptCount)

        builder.truncate(to: keptCount)
        #expect(builder.tape.count == keptCount)
        // What remains is still found; what was taken back is made again, once.
        #expect(hubProducts(&builder, Array(inputs[0..<5]), hub, ops: [.multiply]) == kept)
        #expect(builder.constant(2.5, at: span) == keptConstant)
        let remade = hubProducts(&builder, Array(inputs[5...]), hub, ops: [.multiply])
        #expect(remade.allSatisfy { Int($0) >= keptCount })
        #expect(hubProducts(&builder, Array(inputs[5...]), hub, ops: [.multiply]) == remade)
        let constant = builder.constant(7.25, at: span)
        #expect(builder.constant(7.25, at: span) == constant)
        #expect(builder.tape.count == keptCount + remade.count + 1)
    }

    /// Two nodes of one hash whose run of slots wraps past the table's end: growing must
    /// not swap them, or a copy would be found before the node it copies.
    @Test func growingKeepsNodesOfOneHashInTheirOrder() {
        var table = HashedNodes(capacity: 1)  // 64 slots
        let lastSlot = UInt64(63) << 58  // home: the last slot, so the second node wraps to slot 0
        table.insert(1, hash: lastSlot)
        table.insert(2, hash: lastSlot)
        #expect(table.find(hash: lastSlot) { _ in true } == 1)
        table.reserve(200) { _ in lastSlot }  // a larger table, every node placed again
        #expect(table.find(hash: lastSlot) { _ in true } == 1)
    }

    /// More nodes of one hash than `rebuild` keeps on their way (loading their slots
    /// ahead): every one is placed again, in its order.
    @Test func growingKeepsManyNodesOfOneHashInTheirOrder() {
        var table = HashedNodes(capacity: 40)
        let hash = UInt64(5) << 58
        for id in 1...40 { table.insert(NodeID(id), hash: hash) }
        table.reserve(400) { _ in hash }
        #expect(table.count == 40)
        #expect(table.find(hash: hash) { _ in true } == 1)
        for id in 1...40 { #expect(table.find(hash: hash) { $0 >= NodeID(id) } == NodeID(id)) }
    }

    @Test func aCopyIsNeverFoundBeforeTheNodeItCopies() {
        var builder = TapeBuilder()
        let x = builder.variable("x", at: span)
        let y = builder.variable("y", at: span)
        let sum = builder.apply(.add, x, y, at: span)
        let two = builder.constant(2, at: span)
        _ = builder.copy(sum, at: span)
        _ = builder.copy(two, at: span)
        #expect(builder.apply(.add, x, y, at: span) == sum)
        #expect(builder.constant(2, at: span) == two)
    }

    @Test func aDroppedIndexIsRebuiltWithEveryNodeFindable() {
        var builder = TapeBuilder()
        let inputs = (1...20).map { builder.variable("a\($0)", at: span) }
        let h = builder.variable("h", at: span)
        let hub = builder.apply(.tanh, h, at: span)
        let products = hubProducts(&builder, inputs, hub, ops: [.multiply, .divide])
        let constant = builder.constant(-0.0, at: span)
        builder.dropIndex()
        #expect(hubProducts(&builder, inputs, hub, ops: [.multiply, .divide]) == products)
        #expect(builder.constant(-0.0, at: span) == constant)
        #expect(builder.constant(0.0, at: span) != constant)  // bit for bit: 0 is not -0
    }

    /// Merged and unmerged builds of random expressions with heavy sharing agree on every
    /// node's op and inputs once each unmerged node is mapped to its first equal.
    @Test func mergingMatchesANaiveSearch() throws {
        var random = SplitMix64(seed: 18)
        for _ in 0..<50 {
            var merged = TapeBuilder()
            var made: [NodeID] = (0..<3).map { merged.variable("v\($0)", at: span) }
            var naive: [String: NodeID] = [:]
            for node in made { naive["var \(node)"] = node }
            for _ in 0..<300 {
                let ops: [Op] = [.add, .multiply, .sin, .min]
                let op = ops[Int(random.next() % UInt64(ops.count))]
                // Mostly the first few nodes, so inputs are shared by many users.
                let pick = { (random: inout SplitMix64) in made[Int(random.next() % UInt64(Swift.min(made.count, 6 + made.count / 8)))] }
                let a = pick(&random)
                let b = op.arity == 2 ? pick(&random) : -1
                let node = random.next() % 5 == 0
                    ? merged.constant(Double(random.next() % 4), at: span)
                    : merged.apply(op, a, b, at: span)
                let key = merged.tape.ops[Int(node)] == .constant
                    ? "const \(merged.tape.constants[Int(merged.tape.first[Int(node)])])" : "\(op) \(a) \(b)"
                if let known = naive[key] { #expect(node == known, "\(key)") } else { naive[key] = node }
                if node == NodeID(merged.tape.count - 1), !made.contains(node) { made.append(node) }
            }
            #expect(Set(naive.values).count == merged.tape.count)
        }
    }

    /// Equal constants share one node however often the constants' table grows between
    /// them (from its first 32 slots to thousands), and a new one is added exactly once.
    @Test func constantsMergeAcrossTheirTablesGrowth() {
        var builder = TapeBuilder()
        var random = SplitMix64(seed: 7)
        var nodes: [Double: NodeID] = [:]
        for _ in 0..<20_000 {
            let value = Double(random.next() % 5_000) / 7
            let node = builder.constant(value, at: span)
            if let known = nodes[value] {
                #expect(node == known)
            } else {
                #expect(node == NodeID(builder.tape.count - 1))
                nodes[value] = node
            }
        }
        #expect(nodes.count > 4_900 && builder.tape.count == nodes.count && builder.index.constants.count == nodes.count)
    }
}
