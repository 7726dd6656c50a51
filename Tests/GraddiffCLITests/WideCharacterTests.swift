import GradDiff
import Testing

/// Names in CJK (`变量`) take two terminal columns a character: the table's columns and
/// a diagnostic's carets count terminal columns, so both stay aligned on the screen.
struct WideCharacterTests {
    @Test func terminalColumnsOfScalars() {
        #expect(TerminalColumns.width(of: "变量") == 4)
        #expect(TerminalColumns.width(of: "한글") == 4)
        #expect(TerminalColumns.width(of: "ＡＢ") == 4)  // fullwidth forms
        #expect(TerminalColumns.width(of: "θ_1") == 3)
        #expect(TerminalColumns.width(of: "e\u{301}") == 1)  // a combining accent takes none
        #expect(TerminalColumns.width(of: "a\u{200B}b") == 2)  // nor does a zero-width space
        #expect(TerminalColumns.width(of: "🙂") == 2)
    }

    /// Each row's cells start at the same terminal column (they started a column too far
    /// right for every CJK character in the row's name).
    @Test func theTableAlignsCJKNames() throws {
        let result = try GraddiffProcess.run(["变量 + y", "变量=1", "y=2"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        func column(of word: String, in row: String) -> Int? {
            guard let range = row.range(of: " " + word + " ") else { return nil }
            return TerminalColumns.width(of: row[..<range.lowerBound]) + 1
        }
        let opColumns = zip(rows.dropFirst(), ["var", "var", "add"]).map { column(of: $1, in: $0) }
        #expect(opColumns.allSatisfy { $0 != nil && $0 == column(of: "op", in: rows[0]) }, "\(result.stdout)")
        // Numbers are right-aligned, and every row has a gradient: every row ends in one column.
        #expect(Set(rows.map { TerminalColumns.width(of: $0) }).count == 1, "\(result.stdout)")
    }

    /// Bytes that are not UTF-8 show as one U+FFFD each run, one column: a mark after
    /// them stands where the line shows its text (it was placed by the replacement's
    /// three bytes, not the run's own).
    @Test func aMarkAfterBytesThatAreNotUTF8StandsUnderItsText() {
        let source = SourceText(name: "t", bytes: Array("a ".utf8) + [0xFF] + Array(" bc".utf8))
        let rendered = DiagnosticRenderer(useColor: false).render(
            LocatedDiagnostic(.error("here", at: SourceSpan(start: 4, end: 6)), in: source))
        #expect(rendered == "t:1:5: error: here\n 1 | a \u{FFFD} bc\n   |     ^~\n", "\(rendered)")
    }

    @Test func theCaretStandsUnderTheOperatorAfterACJKName() throws {
        let result = try GraddiffProcess.run(["变量 + y*/2", "变量=1", "y=2"])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count >= 3 && lines[1] == " 1 | 变量 + y*/2", "\(result.stderr)")
        let caret = lines[2].firstIndex(of: "^").map { TerminalColumns.width(of: lines[2][..<$0]) }
        let star = lines[1].firstIndex(of: "*").map { TerminalColumns.width(of: lines[1][..<$0]) }
        #expect(caret != nil && caret == star, "\(result.stderr)")
    }
}
