#if os(Linux)
import Glibc
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

    static let onlineCores = sysconf(Int32(_SC_NPROCESSORS_ONLN))

    /// On one core, one is the count with or without the affinity read: nothing to tell.
    @Test(.enabled(if: onlineCores > 1, "needs two online cores"))
    func aThreadAllowedOneCoreCountsOne() throws {
        let getAffinity = try #require(Self.function("pthread_getaffinity_np"))
        let setAffinity = try #require(Self.function("pthread_setaffinity_np"))
        let size = MemoryLayout<cpu_set_t>.size
        var saved = cpu_set_t()
        try #require(getAffinity(pthread_self(), size, &saved) == 0)
        // This thread alone is pinned, to the first core it may use, and only while the
        // count is read; the mask it had is put back.
        let first = try #require(withUnsafeBytes(of: saved) { mask in
            (0..<mask.count * 8).first { mask[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        })
        var one = cpu_set_t()
        withUnsafeMutableBytes(of: &one) { $0[first / 8] = 1 << UInt8(first % 8) }
        try #require(setAffinity(pthread_self(), size, &one) == 0)
        let pinned = Threads.available
        #expect(setAffinity(pthread_self(), size, &saved) == 0)
        #expect(pinned == 1, "a thread allowed one of \(Self.onlineCores) online cores counts \(pinned)")
        #expect(Threads.available >= 1 && Threads.available <= Self.onlineCores)
    }
}
#endif
