import Testing
@testable import GradDiff

/// The parser's stacks hold what an array used as a stack would, through growth by
/// copying (below a megabyte) and in place as a memory mapping (above it).
struct ValueStackTests {
    /// Pushes and pops in runs, up to 6 MB of elements (so the storage is copied while
    /// small, then mapped, then remapped several times), checked against an array.
    @Test func holdsWhatAnArrayHoldsThroughEveryGrowth() {
        var stack = ValueStack<Int64>()
        var model: [Int64] = []
        var generator = SplitMix64(seed: 7)
        var next: Int64 = 0
        while model.count < 6 << 17 {
            let pushes = Int(generator.next() % 20_000)
            for _ in 0..<pushes {
                stack.append(next)
                model.append(next)
                next += 1
            }
            let pops = Swift.min(model.count, Int(generator.next() % 8_000))
            for _ in 0..<pops {
                let popped = stack.removeLast()
                #expect(popped == model.removeLast())
            }
            #expect(stack.count == model.count)
            #expect(stack.last == model.last)
        }
        #expect(stack.count * MemoryLayout<Int64>.stride > 4 * ValueStack<Int64>.defaultMappingThreshold)
        let all = stack.suffix(stack.count)
        #expect(all == model)
        #if os(Linux)
        // Copied while small (16 → 2^16 elements: 12 doublings) and into the first mapping;
        // never again, so the mapping grew by mremap, however many times.
        let (mapped, copies) = (stack.isMapped, stack.copyingGrowths)
        #expect(mapped && copies == 13)
        #endif
        stack.removeLast(stack.count)
        #expect(stack.isEmpty && stack.last == nil)
    }

    /// Elements whose size does not divide a 2 MB page (as the parser's operands), from a
    /// small mapping threshold: the mapping's capacity is whole elements, and each
    /// element keeps its three fields through four growths in place.
    @Test func oddSizedElementsSurviveTheMappingsGrowth() {
        struct Triple: BitwiseCopyable, Equatable { var a: Int64, b: Int32, c: Double }
        #expect(MemoryLayout<Triple>.stride == 24)
        var stack = ValueStack<Triple>(capacity: 4, mappingThreshold: 1 << 12)
        let count = 1_500_000  // 36 MB: mapped at 2 MB, grown to 64 MB
        for index in 0..<count { stack.append(Triple(a: Int64(index), b: Int32(truncatingIfNeeded: -index), c: Double(index) / 4)) }
        var intact = true
        for index in stride(from: count - 1, through: 0, by: -1) {
            let element = stack.removeLast()
            intact = intact && element == Triple(a: Int64(index), b: Int32(truncatingIfNeeded: -index), c: Double(index) / 4)
        }
        #expect(intact && stack.isEmpty)
        #if os(Linux)
        // 4 → 8 → … → 128 by copying (5), then one copy into the first mapping.
        let copies = stack.copyingGrowths
        #expect(copies == 6)
        #endif
    }

    @Test func readsAndWritesNearTheTop() {
        var stack = ValueStack<Int32>(capacity: 1)
        for value in 1...10 { stack.append(Int32(value)) }
        #expect(stack.top == 10 && stack[fromTop: 0] == 10 && stack[fromTop: 9] == 1)
        stack.top = 20
        stack[fromTop: 2] = 80
        // (Each read is taken out first: `#expect` cannot capture a value it cannot copy.)
        let (three, none) = (stack.suffix(3), stack.suffix(0))
        #expect(three == [80, 9, 20] && none.isEmpty)
        let (topThree, topFour, noneAtAll) = (stack.allOfTop(3, satisfy: { $0 >= 9 }), stack.allOfTop(4, satisfy: { $0 >= 9 }),
                                              stack.allOfTop(0, satisfy: { _ in false }))
        #expect(topThree && !topFour && noneAtAll)
        let (belowEight, aboveHundred) = (stack.last(where: { $0 < 8 }), stack.last(where: { $0 > 100 }))
        #expect(belowEight == 7 && aboveHundred == nil)
        stack.removeLast(7)
        #expect(stack.count == 3 && stack.top == 3)
    }
}
