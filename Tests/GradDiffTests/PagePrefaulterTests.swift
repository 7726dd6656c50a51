import Foundation
import Testing
@testable import GradDiff

/// Pages faulted in early on another thread hold what the program wrote, and a large
/// text parses to the same tape with the prefaulter as without it.
@Suite struct PagePrefaulterTests {
    /// A fresh mapping's pages are not resident until written; populated, they are,
    /// and still read as zero.
    @Test(.enabled(if: PagePrefaulter.make() != nil, "no prefaulting on this system"))
    func populatingFaultsPagesInWithoutWriting() throws {
        let pages = 64
        let size = pages * 4096
        let mapping = try #require(mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        defer { munmap(mapping, size) }
        #expect(Self.residentPages(mapping, size) == 0)
        let start = Int(bitPattern: mapping)
        // A range starting and ending inside pages faults in the whole pages.
        #expect(PagePrefaulter.populate(start + 100..<start + size - 100))
        #expect(Self.residentPages(mapping, size) == pages)
        let bytes = mapping.assumingMemoryBound(to: UInt8.self)
        #expect((0..<size).allSatisfy { bytes[$0] == 0 })
    }

    /// Elements written before, during and after the prefaulter's thread works on the
    /// same storage keep their values: populating never writes.
    @Test func elementsWrittenWhilePopulatingKeepTheirValues() {
        let count = 1 << 21
        var array: [Int64] = []
        HugePages.reserve(&array, count)
        array.append(contentsOf: 0..<4096)
        guard let prefaulter = PagePrefaulter.make() else { return }
        Threads.perform(2, others: { _ in prefaulter.run() }, here: { _ in
            for chunk in stride(from: 4096, to: count, by: 1 << 16) {
                // Ask for the whole array each time, written part included.
                prefaulter.populate([PagePrefaulter.addresses(of: array, 0..<count)])
                array.append(contentsOf: Int64(chunk)..<Int64(Swift.min(chunk + (1 << 16), count)))
            }
            prefaulter.finish()
        })
        #expect(array.count == count)
        #expect(array.enumerated().allSatisfy { Int64($0.offset) == $0.element })
    }

    /// The addresses of elements stop at the reserved room, and of an empty range are empty.
    @Test func addressesStopAtTheReservedRoom() {
        var array: [Int32] = [1, 2, 3]
        array.reserveCapacity(100)
        let base = array.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        #expect(PagePrefaulter.addresses(of: array, 3..<10) == base + 12..<base + 40)
        #expect(PagePrefaulter.addresses(of: array, 90..<1000) == base + 360..<base + 4 * array.capacity)
        #expect(PagePrefaulter.addresses(of: array, 5..<5).isEmpty)
        #expect(PagePrefaulter.addresses(of: array, array.capacity..<array.capacity + 10).isEmpty)
    }

    /// A program of more than a megabyte (parsed with the prefaulter) and the same
    /// statements parsed into a program (never prefaulted) give the same tape.
    @Test func aLargeTextParsesAsWithoutThePrefaulter() throws {
        var text = "s0 = x * 1.5\n"
        var index = 1
        while text.utf8.count < PagePrefaulter.smallestText + 4096 {
            text += "s\(index) = tanh(s\(index - 1) * \(Double(index) / 7) + y) - \(index % 13)\n"
            index += 1
        }
        let prefaulted = try ProgramParser.parse(SourceText(name: "large", text: text))
        var plain = Program(source: SourceText(name: "large", bytes: []))
        try ProgramParser.parse(SourceText(name: "large", text: text), into: &plain)
        #expect(prefaulted.tape.count > 100_000)
        #expect(prefaulted.tape.count == plain.tape.count)
        #expect(prefaulted.tape.ops == plain.tape.ops)
        #expect(prefaulted.tape.first == plain.tape.first)
        #expect(prefaulted.tape.second == plain.tape.second)
        #expect(prefaulted.tape.spans == plain.tape.spans)
        #expect(prefaulted.tape.constants.map(\.bitPattern) == plain.tape.constants.map(\.bitPattern))
        #expect(prefaulted.tape.readsVariable == plain.tape.readsVariable)
    }

    /// How many of the pages of `size` bytes at `address` are in memory (`mincore`).
    static func residentPages(_ address: UnsafeMutableRawPointer, _ size: Int) -> Int {
        var flags = [UInt8](repeating: 0, count: (size + 4095) / 4096)
        guard mincore(address, size, &flags) == 0 else { return -1 }
        return flags.filter { $0 & 1 != 0 }.count
    }
}
