import Foundation
import Testing

/// The man page renders cleanly and documents every option --help lists.
@Suite struct ManPageTests {
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("man/graddiff.1")

    /// `mandoc -Tlint` at its default level, style included (lines over 80 bytes and the
    /// like): any message fails, so CI keeps the page clean.
    @Test func lintsCleanly() throws {
        let mandoc = ["/usr/bin/mandoc", "/usr/local/bin/mandoc"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let mandocPath = try #require(mandoc, "mandoc is not installed: apt-get install mandoc (.ci/run does)")
        let result = try GraddiffProcess.runExecutable(mandocPath, ["-Tlint", Self.page.path])
        #expect(result.status == 0, "mandoc -Tlint: \(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    @Test func documentsEveryOptionAndExitStatus() throws {
        let page = try String(contentsOf: Self.page, encoding: .utf8)
        let help = try GraddiffProcess.run(["--help"]).stdout
        let words = help.split(whereSeparator: { " ,\n".contains($0) })
            .map { $0.prefix(while: { $0.isLetter || $0 == "-" }) }
        let options = Set(words.filter { $0.hasPrefix("--") && $0.count > 2 })
        #expect(!options.isEmpty)
        for option in options {
            let escaped = option.dropFirst(2).replacingOccurrences(of: "-", with: "\\-")
            #expect(page.contains("\\-\\-\(escaped)"), "man page lacks \(option)")
        }
        for status in ["0", "1", "64", "65", "66", "70", "74"] {
            #expect(page.contains(".B \(status)\n"), "man page lacks exit status \(status)")
        }
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXPRESSION SYNTAX", "FUNCTIONS",
                        "PROGRAMS", "BATCH MODE", "OUTPUT", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES", "SEE ALSO"] {
            #expect(page.contains(".SH \(section)"), "man page lacks \(section)")
        }
    }
}

/// The parts of the man page that follow other sources: the diff synopsis follows
/// `graddiff diff --help`, and installation covers the Makefile's ways in.
@Suite struct ManPageSynopsisTests {
    @Test func diffSynopsisNamesEveryDiffOption() throws {
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        let start = try #require(page.range(of: "\n.B graddiff diff\n"))
        let synopsis = String(page[start.upperBound...]).components(separatedBy: "\n.br\n")[0]
        let help = try GraddiffProcess.run(["diff", "--help"])
        // Each option line of --help, as its spellings: "-f, --file <FILE>" is ["-f", "--file"].
        let options: [[String]] = help.stdout.split(separator: "\n")
            .map { $0.drop(while: { $0 == " " }) }
            .filter { $0.hasPrefix("-") && !$0.hasPrefix("-h, --help") && !$0.hasPrefix("--version") }
            .map { line in
                line.prefix(while: { $0 != "<" }).split(separator: " ").prefix(while: { $0.hasPrefix("-") })
                    .map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }
            }
        #expect(options.contains(["-f", "--file"]) && options.contains(["--output"]), "\(options)")
        for spellings in options {
            #expect(spellings.contains { synopsis.contains($0.replacingOccurrences(of: "-", with: "\\-")) },
                    "the diff synopsis lacks \(spellings.joined(separator: ", "))")
        }
        #expect(synopsis.contains(".RI [ name = value \" ...]\""), "the diff synopsis lacks bindings")
    }

    @Test func installationCoversMakeDebAndCompletions() throws {
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        for text in [".SH INSTALLATION", "make \\%install", "make deb", "dpkg \\-i", "dpkg \\-r graddiff",
                     "\\-\\-generate\\-completion\\-script", "vendor_completions.d", "_graddiff"] {
            #expect(page.contains(text), "the man page lacks \(text)")
        }
        #expect(!page.contains("CS224n sigmoid"), "the sigmoid gate example is CS231n's")
    }
}
