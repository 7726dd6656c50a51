import Foundation
import Testing
@testable import GradDiff

/// A program's statements: separators, comments and line ends, the steps they name,
/// the versions a reassignment makes (c, c#2, …) and the labels that tell them apart.
@Suite struct ProgramStatementTests {
    @Test("statement separators and comments", arguments: [
        "p = x + y; g = p * z",
        "p = x + y\ng = p * z",
        "p = x + y\r\ng = p * z\r\n",
        "# the add node\np = x + y   # p = 4\n\n;;\n  g = p * z  # g = -12; not = here\n",
        "p = x + y;\n;\ng = p * z;",
        "p = (x +\n     y)\ng = (p *\n z)",
    ])
    func separatorsAndComments(_ text: String) throws {
        let evaluation = try evaluate(text, "x=1 y=3 z=-3")
        #expect(evaluation.value == -12)
        #expect(evaluation.program.steps.map(\.name) == ["p", "g"])
        #expect(evaluation.value(of: "p") == 4)
        #expect(evaluation.gradient("p") == -3)
        #expect(evaluation.gradient("z") == 4)
        #expect(evaluation.warnings.isEmpty)
    }

    @Test func newlineOutsideParenthesesEndsAStatement() throws {
        // `x\n-y` is two statements; the output is the last one, -y.
        let evaluation = try evaluate("x\n-y", "x=1 y=2")
        #expect(evaluation.value == -2)
        #expect(evaluation.gradient("x") == 0)
        #expect(evaluation.warningMessages == ["this expression's value is not used by the output"])
    }

    /// A function's parameters may span lines, as any parenthesised list may (the header
    /// was read token by token, and a newline made it "unknown function 'f'").
    @Test(arguments: ["f(a,\n b) = a*b\nf(x, 3)", "f(\n  a,\n  b\n) = a*b\nf(x, 3)", "f(\r\na, b) = a*b\r\nf(x, 3)"])
    func functionParametersMaySpanLines(_ text: String) throws {
        let evaluation = try evaluate(text, "x=2")
        #expect(evaluation.value == 6)
        #expect(evaluation.gradient("x") == 3)
    }

    @Test func namedStepsNameTheirNodes() throws {
        let program = try parseProgram("p = x + y; g = p * z")
        let p = try #require(program.names["p"])
        let g = try #require(program.names["g"])
        #expect(program.tape.label(of: p) == "p")
        #expect(program.tape.label(of: g) == "g")
        #expect(program.tape.ops[Int(p)] == .add)
        #expect(program.output == g)
        #expect(program.steps.map(\.node) == [p, g])
        #expect(program.source.text(of: program.steps[0].span) == "p = x + y")
    }

    @Test func reassignmentMakesVersions() throws {
        let evaluation = try evaluate("c = x + 1; d = c * 10; c = c * 2; c = c + 3; d + c", "x=1")
        let tape = evaluation.tape
        let versions = evaluation.program.steps.filter { $0.name == "c" || $0.name.hasPrefix("c#") }.map { tape.label(of: $0.node) }
        #expect(versions == ["c", "c#2", "c#3"])
        // d keeps the first version: d = 10·(x + 1) = 20; the last c = 2·(x + 1) + 3 = 7.
        #expect(evaluation.value(of: "d") == 20)
        #expect(evaluation.value(of: "c") == 7)
        #expect(evaluation.value == 27)
        #expect(evaluation.gradient("x") == 12)
        // Selecting "c" as the output means its latest version.
        let output = try evaluate("c = x + 1; d = c * 10; c = c * 2; c = c + 3; d + c", "x=1", output: "c")
        #expect(output.value == 7)
        #expect(output.gradient("x") == 2)
        // A version by its label, and c#1 for the first (labelled c): c#2 was refused,
        // and the first version could not be chosen at all.
        let program = "c = x + 1; d = c * 10; c = c * 2; c = c + 3; d + c"
        #expect(try evaluate(program, "x=1", output: "c#2").value == 4)
        #expect(try evaluate(program, "x=1", output: "c#3").value == 7)
        #expect(try evaluate(program, "x=1", output: "c#1").value == 2)
        #expect(throws: UserError.self) { try evaluate(program, "x=1", output: "c#4") }
    }

    @Test func reassigningADeclaredInputVersionsIt() throws {
        let evaluation = try evaluate("x = 1; x = x + 1; x")
        #expect(evaluation.tape.variableNames == ["x"])
        #expect(evaluation.value == 2)
        #expect(evaluation.tape.label(of: try #require(evaluation.program.names["x"])) == "x#2")
    }

    /// A table's version label typed into an expression (`c#2 * 10`) warns: '#' starts a
    /// comment there, and z was silently c, without the "* 10".
    @Test func aVersionLabelInAnExpressionWarns() throws {
        let evaluation = try evaluate("c = 2; c = 3; z = c#2 * 10")
        #expect(evaluation.value == 3)
        #expect(evaluation.warningMessages.contains("'#' starts a comment, so 'c#2' is read as c and the rest of the line is not read"),
                "\(evaluation.warningMessages)")
        // A comment after a blank, or one that does not start with a digit, is just a comment.
        for text in ["x #2 note", "x#note", "x # 2"] {
            #expect(try evaluate(text, "x=1").warningMessages.isEmpty, "\(text)")
        }
    }

    /// Every node a table or JSON shows by name must be told apart from the others, and
    /// an input keeps the name bindings and gradients use.
    @Test("named nodes have distinct labels", arguments: [
        "p = x + y; q = p * 2; q + x",
        "c = x + 1; c = c * 2; c",
        "y = x + 1; x = x * 2; x * y",
        "q = x; q * 2",
        "x = x + 1; x * 2",
    ])
    func namedNodesHaveDistinctLabels(_ text: String) throws {
        let tape = try parseProgram(text).tape
        let named = (0..<tape.count).compactMap { tape.name(of: NodeID($0)) }
        #expect(Set(named).count == named.count, "labels: \(named)")
        for (slot, node) in tape.variableNodes.enumerated() {
            #expect(tape.label(of: node) == tape.variableNames[slot], "the input \(tape.variableNames[slot]) is shown as \(tape.label(of: node))")
        }
    }
}
