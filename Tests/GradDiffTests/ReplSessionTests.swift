import Foundation
import Testing
@testable import GradDiff

/// The REPL's state machine without a terminal: entries in, replies out.

/// `:load` and `:save` against a dictionary instead of a disk.
final class MemoryFiles: ReplFiles, @unchecked Sendable {
    var files: [String: String] = [:]

    func read(_ path: String) throws(ReplFileError) -> [UInt8] {
        guard let text = files[path] else { throw ReplFileError("cannot open '\(path)': No such file or directory") }
        return Array(text.utf8)
    }

    func write(_ text: String, to path: String, replacing: Bool) throws(ReplFileError) {
        if !replacing, files[path] != nil { throw ReplFileError.exists(path) }
        files[path] = text
    }
}

/// A session that has run `entries`, each required to succeed.
func session(_ entries: String..., files: MemoryFiles = MemoryFiles()) -> ReplSession {
    session(entries, files: files)
}

/// A session that has run `entries`, each required to succeed.
func session(_ entries: [String], files: MemoryFiles = MemoryFiles()) -> ReplSession {
    var session = ReplSession(files: files)
    for entry in entries {
        let reply = session.run(entry)
        #expect(!reply.failed, "\(entry): \(reply.diagnostics.map(\.diagnostic.message))")
    }
    return session
}

extension ReplReply {
    var messages: [String] { diagnostics.map(\.diagnostic.message) }
}

