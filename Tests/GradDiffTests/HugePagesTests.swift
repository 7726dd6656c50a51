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

    /// From `parallelFillBytes` on, two threads fill the halves: every element, of any
    /// size, holds the value, the last and the ones where the halves meet included.
    @Test(arguments: [HugePages.parallelFillBytes - 1, HugePages.parallelFillBytes, 3 * HugePages.parallelFillBytes + 5])
    func arraysFilledOnTwoThreadsHoldTheirValueEverywhere(bytes: Int) {
        let small = HugePages.array(repeating: UInt8(0xA5), count: bytes)
        #expect(small.count == bytes && small.allSatisfy { $0 == 0xA5 })
        let wide = HugePages.array(repeating: Int32(-1), count: bytes / 4 + 1)
        #expect(wide.count == bytes / 4 + 1 && wide.allSatisfy { $0 == -1 })
    }

    /// Three bytes and twelve: strides that do not divide 2 MB, so the halves meet
    /// inside an element's reach of the boundary.
    struct Three: BitwiseCopyable, Sendable, Equatable { var a, b, c: UInt8 }
    struct Twelve: BitwiseCopyable, Sendable, Equatable { var a, b, c: Int32 }

    /// `fill` writes every element and nothing beyond, whatever the element's stride,
    /// wherever the buffer starts against a 2 MB boundary, and for counts just above the
    /// threshold: memory set to another byte first, so an element left out is seen even
    /// where the allocator hands back memory that held the value before.
    @Test(arguments: [0, 5, (2 << 20) - 7])
    func fillWritesEveryElementAndNothingElse(offset: Int) {
        Self.check(Three(a: 1, b: 2, c: 3), offset: offset)
        Self.check(Twelve(a: -1, b: 7, c: 9), offset: offset & ~3)
        Self.check(UInt8(0x5A), offset: offset)
        Self.check(Double(2.5), offset: offset & ~7)
    }

    static func check<Element: BitwiseCopyable & Sendable & Equatable>(_ value: Element, offset: Int) {
        let stride = MemoryLayout<Element>.stride
        for count in [(HugePages.parallelFillBytes + stride - 1) / stride, HugePages.parallelFillBytes / stride + 1] {
            let bytes = offset + count * stride + 64
            let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: HugePages.size)
            defer { raw.deallocate() }
            raw.initializeMemory(as: UInt8.self, repeating: 0xEE, count: bytes)
            let buffer = UnsafeMutableBufferPointer(start: (raw + offset).bindMemory(to: Element.self, capacity: count), count: count)
            HugePages.fill(buffer, with: value)
            #expect(buffer.allSatisfy { $0 == value }, "\(Element.self) × \(count) at +\(offset)")
            let before = UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: offset)
            let after = UnsafeBufferPointer(start: (raw + offset + count * stride).assumingMemoryBound(to: UInt8.self), count: 64)
            #expect(before.allSatisfy { $0 == 0xEE } && after.allSatisfy { $0 == 0xEE }, "\(Element.self) × \(count) at +\(offset)")
        }
    }

    @Test func reservingKeepsTheElementsInOrder() {
        var array = Array(0..<100_000)
        HugePages.reserve(&array, 1_000_000)
        #expect(array.capacity >= 1_000_000)
        #expect(array == Array(0..<100_000))
        array.append(contentsOf: 100_000..<1_000_000)
        #expect(array == Array(0..<1_000_000))
    }

    /// Where the system lets a program ask for 2 MB pages, the 2 MB blocks inside an
    /// 8 MB array are asked for: the kernel marks the mapping holding them (`hg` in its
    /// flags). Whether it then finds free 2 MB pages, or the array reuses memory already
    /// in 4 KB pages, is up to the kernel and the allocator.
    @Test(.enabled(if: HugePagesTests.systemAllowsHugePages, "transparent huge pages are off here"))
    func anArrayOfMegabytesIsAdvisedForHugePages() throws {
        let array = HugePages.array(repeating: 1.0, count: 1 << 20)
        let start = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let flags = try Self.mappingFlags(overlapping: start..<start + 8 << 20)
        #expect(flags.contains { $0.contains("hg") }, "the mappings of an 8 MB array have flags \(flags)")
        #expect(array[12345] == 1)
    }

    /// Whether Linux lets a program ask for 2 MB pages (`madvise` or `always`).
    static var systemAllowsHugePages: Bool {
        let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        return setting.contains("[madvise]") || setting.contains("[always]")
    }

    /// The `VmFlags` of each mapping overlapping `addresses` (advising part of a mapping
    /// splits it), from /proc/self/smaps.
    static func mappingFlags(overlapping addresses: Range<UInt>) throws -> [[Substring]] {
        // Read to its end: /proc reports a size of 0, which whole-file readers believe.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        let smaps = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        var inside = false
        var flags: [[Substring]] = []
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = bounds.count == 2 && bounds[0] < addresses.upperBound && addresses.lowerBound < bounds[1]
            } else if inside, fields.first == "VmFlags:" {
                flags.append(Array(fields.dropFirst()))
            }
        }
        return flags
    }
}
