import Testing
@testable import GradDiff

/// Diagnostics as people read them: `name:line:column: severity: message`, the source
/// line, carets under the span counted in characters, and the help line.
struct DiagnosticRendererTests {
    func renderedError(_ text: String, color: Bool = false) throws -> String {
        let diagnostics = userErrors { _ = try parseProgram(text) }
        let first = try #require(diagnostics.first)
        return DiagnosticRenderer(useColor: color).render(first)
    }

    @Test func manPageExample() throws {
        #expect(try renderedError("sine(x)") == """
            expression:1:1: error: unknown function 'sine'
             1 | sine(x)
               | ^~~~
            help: did you mean 'sin'?

            """)
    }

    @Test func caretsCountCharactersNotBytes() throws {
        #expect(try renderedError("θ + sqr(x)") == """
            expression:1:5: error: unknown function 'sqr'
             1 | θ + sqr(x)
               |     ^~~
            help: did you mean 'sqrt'?

            """)
    }

    @Test func otherSpansAreUnderlinedToo() throws {
        // The error is at the end; the unclosed '(' is marked as well.
        #expect(try renderedError("(x + y") == """
            expression:1:7: error: expected ')' to close the '(' at column 1, found the end of the input
             1 | (x + y
               | ^     ^
            help: add ')'

            """)
    }

    @Test func tabsAreCopiedSoCaretsStayAligned() throws {
        // The error is at the end of the line; the '+' it follows is marked too.
        let rendered = try renderedError("\tx +")
        #expect(rendered.contains(" 1 | \tx +\n   | \t  ^^\n"), "\(rendered.debugDescription)")
    }

    @Test func secondLineIsShownWithItsNumber() throws {
        let rendered = try renderedError("p = x + y\ng = p * 2x")
        #expect(rendered.hasPrefix("expression:2:10: error: expected an operator before 'x'\n 2 | g = p * 2x\n   |          ^\n"))
    }

    @Test func longLinesAreWindowed() throws {
        let text = String(repeating: "x + ", count: 500) + "sine(x)"
        let rendered = try renderedError(text)
        let lines = rendered.split(separator: "\n")
        #expect(lines[0] == "expression:1:2001: error: unknown function 'sine'")
        #expect(lines[1].hasPrefix(" 1 | …") && lines[1].hasSuffix("sine(x)"))
        #expect(lines[1].count < 250)
        // The caret still sits under the 's' of sine.
        let sourceLine = Array(lines[1])
        let caretLine = Array(lines[2])
        let caret = try #require(caretLine.firstIndex(of: "^"))
        #expect(String(sourceLine[caret..<(caret + 4)]) == "sine")
    }

    @Test func diagnosticWithoutSource() {
        let rendered = DiagnosticRenderer(useColor: false).render(LocatedDiagnostic(.error("no input", help: "give one"), in: nil))
        #expect(rendered == "error: no input\nhelp: give one\n")
    }

    @Test func colourOnlyWhenAsked() throws {
        let plain = try renderedError("sine(x)")
        let coloured = try renderedError("sine(x)", color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        // Without the escapes it is the same text.
        var stripped = ""
        var inEscape = false
        for character in coloured {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            stripped.append(character)
        }
        #expect(stripped == plain)
    }

    @Test func warningSeverity() {
        let source = SourceText(name: "binding", text: "yy=3")
        let warning = LocatedDiagnostic(.warning("'yy' is bound but not used", at: SourceSpan(start: 0, end: 2),
                                                 help: "did you mean 'y'?"), in: source)
        #expect(DiagnosticRenderer(useColor: false).render(warning) == """
            binding:1:1: warning: 'yy' is bound but not used
             1 | yy=3
               | ^~
            help: did you mean 'y'?

            """)
    }
}

/// What a diagnostic echoes of the input stays short and printable.
struct DiagnosticEchoTests {
    @Test func aHugeEchoedWordIsCutInTheMiddle() {
        let name = String(repeating: "a", count: 1_000_000)
        let rendered = DiagnosticRenderer(useColor: false).render(
            LocatedDiagnostic(.error("unknown function '\(name)'", help: "did you mean '\(name)'?"), in: nil))
        #expect(rendered.count < 400)
        #expect(rendered.contains("unknown function '" + String(repeating: "a", count: 111) + "…aaa'"))
    }

    @Test func controlCharactersAreShownAsTheirPictures() {
        let source = SourceText(name: "nul", bytes: Array("x+".utf8) + [0, 0x1B] + Array("y".utf8))
        let rendered = DiagnosticRenderer(useColor: false).render(
            LocatedDiagnostic(Diagnostic(.error, "'\u{0}' is not allowed", at: SourceSpan(start: 4, end: 5)), in: source))
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(rendered.contains("'␀' is not allowed"))
        // One picture per character, so the caret stays under the y.
        #expect(rendered.contains(" 1 | x+␀␛y\n   |     ^\n"), "\(rendered)")
    }

    /// C1 controls (U+0080–U+009F) have no pictures: each shows as �, one column, so
    /// U+009B (a terminal's CSI) never reaches the terminal raw; the lexer names it with
    /// four hex digits.
    @Test func c1ControlsAreShownAsReplacementCharacters() throws {
        let source = SourceText(name: "expression", text: "x\u{9B}31m + \u{85}y")
        let error = #expect(throws: UserError.self) { _ = try ProgramParser.parse(source) }
        let rendered = DiagnosticRenderer(useColor: false).render(try #require(error?.diagnostics.first))
        #expect(!rendered.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "\(rendered)")
        #expect(rendered.contains("unexpected character 'U+009B'"), "\(rendered)")
        #expect(rendered.contains(" 1 | x\u{FFFD}31m + \u{FFFD}y\n   |  ^\n"), "\(rendered)")
    }

    /// A bidirectional control (U+202E reverses what follows it) is shown as �, so the
    /// line reads as typed and the caret stays under its column.
    @Test func bidiControlsAreShownAsReplacementCharacters() throws {
        let source = SourceText(name: "expression", text: "x + \u{202E}y + sine(x)")
        let error = #expect(throws: UserError.self) { _ = try ProgramParser.parse(source) }
        let rendered = DiagnosticRenderer(useColor: false).render(try #require(error?.diagnostics.first))
        #expect(!rendered.unicodeScalars.contains { $0.value == 0x202E }, "\(rendered)")
        #expect(rendered.contains(" 1 | x + \u{FFFD}y + sine(x)\n   |     ^\n"), "\(rendered)")
    }

    @Test func anOrdinaryPathIsKeptWhole() {
        let path = "/home/someone/projects/graddiff/examples/a-rather-long-directory-name/network.gd"
        let rendered = DiagnosticRenderer(useColor: false).render(LocatedDiagnostic(.error("cannot open '\(path)'"), in: nil))
        #expect(rendered == "error: cannot open '\(path)'\n")
    }
}
