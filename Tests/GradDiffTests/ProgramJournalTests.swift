import Testing
@testable import GradDiff

/// Statements parsed into a program change it in place, and a failed entry is taken
/// back (`ProgramJournal`). Random entries, some of them failing, must leave exactly the
/// program that the entries that worked make when parsed alone.
struct ProgramJournalTests {
    static let baseSeed: UInt64 = 0x10_0123
    static let sessionCount = 60

    /// Entries of one to three statements: steps, aliases, new versions, inputs with
    /// defaults, function definitions and redefinitions, expressions, and mistakes.
    static let statements = [
        "p = x + y", "q = p * z", "p = p + 1", "x = 2", "w = 0.5", "r = q", "s = x", "e = p - 1",
        "f(a) = a * w", "f(a) = a + p", "g(a, b) = f(a) * b + f(b)", "h(c) = g(c, x)",
        "f(x) + g(y, z)", "h(p)", "q * w + r", "x + 1", "sin(p) * e", "n = x + 1", "o = q * w + r",
        "t = (", "u = 2x", "sin = 1", "f = 3", "k(a) = k(a)", "v = g(1)", "m = p +", "pi = 3",
    ]

    static func entry(_ random: inout SplitMix64) -> String {
        (0...random.below(3)).map { _ in statements[random.below(statements.count)] }.joined(separator: "; ")
    }

    /// The program as a value: each node's op and operands, the constants and note
    /// texts (a failed entry's are taken back too), names, notes, and the statements.
    static func canonical(_ program: Program) -> [String] {
        let tape = program.tape
        var lines = (0..<tape.count).map { i -> String in
            let id = NodeID(i)
            let operand: String
            switch tape.ops[i] {
            case .constant: operand = "\(tape.constants[Int(tape.first[i])])"
            case .variable: operand = tape.variableNames[Int(tape.first[i])]
            default: operand = "\(tape.inputs(of: id))"
            }
            return "\(i) \(tape.ops[i]) \(operand) \(tape.stepNames[id] ?? "-") \(tape.note(of: id) ?? "-") \(tape.spans[i])"
        }
        lines.append("constants \(tape.constants.map(\.bitPattern)) notes \(tape.noteTexts)")
        lines.append("names \(program.names.sorted { $0.key < $1.key })")
        lines.append("versions \(program.versionCounts.sorted { $0.key < $1.key })")
        lines.append("steps \(program.steps.map { "\($0.name) \($0.node) \($0.span)" })")
        lines.append("defaults \(program.defaults.sorted { $0.key < $1.key })")
        lines.append("declarations \(program.declarations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })")
        lines.append("functions \(program.functions.templates.map(\.name)) \(program.functions.names.sorted().map { "\($0):\(program.functions.index(of: $0)!)" })")
        lines.append("output \(String(describing: program.output)) warnings \(program.warnings.count)")
        lines.append("source \(String(decoding: program.source.bytes, as: UTF8.self))")
        return lines
    }

    @Test func aFailedEntryLeavesWhatTheEntriesThatWorkedMake() throws {
        var (totalAccepted, totalFailures) = (0, 0)
        for index in 0..<Self.sessionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var random = SplitMix64(seed: seed)
            var program = Program(source: SourceText(name: "session", text: ""))
            var accepted: [String] = []
            var failures = 0
            for _ in 0..<12 {
                let entry = Self.entry(&random)
                do {
                    try ProgramParser.parse(SourceText(name: "session", text: entry), into: &program)
                    accepted.append(entry)
                } catch {
                    failures += 1
                }
                var replayed = Program(source: SourceText(name: "session", text: ""))
                for text in accepted { try ProgramParser.parse(SourceText(name: "session", text: text), into: &replayed) }
                let (actual, expected) = (Self.canonical(program), Self.canonical(replayed))
                #expect(actual == expected, "seed \(seed), after \(entry.debugDescription): first difference \(zip(actual, expected).first { $0 != $1 }.map { "\($0.0) vs \($0.1)" } ?? "in length")")
            }
            totalAccepted += accepted.count
            totalFailures += failures
        }
        // Both kinds of entry must be common for the comparison to mean anything.
        #expect(totalAccepted > 150 && totalFailures > 150, "\(totalAccepted) accepted, \(totalFailures) failed")
    }

    /// The REPL also takes an entry back when it fails after parsing (an expression
    /// with a variable that has no value): the session is then the one of the entries
    /// that worked.
    @Test func aSessionTakesBackAnEntryWhoseExpressionFails() throws {
        var session = ReplSession(files: MemoryFiles())
        #expect(!session.run("x = 1; p = x * w").failed)
        let before = Self.canonical(session.program)
        // Parses, then fails: w has no value.
        let reply = session.run("q = p * 2; f(a) = a + q; f(p) + 1")
        #expect(reply.failed)
        #expect(Self.canonical(session.program) == before)
        #expect(session.program.names["q"] == nil && session.program.functions["f"] == nil)
        let later = session.run("f(a) = a * 3; f(x) + 1")
        #expect(!later.failed)
        #expect(later.output.contains("f: a * 3"))
    }
}
