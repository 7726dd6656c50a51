@testable import graddiff
import Testing

/// How a session entry continued over lines is kept as one line of history: newlines
/// (inside '(' or '[', where they mean nothing) become spaces, and a comment that ended
/// a line is dropped, since joined it would hide the rest of the entry.
struct HistoryLineTests {
    @Test func aContinuedEntryBecomesOneLineWithoutItsComments() {
        #expect(EntryAssembler.historyLine("(x + # the first part\n1) * 10") == "(x + 1) * 10")
        #expect(EntryAssembler.historyLine("(x +\t# tabbed\t\n1)") == "(x + 1)")
        #expect(EntryAssembler.historyLine("(x +\n# only a comment\n1)") == "(x + 1)")
        #expect(EntryAssembler.historyLine("[1,\n2]") == "[1, 2]")
    }

    /// On the last line a comment hides nothing and stays, as typed.
    @Test func theLastLinesCommentStays() {
        #expect(EntryAssembler.historyLine("(x +\n1) # done") == "(x + 1) # done")
        #expect(EntryAssembler.historyLine("x * 2  # one line") == "x * 2  # one line")
    }

    /// The history joins an entry as `:vars` shows a definition: `f(a,\n b)` reads
    /// `f(a, b)`, not `f(a,  b)` with the line's blank kept beside the joining one.
    @Test func theHistoryJoinsAsVarsShowsADefinition() {
        #expect(EntryAssembler.historyLine("f(a,\n b) = a*b") == "f(a, b) = a*b")
        #expect(EntryAssembler.historyLine("f(a,\r\n b) = a*b") == "f(a, b) = a*b")
    }

    /// An entry that does not lex is still kept on one line, its lines joined.
    @Test func anEntryThatDoesNotLexIsJoinedAllTheSame() {
        #expect(EntryAssembler.historyLine("(x + $ # odd\n1)") == "(x + $ 1)")
    }
}