@Suite struct ReplStatementTests {
    /// The README's table, numbered as on the command line (x, y, n2, z, n4) however
    /// early x, y and z were defined: the one golden the command-line tests print.
    static let readmeTable = (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GraddiffCLITests/Goldens/computational-graph-g.table.txt"),
        encoding: .utf8)) ?? "missing Goldens/computational-graph-g.table.txt"

    @Test func bindingsThenAnExpressionPrintTheNodesItNeeds() {
        var repl = session("x = 1", "y = 3", "z = -3", "w = 100")
        let reply = repl.run("(x+y)*z")
        #expect(reply.output == Self.readmeTable)
        #expect(!reply.output.contains("w"))
        // Defined in another order, or used again: still the command line's numbering.
        var other = session("z = -3", "y = 3", "s = y * 2", "x = 1")
        #expect(other.run("(x+y)*z").output == Self.readmeTable)
    }

    @Test func aStepMadeByACallIsConfirmedAsTyped() {
        var repl = session("g23(a) = a*2", "g24(b) = g23(b)*g23(b+1)", "w = 1")
        #expect(repl.run("q = g24(w)").output == "q = g24(w) = 8\n")
        #expect(repl.run("r = w + 1").output == "r = w + 1 = 2\n")
    }

    @Test func wrtIsConfirmed() {
        var repl = session("x = 1", "y = 2")
        #expect(repl.run(":wrt x,y").output == "expressions print only the gradients with respect to x, y (:wrt alone: every node)\n")
        #expect(repl.run(":wrt").output == "expressions print every node again\n")
        repl.confirmsDefinitions = false
        #expect(repl.run(":wrt x").output.isEmpty, "a script piped in wants only its results")
    }

    /// `:wrt x` means the latest x; an expression that reads an earlier x says so, once.
    @Test func anEarlierVersionIsNotedOnce() {
        var repl = session("x = 1", "y = x^2", "x = 5", ":wrt x")
        let first = repl.run("y")
        #expect(first.output == "x#2 0\n")
        #expect(first.diagnostics.map(\.diagnostic.severity) == [.note])
        #expect(first.messages == ["this expression uses x = 1, not x#2 = 5: its gradient with respect to x#2 is 0"])
        #expect(repl.run("y").diagnostics.isEmpty)
        #expect(repl.run("x^3").diagnostics.isEmpty, "x^3 reads the latest x")
    }

    /// JSON keys are plain names where the expression holds one version of a name.
    @Test func jsonNamesAreOnlyVersionedWhenTheyMustBe() {
        var repl = session("x = 1", "x = 2", "p = x*3")
        repl.format = .json
        #expect(repl.run("p").output.hasPrefix(#"{"value": 6, "gradient": {"x": 3}, "nodes": [{"id": 0, "op": "var", "name": "x","#))
        var both = session("x = 1", "y = x^2", "x = 5")
        both.format = .json
        #expect(both.run("y + x").output.hasPrefix(#"{"value": 6, "gradient": {"x": 2, "x#2": 1}"#))
    }

    @Test func definitionsAreConfirmed() {
        var repl = ReplSession(files: MemoryFiles())
        #expect(repl.run("x = 1").output == "x = 1\n")
        #expect(repl.run("r = 2*pi").output == "r = 6.283185307\n")
        #expect(repl.run("p = x + y").output == "p = x + y  (no value yet: 'y' has none)\n")
        #expect(repl.run("q = x * 3").output == "q = x * 3 = 3\n")
        #expect(repl.run("f(a, b) = a*b + sin(a)").output == "f(a, b) = a*b + sin(a)\n")
        #expect(repl.run("f(a, b) = a - b").output == "f(a, b) = a - b  (replaces f(a, b) = a*b + sin(a) for the lines that follow)\n")
    }

    @Test func aScriptGetsOnlyItsResults() {
        var repl = ReplSession(files: MemoryFiles())
        repl.confirmsDefinitions = false
        #expect(repl.run("x = 1; p = x + 1").output == "")
        repl.format = .csv
        #expect(repl.run("p").output.hasPrefix("id,name,op,text,value,grad\n"))
    }

    @Test func reassigningMakesAVersionThatLaterLinesSee() {
        var repl = session("x = 1", "p = x + 10")
        let reply = repl.run("x = 2")
        #expect(reply.output == "x#2 = 2  (replaces x = 1 for the lines that follow)\n")
        repl.format = .csv
        #expect(repl.run("x").output.contains("x#2,var,x#2,2,1"))
        // p was defined with the first x and keeps it.
        #expect(repl.run("p").output.contains("p,add,x + 10,11,1"))
        repl.confirmsDefinitions = false
        #expect(repl.run("p = x * 10").output == "")
        repl.confirmsDefinitions = true
        // In csv, aside (standard error), out of the rows.
        #expect(repl.run("p = x * 100").aside == "p#3 = x#2 * 100 = 200  (replaces p = x * 10 for the lines that follow)\n")
    }

    @Test func aStepKeepsTheFreeVariablesItWasDefinedWith() {
        // As in a program file: an assignment after the step makes a new version.
        var repl = session("w = 2", "p = x * w")
        #expect(repl.run("x = 3").output == "x#2 = 3  (earlier definitions keep the free variable x)\n")
        let failed = repl.run("p + 1")
        #expect(failed.failed)
        #expect(failed.messages == ["no value for the variable 'x'"])
        #expect(failed.diagnostics[0].diagnostic.help
                == "give it a value first, such as: x = 1, then define p again (it keeps the variables it was defined with)")
        #expect(!repl.run("p = x * w").failed)
        repl.format = .csv
        #expect(repl.run("p + 1").output.hasSuffix(",add,p#2 + 1,7,1\n"))
    }

    @Test func aStepNamedInTheSameEntryIsNotToBeDefinedAgain() {
        // `w` names a node an earlier line made, but w itself is new: no "define w again".
        var repl = session("y = x*2 + 1")
        let failed = repl.run("w = x*2; w + 5")
        #expect(failed.messages == ["no value for the variable 'x'"])
        #expect(failed.diagnostics[0].diagnostic.help == "give it a value first, such as: x = 1")
    }

    @Test func aMissingVariableTypedOnTheLineIsUnderlined() {
        var repl = session("x = 1")
        let reply = repl.run("x * v + v")
        #expect(reply.messages == ["no value for the variable 'v'"])
        #expect(reply.diagnostics[0].source?.location(of: Int(reply.diagnostics[0].diagnostic.span!.start)).column == 5)
    }

    @Test func theBackwardPassNeverAccumulatesIntoOldGradients() {
        var repl = session("x = 3", "y = x * x")
        let first = repl.run("y * x")
        let second = repl.run("y * x")
        #expect(first.output == second.output)
        repl.options.wrt = ["x"]
        #expect(repl.run("y * x").output == "x 27\n")
        #expect(repl.run("y * x").output == "x 27\n")
    }
}

