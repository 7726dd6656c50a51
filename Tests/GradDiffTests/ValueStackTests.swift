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
        #expect(stack.count * MemoryLayout<Int64>.stride > 4 * ValueStack<Int64>.mappingThreshold)
        let all = stack.suffix(stack.count)
        #expect(all == model)
        stack.removeLast(stack.count)
        #expect(stack.isEmpty && stack.last == nil)
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
