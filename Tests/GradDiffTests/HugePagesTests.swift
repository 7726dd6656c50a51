import Foundation
import Testing
@testable import GradDiff

/// Arrays asked for in 2 MB pages hold what plain arrays hold, and the kernel does back
/// them with 2 MB pages where transparent huge pages may be asked for.
@Suite struct HugePagesTests {
    @Test(arguments: [0, 1, 262_143, 262_144, 262_145, 1 << 20])
    func filledArraysHoldTheirValue(count: Int) {
        let array = HugePages.array(repeating: 2.5, count: count)
        #expect(array.count == count)
        #expect(array.allSatisfy { $0 == 2.5 })
    }

    @Test func reservingKeepsTheElementsInOrder() {
        var array = Array(0..<100_000)
        HugePages.reserve(&array, 1_000_000)
        #expect(array.capacity >= 1_000_000)
        #expect(array == Array(0..<100_000))
        array.append(contentsOf: 100_000..<1_000_000)
        #expect(array == Array(0..<1_000_000))
    }

    /// A stack below a megabyte grows as arrays do; above it, by doubling in advised
    /// storage, always with room for what is asked.
    @Test func makingRoomDoublesOnlyLargeFullArrays() {
        var small = [Int32](repeating: 7, count: 1000)
        let smallCapacity = small.capacity
        HugePages.makeRoom(in: &small, for: 4)
        #expect(small.capacity == smallCapacity || small.capacity >= 1004)
        var large: [Int64] = []
        large.reserveCapacity(1 << 17)  // a megabyte
        large.append(contentsOf: repeatElement(3, count: large.capacity - 2))
        let before = large.capacity
        HugePages.makeRoom(in: &large, for: 4)
        #expect(large.capacity >= 2 * before)
        #expect(large.count == before - 2 && large.allSatisfy { $0 == 3 })
    }

    /// Where the system lets a program ask for 2 MB pages, an 8 MB array gets some: the
    /// page faults this saves are why `HugePages` exists.
    @Test func theKernelBacksAnAdvisedArrayWithHugePages() throws {
        let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        try #require(setting.contains("[madvise]") || setting.contains("[always]"),
                     "transparent huge pages are off here: \(setting)")
        let array = HugePages.array(repeating: 1.0, count: 1 << 20)
        let start = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let huge = try Self.anonymousHugeKilobytes(in: start..<start + 8 << 20)
        #expect(huge >= 2048, "an 8 MB array advised for 2 MB pages has \(huge) kB of them")
        #expect(array[12345] == 1)
    }

    /// The `AnonHugePages` of the mappings overlapping `addresses` (advising part of a
    /// mapping splits it), from /proc/self/smaps.
    static func anonymousHugeKilobytes(in addresses: Range<UInt>) throws -> Int {
        let smaps = try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        var inside = false
        var total = 0
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = bounds.count == 2 && bounds[0] < addresses.upperBound && addresses.lowerBound < bounds[1]
            } else if inside, fields.first == "AnonHugePages:", fields.count >= 2 {
                total += Int(fields[1]) ?? 0
            }
        }
        return total
    }
}
