import Foundation
import Testing
@testable import GradDiff

/// Pages faulted in early on another thread hold what the program wrote, and a large
/// text parses to the same tape with the prefaulter as without it.
@Suite struct PagePrefaulterTests {
    /// A fresh mapping's pages are not resident until written; populated, they are,
    /// and still read as zero.
    @Test(.enabled(if: Self.kernelPopulates, "no MADV_POPULATE_WRITE on this system (Linux before 5.14)"))
    func populatingFaultsPagesInWithoutWriting() throws {
        let pages = 64
        let size = pages * 4096
        let mapping = try #require(mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        defer { munmap(mapping, size) }
        #expect(Self.residentPages(mapping, size) == 0)
        let start = Int(bitPattern: mapping)
        // A range starting and ending inside pages faults in the whole pages.
        #expect(PagePrefaulter.populate(start + 100..<start + size - 100) == .faulted)
        #expect(Self.residentPages(mapping, size) == pages)
        let bytes = mapping.assumingMemoryBound(to: UInt8.self)
        #expect((0..<size).allSatisfy { bytes[$0] == 0 })
        // Pages written before are faulted again as they are, not zeroed.
        for page in 0..<pages { bytes[page * 4096 + page] = UInt8(page + 1) }
        #expect(PagePrefaulter.populate(start..<start + size) == .faulted)
        #expect((0..<pages).allSatisfy { bytes[$0 * 4096 + $0] == UInt8($0 + 1) })
        // A range no longer mapped (an array's old storage) is skipped, not the end of prefaulting.
        munmap(mapping + size / 2, size / 2)
        #expect(PagePrefaulter.populate(start + size / 2..<start + size) == .skipped)
    }

    /// Whether this kernel has MADV_POPULATE_WRITE, asked of it directly (not through
    /// `PagePrefaulter`, whose answer is what is tested).
    static let kernelPopulates: Bool = {
        #if os(Linux)
        guard let page = mmap(nil, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              page != MAP_FAILED else { return false }
        defer { munmap(page, 4096) }
        return madvise(page, 4096, 23) == 0
        #else
        return false
        #endif
    }()

    /// A builder given a prefaulter does ask for its next pages, and they are faulted
    /// in (a prefaulter the parser never called, or that faulted nothing, fails here).
    @Test(.enabled(if: Self.kernelPopulates, "no MADV_POPULATE_WRITE on this system (Linux before 5.14)"))
    func aBuilderAsksForItsNextPages() throws {
        let prefaulter = try #require(PagePrefaulter.make())
        var builder = TapeBuilder()
        builder.reserveCapacity(1 << 18)
        Threads.perform(2, others: { _ in prefaulter.run() }, here: { started in
            defer { prefaulter.finish() }
            guard started > 0 else { return }
            builder.prefault(with: prefaulter)
            let span = SourceSpan(start: 0, end: 1)
            var node = builder.variable("x", at: span)
            for i in 0..<(1 << 17) { node = builder.apply(i % 2 == 0 ? .sin : .exp, node, at: span) }
            builder.prefault(with: nil)
        })
        #expect(prefaulter.faultedRangeCount > 0)
        #expect(builder.prefaulter == nil && builder.nextPrefault == .max)
    }

    /// A text denser than the room reserved for it (the arrays move while it is parsed),
    /// and texts that fail midway (too many nodes, a syntax error), with the prefaulter
    /// running: the same tape as without it, or the error, and no thread left waiting.
    @Test func movedArraysAndFailuresMidwayParseAsWithoutThePrefaulter() throws {
        let dense = "z = " + Array(repeating: "x", count: 600_000).joined(separator: "*") + "\n"
        let prefaulted = try ProgramParser.parse(SourceText(name: "dense", text: dense))
        var plain = Program(source: SourceText(name: "dense", bytes: []))
        try ProgramParser.parse(SourceText(name: "dense", text: dense), into: &plain)
        #expect(prefaulted.tape.count == plain.tape.count)
        #expect(prefaulted.tape.first == plain.tape.first && prefaulted.tape.second == plain.tape.second)
        #expect(prefaulted.tape.ops == plain.tape.ops)
        #expect(throws: UserError.self) { try ProgramParser.parse(SourceText(name: "dense", text: dense), nodeLimit: 100_000) }
        let bad = String(repeating: "s = x*1.5\n", count: 120_000) + "s = )\n"
        #expect(throws: UserError.self) { try ProgramParser.parse(SourceText(name: "bad", text: bad)) }
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
    /// Each request asks only for the window's part not asked for before; after nodes
    /// are taken back below what was asked for, the range is empty, never inverted.
    @Test func eachRequestAsksOnlyForWhatIsNew() {
        let window = PagePrefaulter.window
        #expect(TapeBuilder.notAskedFor(from: 0, asked: 0) == 0..<window)
        #expect(TapeBuilder.notAskedFor(from: PagePrefaulter.step, asked: window) == window..<window + PagePrefaulter.step)
        #expect(TapeBuilder.notAskedFor(from: 5 * window, asked: window) == 5 * window..<6 * window)
        #expect(TapeBuilder.notAskedFor(from: 10, asked: 3 * window).isEmpty)
    }

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