@Suite struct ReplErrorRecoveryTests {
    @Test func aParseErrorShowsTheCaretAndChangesNothing() {
        var repl = session("x = 1")
        let before = repl.definitions.count
        let reply = repl.run("y = x +* 2", line: 7)
        #expect(reply.failed)
        #expect(reply.messages == ["expected an expression after '+', found '*'"])
        let rendered = DiagnosticRenderer(useColor: false).render(reply.diagnostics[0])
        #expect(rendered == """
            <input>:7:8: error: expected an expression after '+', found '*'
             7 | y = x +* 2
               |       ^^

            """)
        #expect(repl.definitions.count == before)
        #expect(repl.program.names["y"] == nil)
    }

    /// A token after a whole expression is named from the session's text, where its
    /// span points, not from the entry's own (which named `1, 2`'s comma as '').
    @Test func aTokenAfterTheExpressionIsNamedOnALaterLine() {
        var repl = session("x = 12345", "yy = 2")
        let reply = repl.run("1, 2")
        #expect(reply.failed)
        #expect(reply.messages == ["unexpected ',' after the expression"])
    }

    @Test func anEntryIsAllOrNothing() {
        var repl = session("x = 1")
        let tapeBefore = repl.program.tape.count
        let reply = repl.run("a = 2; b = a * w; b")
        #expect(reply.failed)
        #expect(repl.program.names["a"] == nil && repl.program.names["b"] == nil)
        #expect(repl.program.tape.count == tapeBefore)
        #expect(!repl.run("a = 5").failed)
        #expect(repl.run("a = 6").output.contains("a#2 = 6"))
    }

    /// A line taken back prints only its error: it confirmed the statements before the one
    /// that failed ("x = 1", "q = x * 2 = 2"), which were never defined, in every format
    /// (aside in json and csv), and printed the tables of the expressions before it.
    @Test func aFailedEntryConfirmsNothing() {
        for format in [OutputFormat.table, .json, .csv] {
            var repl = ReplSession(files: MemoryFiles())
            repl.format = format
            let reply = repl.run("x = 1; q = x*2; y*x")
            #expect(reply.failed && reply.messages == ["no value for the variable 'y'"], "\(format)")
            #expect(reply.output.isEmpty && reply.aside.isEmpty, "\(format): \(reply.output)\(reply.aside)")
            #expect(repl.program.names["x"] == nil)
            let confirmed = repl.run("x = 1; q = x*2")
            #expect(confirmed.output + confirmed.aside == "x = 1\nq = x * 2 = 2\n", "\(format)")
            #expect(repl.run("w = 1; x*2; y*x").output.isEmpty, "\(format)")
        }
        var script = ReplSession(files: MemoryFiles())
        script.confirmsDefinitions = false
        #expect(script.run("x = 1; x*2; y*x").output.isEmpty, "a script's results of a line taken back")
    }

    @Test func aRefusedDefinitionKeepsTheOldOne() {
        var repl = session("f(a) = a + 1")
        #expect(repl.run("f = 3").messages == ["'f' is already a function"])
        #expect(repl.run("sin = 3").messages == ["'sin' is a built-in function and cannot be redefined"])
        #expect(repl.run("g(a) = g(a)").failed)
        #expect(!repl.run("y = f(2)").failed)
    }

    @Test func warningsComeWithTheLineThatCausedThem() {
        var repl = session("x = 0")
        let reply = repl.run("log(x) * 2")
        #expect(!reply.failed)
        #expect(reply.messages.first == "n1 = log(x) is -inf")
        let shadow = repl.run("e = 3")
        #expect(shadow.messages == ["'e' shadows the built-in constant e; later statements mean this definition"])
        #expect(repl.run("x + 1").diagnostics.isEmpty)
    }

    @Test func aWarningAtAnEarlierLinesNodePointsToThatLine() {
        var repl = ReplSession(files: MemoryFiles())
        repl.sourceName = "<stdin>"
        _ = repl.run("x = -1", line: 1)
        _ = repl.run("# the square root", line: 2)
        _ = repl.run("p = 2 * (\n  sqrt(x))", line: 3)
        let reply = repl.run("p + 1", line: 5)
        #expect(reply.diagnostics.map { DiagnosticRenderer(useColor: false).render($0) } == ["""
            <stdin>:4:3: warning: n2 = sqrt(x) is nan
             4 |   sqrt(x))
               |   ^~~~~~~
            help: its input is x = -1

            """])
    }
}
