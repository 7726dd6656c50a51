#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import GradDiff

/// `Threads.available` counts the cores this thread may run on, not every online core:
/// under `taskset -c 0` (or a container's cpuset) a batch would otherwise start a thread
/// per online core to take turns on one.
@Suite struct ThreadsAvailableTests {
    /// glibc's thread affinity calls, which the Glibc module does not export.
    typealias Affinity = @convention(c) (pthread_t, Int, UnsafeMutableRawPointer) -> Int32

    static func function(_ name: String) -> Affinity? {
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: Affinity.self)
    }

    @Test func aThreadAllowedOneCoreCountsOne() throws {
        #if os(Linux)
        let getAffinity = try #require(Self.function("pthread_getaffinity_np"))
        let setAffinity = try #require(Self.function("pthread_setaffinity_np"))
        let size = MemoryLayout<cpu_set_t>.size
        var saved = cpu_set_t()
        try #require(getAffinity(pthread_self(), size, &saved) == 0)
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        // This thread alone is pinned, to the first core it may use, and only while the
        // count is read; the mask it had is put back.
        let first = try #require((0..<64).first { saved.__bits.0 & (1 << UInt64($0)) != 0 })
        var one = cpu_set_t()
        one.__bits.0 = 1 << UInt64(first)
        try #require(setAffinity(pthread_self(), size, &one) == 0)
        let pinned = Threads.available
        #expect(setAffinity(pthread_self(), size, &saved) == 0)
        #expect(pinned == 1, "a thread allowed one of \(online) online cores counts \(pinned)")
        #expect(Threads.available >= 1 && Threads.available <= online)
        #endif
    }
}
