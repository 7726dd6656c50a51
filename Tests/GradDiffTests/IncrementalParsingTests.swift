import Foundation
import Testing
@testable import GradDiff

/// Statements parsed into an existing program, as a session does: a failure leaves it
/// unchanged, later statements see earlier names, diagnostics still show the right text.
@Suite struct IncrementalParsingTests {
    @Test func errorsLeaveTheProgramUnchanged() throws {
        var program = try parseProgram("p = x + y; f(a) = a^2")
        let before = (count: program.tape.count, names: program.names, steps: program.steps.map(\.name),
                      functions: Set(program.functions.names), output: program.output,
                      variables: program.tape.variableNames, warnings: program.warnings.count)
        let failures = [
            "q = p * 2; r = (", "g(a) = a; q = sin", "w = 3; q = 2x", "q = p +", "pi = 3; sin = 2", "k = 1; f = 2",
        ]
        for text in failures {
            let diagnostics = userErrors {
                try ProgramParser.parse(SourceText(name: "line", text: text), into: &program)
            }
            #expect(diagnostics.count == 1, "\(text) should fail")
            #expect(program.tape.count == before.count, "after \(text)")
            #expect(program.names == before.names, "after \(text)")
            #expect(program.steps.map(\.name) == before.steps, "after \(text)")
            #expect(Set(program.functions.names) == before.functions, "after \(text)")
            #expect(program.output == before.output, "after \(text)")
            #expect(program.tape.variableNames == before.variables, "after \(text)")
            #expect(program.defaults.isEmpty, "after \(text)")
            #expect(program.warnings.count == before.warnings, "after \(text)")
        }
        // And it still takes good statements afterwards.
        try ProgramParser.parse(SourceText(name: "line", text: "g = f(p) * z"), into: &program)
        let evaluation = try Evaluation.run(program, bindings: parseBindings("x=1 y=3 z=-3"))
        #expect(evaluation.value == -48)
        #expect(evaluation.gradient("z") == 16)
        #expect(evaluation.gradient("x") == -24)
    }

    @Test func incrementalStatementsSeeEarlierNames() throws {
        var program = try parseProgram("p = x + y")
        try ProgramParser.parse(SourceText(name: "line 2", text: "g = p * z"), into: &program)
        try ProgramParser.parse(SourceText(name: "line 3", text: "g = g + 1"), into: &program)
        let evaluation = try Evaluation.run(program, bindings: parseBindings("x=1 y=3 z=-3"))
        #expect(evaluation.value == -11)
        #expect(evaluation.tape.label(of: evaluation.output) == "g#2")
    }

    /// After more statements are parsed into a program, a diagnostic about a node from
    /// an earlier chunk must still show that node's own text.
    @Test func diagnosticsAfterIncrementalParsingPointAtTheRightText() throws {
        var program = try parseProgram("y = x + 1")
        try ProgramParser.parse(SourceText(name: "line 2", text: "y * 2"), into: &program)
        let missing = userErrors { _ = try Evaluation.run(program, bindings: []) }
        try #require(missing.count == 1)
        #expect(missing[0].diagnostic.message == "no value for the variable 'x'")
        let span = try #require(missing[0].diagnostic.span)
        #expect(missing[0].source?.text(of: span) == "x", "the error underlines text from another line")

        try ProgramParser.parse(SourceText(name: "line 3", text: "q = 7 * 7"), into: &program)
        let unused = try Evaluation.run(program, bindings: parseBindings("x=1"))
        let stepSpans = unused.warnings.compactMap { warning in warning.diagnostic.span.map { warning.source?.text(of: $0) } }
        #expect(stepSpans == ["y = x + 1", "y * 2"], "warnings about earlier statements show: \(stepSpans)")
    }
}
