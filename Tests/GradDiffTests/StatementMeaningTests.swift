import Testing
@testable import GradDiff

/// The same text means the same thing (issue 14): merging identical nodes never changes
/// what a statement declares or how another statement prints, and a program, a session
/// typed line by line and the command line agree.
struct StatementMeaningTests {
    /// The kind of each statement and the text of each step, for a program read whole
    /// and for the same lines entered into a session one by one.
    func meanings(_ lines: [String]) throws -> (program: [String], session: [String]) {
        func describe(_ program: Program, _ statements: [Statement]) -> [String] {
            let text = NodeText(program.tape)
            return statements.map { statement in
                switch statement.kind {
                case .input: return "input \(statement.version)"
                case .step: return "step \(statement.version) = \(text[statement.node!])"
                case .function: return "function \(statement.name)"
                case .expression: return "expression \(text[statement.node!])"
                }
            }
        }
        var whole = Program(source: SourceText(name: "program", bytes: []))
        let statements = try ProgramParser.parse(SourceText(name: "program", text: lines.joined(separator: "\n")), into: &whole,
                                                 recordingStatements: true)
        var piecewise = Program(source: SourceText(name: "session", bytes: []))
        var entered: [Statement] = []
        for line in lines {
            entered += try ProgramParser.parse(SourceText(name: "session", text: line), into: &piecewise, recordingStatements: true)
        }
        // Steps print as they print at the end: what a later statement did to them shows.
        return (describe(whole, statements), describe(piecewise, entered))
    }

    @Test func aConstantDeclaresAnInputWhateverCameBefore() throws {
        for lines in [["c = 2*3", "y = x + 2*3", "c*x"], ["y = x + 2*3", "c = 2*3", "c*x"]] {
            let (program, session) = try meanings(lines)
            #expect(program == session)
            #expect(program.contains("input c"), "\(lines): \(program)")
            #expect(program.contains("step y = x + 2 * 3"), "\(lines): \(program)")
            let evaluation = try evaluate(lines.joined(separator: "; "), "c=10 x=1")
            #expect(evaluation.value == 10)
        }
    }

    @Test func namingAnEarlierNodeDoesNotReprintItsStatement() throws {
        let (program, session) = try meanings(["y = x + sin(x)", "s = sin(x)", "y"])
        #expect(program == session)
        #expect(program == ["step y = x + sin(x)", "step s = sin(x)", "expression x + sin(x)"])
        // The step is computed and printed under its own name, and is not y's input.
        let evaluation = try evaluate("y = x + sin(x); s = sin(x); y", "x=1")
        #expect(evaluation.warningMessages == ["'s' is not used by the output"])
        #expect(evaluation.value(of: "s") == evaluation.value(of: "y")! - 1)
        // A later statement may use an earlier name: it is written with it.
        #expect(try meanings(["s = sin(x)", "y = x + sin(x)"]).program == ["step s = sin(x)", "step y = x + s"])
    }

    @Test func anExpressionThatMentionsAVariableIsAStep() throws {
        // f ignores its argument, so f(x) is the constant 2; y still mentions x.
        let (program, session) = try meanings(["f(a) = 2", "y = f(x)", "y"])
        #expect(program == session)
        #expect(program == ["function f", "step y = 2", "expression 2"])
        let evaluation = try evaluate("f(a) = 2; y = f(x); y", "x=3")
        #expect(evaluation.value == 2)
        #expect(evaluation.gradient("x") == 0)
        #expect(evaluation.warnings.isEmpty, "\(evaluation.warningMessages)")
        // Named or not, the constant node is y's own: a later literal 2 is still 2.
        #expect(try meanings(["f(a) = 2", "y = f(x)", "z = 2 * w"]).program.last == "step z = 2 * w")
        #expect(try meanings(["z = 2 * w", "f(a) = 2", "y = f(x)", "q = 2 * v"]).program.last == "step q = 2 * v")
        // Mentioning no variable: a declaration, whatever function computed it.
        #expect(try meanings(["g() = 3", "c = g() + 1"]).program == ["function g", "input c"])
    }

    @Test func aFunctionReadingAnInputMakesAStep() throws {
        // h mentions w in its body, so h(2) reads the input w: a step.
        let (program, _) = try meanings(["w = 0.5", "h(a) = a + w", "y = h(2)"])
        #expect(program == ["input w", "function h", "step y = h: a + w"])
    }
}
