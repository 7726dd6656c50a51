import Foundation

/// The commands the README and `--help` show, read from them, so that a test can run
/// each and compare: what is shown can never drift from what graddiff does.
///
/// README: a line `$ COMMAND` in a code block (fenced, or indented four spaces) is a
/// transcript; a line ending in ` \` continues the command, and the lines up to the next
/// `$ ` or the block's end are its output. `--help`: the lines after `Examples:`, each a
/// command with an optional `# comment` after it or on lines of its own above it.
enum DocumentedExamples {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Transcript: CustomStringConvertible, Sendable {
        var command: String
        var output: [String]
        /// The README line it starts on.
        var line: Int
        var description: String { "README.md:\(line): $ \(command)" }
    }

    static func readmeTranscripts() throws -> [Transcript] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var transcripts: [Transcript] = []
        var fenced = false
        var current: Transcript? = nil
        var continues = false
        func finish() {
            if let done = current { transcripts.append(done) }
            current = nil
        }
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            if raw.hasPrefix("```") {
                fenced.toggle()
                finish()
                continue
            }
            let indented = !fenced && raw.hasPrefix("    ")
            guard fenced || indented else {
                // An indented block ends at a line that is neither indented nor blank.
                if !raw.isEmpty { finish() }
                continue
            }
            let line = indented ? String(raw.dropFirst(4)) : raw
            if continues, var transcript = current {
                transcript.command += " " + line.trimmingCharacters(in: .whitespaces)
                continues = transcript.command.hasSuffix(" \\")
                if continues { transcript.command.removeLast(2) }
                current = transcript
            } else if line.hasPrefix("$ ") {
                finish()
                var command = String(line.dropFirst(2))
                continues = command.hasSuffix(" \\")
                if continues { command.removeLast(2) }
                current = Transcript(command: command, output: [], line: index + 1)
            } else if current != nil {
                current!.output.append(line)
            }
        }
        finish()
        return transcripts.map { transcript in
            var transcript = transcript
            while transcript.output.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { transcript.output.removeLast() }
            return transcript
        }
    }

    struct Example: Equatable, CustomStringConvertible {
        var command: String
        var comment: String?
        var description: String { command + (comment.map { "  # " + $0 } ?? "") }
    }

    /// The examples of a `--help` text, with the commands joined back from their
    /// ` \` continuations and each comment joined from its lines.
    static func examples(inHelp help: String) -> [Example] {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        var examples: [Example] = []
        var comment: [String] = []
        var partial: String? = nil
        for line in lines[(start + 1)...] {
            if line.isEmpty { break }
            var text = line.trimmingCharacters(in: .whitespaces)
            if partial == nil, text.hasPrefix("# ") {
                comment.append(String(text.dropFirst(2)))
                continue
            }
            var inline: String? = nil
            if let range = text.range(of: "  # ") {
                inline = String(text[range.upperBound...])
                text = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            let command = (partial.map { $0 + " " } ?? "") + text
            if command.hasSuffix(" \\") {
                partial = String(command.dropLast(2))
                continue
            }
            partial = nil
            examples.append(Example(command: command, comment: inline ?? (comment.isEmpty ? nil : comment.joined(separator: " "))))
            comment = []
        }
        return examples
    }

    /// Whether `actual` is what `expected` shows: line by line, trailing blanks aside;
    /// a line `...` stands for any lines, and `...` within a line for any text.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        let actual = actual.map { $0.trimmingTrailingBlanks() }
        let expected = expected.map { $0.trimmingTrailingBlanks() }
        // Positions in `expected` reachable after each prefix of `actual` (no recursion).
        var states: Set<Int> = closure([0], expected)
        for line in actual {
            var next: Set<Int> = []
            for state in states where state < expected.count {
                if expected[state] == "..." {
                    next.insert(state)
                } else if lineMatches(line, expected[state]) {
                    next.insert(state + 1)
                }
            }
            states = closure(next, expected)
        }
        return states.contains(expected.count)
    }

    private static func closure(_ states: Set<Int>, _ expected: [String]) -> Set<Int> {
        var result = states
        for state in states.sorted() {
            var position = state
            while position < expected.count, expected[position] == "..." {
                position += 1
                result.insert(position)
            }
        }
        return result
    }

    /// `line` against a pattern whose `...` stand for any text.
    static func lineMatches(_ line: String, _ pattern: String) -> Bool {
        let pieces = pattern.components(separatedBy: "...")
        guard pieces.count > 1 else { return line == pattern }
        guard line.hasPrefix(pieces[0]) else { return false }
        var rest = Substring(line.dropFirst(pieces[0].count))
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(pieces.last!)
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var text = Substring(self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
