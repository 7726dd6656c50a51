import Foundation
import Testing

/// Every transcript in the README and every example of `--help` (with its promise,
/// "# prints 6"), run
/// through the built binary and compared with what the text shows. Commands run in
/// bash, in a fresh directory holding a copy of docs/, with the binary first on PATH.
/// A command that exits 0 is compared with its standard output, one that fails with
/// its standard error. `graddiff` alone, a session, runs in a terminal
/// (`ReadmeSessionTests`).
@Suite struct DocumentedExampleTests {
    static let transcripts = (try? DocumentedExamples.readmeTranscripts()) ?? []

    @Test func theReadmeHasTranscripts() {
        #expect(Self.transcripts.count >= 10, "\(Self.transcripts)")
    }

    @Test(arguments: DocumentedExampleTests.transcripts.filter { $0.command != "graddiff" })
    func readmeTranscript(_ transcript: DocumentedExamples.Transcript) throws {
        let result = try Self.runInShell(transcript.command)
        let shown = result.status == 0 ? result.stdout : result.stderr
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty()
        #expect(DocumentedExamples.matches(lines, transcript.output),
                "\(transcript) prints (status \(result.status)):\n\(shown)\nthe README shows:\n\(transcript.output.joined(separator: "\n"))")
    }

    static let helps: [[String]] = [["--help"], ["diff", "--help"], ["minimize", "--help"]]

    /// Every example runs (files it names are the repository's docs/), and a comment
    /// "prints TEXT" promises TEXT as a line of the command's output.
    @Test(arguments: DocumentedExampleTests.helps) func helpExamplesRunAndPrintWhatTheySay(_ help: [String]) throws {
        let text = try GraddiffProcess.run(help, environment: ["COLUMNS": "200"]).stdout
        let examples = DocumentedExamples.examples(inHelp: text)
        #expect(!examples.isEmpty)
        for example in examples {
            let result = try Self.runInShell(example.command)
            #expect(result.status == 0, "\(example): \(result.stderr)")
            guard let promise = example.comment, promise.hasPrefix("prints ") else { continue }
            let expected = String(promise.dropFirst("prints ".count))
            #expect(result.stdout.split(separator: "\n").contains { $0 == expected },
                    "\(example) prints:\n\(result.stdout)")
        }
    }

    /// `bash -c command` in a fresh directory with a copy of docs/.
    static func runInShell(_ command: String) throws -> GraddiffProcess.Result {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: DocumentedExamples.root.appendingPathComponent("docs"),
                                         to: directory.appendingPathComponent("docs"))
        return try GraddiffProcess.runExecutable("/bin/bash", ["-c", "cd \"$1\" && shift && eval \"$1\"", "bash",
                                                              directory.path, command])
    }
}

/// `--help` laid out for the terminal: at any width from 56 columns no line is wider
/// than the terminal, and the examples are the same commands as on a wide one (a
/// command is continued with ` \`, never broken); no option states its default twice.
@Suite struct HelpLayoutTests {
    @Test(arguments: DocumentedExampleTests.helps) func helpFitsTheTerminal(_ help: [String]) throws {
        let wide = try GraddiffProcess.run(help, environment: ["COLUMNS": "200"]).stdout
        let examples = DocumentedExamples.examples(inHelp: wide)
        #expect(examples.count >= 3)
        // Below 56, the longest word of an option's help (--explain=forward-mode) no
        // longer fits beside the options' column.
        for width in [56, 64, 72, 80, 100, 132] {
            let text = try GraddiffProcess.run(help, environment: ["COLUMNS": String(width)]).stdout
            for line in text.split(separator: "\n") {
                #expect(line.count <= width, "COLUMNS=\(width) \(help): '\(line)' is \(line.count) wide")
            }
            #expect(DocumentedExamples.examples(inHelp: text) == examples, "COLUMNS=\(width) \(help):\n\(text)")
        }
    }

    @Test(arguments: DocumentedExampleTests.helps) func noOptionStatesItsDefaultTwice(_ help: [String]) throws {
        let text = try GraddiffProcess.run(help, environment: ["COLUMNS": "200"]).stdout
        let options = text.components(separatedBy: "\nOPTIONS:\n").last ?? ""
        for line in options.split(separator: "\n") where line.hasPrefix("  -") {
            #expect(line.components(separatedBy: "default").count <= 2, "\(line)")
        }
    }
}

extension Array where Element == String {
    func dropLastIfEmpty() -> [String] {
        last == "" ? Array(dropLast()) : self
    }
}

/// The README's session (`$ graddiff`, then `graddiff> ` lines) typed into a terminal:
/// after each line the screen shows what the README shows, up to the next prompt.
@Suite(.enabled(if: SkipNote.runs("ReadmeSessionTests", unless: TerminalSession.isAvailable ? nil : "tmux is not installed"),
                "tmux is not installed"))
struct ReadmeSessionTests {
    @Test func theReadmeSessionIsWhatATerminalShows() throws {
        let sessions = DocumentedExampleTests.transcripts.filter { $0.command == "graddiff" }
        #expect(sessions.count == 1)
        guard let session = sessions.first, let banner = session.output.first else { return }
        let terminal = try TerminalSession()
        #expect(try terminal.screen().hasPrefix(banner))
        // The lines each entry prints, up to the next prompt.
        var entries: [(line: String, output: [String])] = []
        for line in session.output.dropFirst() {
            if line.hasPrefix(TerminalSession.prompt + " ") {
                entries.append((String(line.dropFirst(TerminalSession.prompt.count + 1)), []))
            } else if !entries.isEmpty {
                entries[entries.count - 1].output.append(line)
            }
        }
        #expect(entries.count >= 5)
        for (line, output) in entries {
            if line == "^D" {
                try terminal.press("C-d")
                #expect(try terminal.exitStatus() == 0)
                continue
            }
            let screen = try terminal.run(line).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let typed = try #require(screen.lastIndex(of: TerminalSession.prompt + " " + line), "\(screen)")
            let shown = Array(screen[(typed + 1)..<(screen.count - 1)])
            #expect(DocumentedExamples.matches(shown, output), "after '\(line)' the screen shows:\n\(shown.joined(separator: "\n"))")
        }
    }
}
