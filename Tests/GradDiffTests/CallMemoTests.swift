import Testing
@testable import GradDiff

/// The expansion's memo of calls: every recorded call is found again, by function and
/// every argument, and nothing else is.
struct CallMemoTests {
    @Test func recordedCallsAreFoundAndOthersAreNot() {
        var memo = CallMemo()
        var expected: [[Int32]: NodeID] = [:]
        var state: UInt64 = 14
        for index in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let function = Int(state >> 60)
            let arity = Int(state >> 56 & 3)
            let arguments = (0..<arity).map { NodeID(truncatingIfNeeded: (state >> (8 * UInt64($0))) & 0x3FF) }
            let key = [Int32(function)] + arguments
            if expected[key] == nil {
                expected[key] = NodeID(index)
                memo.record(function, arguments[...], NodeID(index))
            }
        }
        #expect(memo.count == expected.count)
        for (key, result) in expected {
            #expect(memo.result(of: Int(key[0]), Array(key.dropFirst())) == result)
            // One argument more, or another function: not the same call.
            #expect(memo.result(of: Int(key[0]), Array(key.dropFirst()) + [9999]) == nil)
            #expect(memo.result(of: Int(key[0]) + 100, Array(key.dropFirst())) == nil)
        }
    }
}
