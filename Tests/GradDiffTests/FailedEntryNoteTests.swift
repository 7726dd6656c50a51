import Testing
@testable import GradDiff

/// A note given by an entry that then failed is taken back with it: its key names a node
/// of that entry, whose id the next entry's expression reuses, and that expression's own
/// note was not said (`y*4` after a failed `y*3; q`).
@Suite struct FailedEntryNoteTests {
    @Test func aFailedEntryForgetsTheNotesItGave() {
        var repl = session("x = 1", "y = x^2", "x = 5", ":wrt x")
        let note = "this expression uses x = 1, not x#2 = 5: its gradient with respect to x#2 is 0"
        let failed = repl.run("y*3; q")
        #expect(failed.failed && failed.messages.contains(note))
        let next = repl.run("y*4")
        #expect(!next.failed && next.messages.contains(note), "\(next.messages)")
        #expect(!repl.run("y*4").messages.contains(note), "said once")
    }
}
