import Testing
@testable import GradDiff

/// The allocator policy the command sets at start-up. glibc refuses a heap block limit
/// above 32 MB without a word but a return value, and the command ignores that value,
/// so this is where a limit out of range shows. (Whether a freed block is then reused
/// depends on what other threads allocate meanwhile, so it is measured, not tested:
/// `FreedMemory`'s doc.)
struct FreedMemoryTests {
    @Test(.enabled(if: FreedMemoryTests.isLinux, "the policy is glibc's"))
    func theCLibraryAcceptsThePolicy() {
        #expect(FreedMemory.keepForReuse())
    }

    static var isLinux: Bool {
        #if os(Linux)
        true
        #else
        false
        #endif
    }
}
