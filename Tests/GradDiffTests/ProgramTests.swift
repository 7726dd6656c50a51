import Foundation
import Testing
@testable import GradDiff

/// Programs: statements, named steps, versions, declared inputs, user functions,
/// bindings, output selection and the warnings about them.
struct ProgramTests {
    // MARK: Statements

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

    /// A user function called with the wrong number of arguments is shown with its own
    /// parameters (it said "call it as f(x)" for f(q), f(a, b) for any two).
    @Test func aWrongArgumentCountShowsTheFunctionsParameters() {
        for (text, help) in [("f(q) = q; f()", "call it as f(q)"), ("f(a, b, c) = a; f(1)", "call it as f(a, b, c)"),
                             ("g(u, v) = u*v; g(1, 2, 3)", "call it as g(u, v)"), ("sin()", "call it as sin(x)")] {
            let diagnostics = userErrors { _ = try parseProgram(text) }
            #expect(diagnostics.first?.diagnostic.help == help, "\(text)")
        }
        // --output naming a function says so (it said the program does not define f).
        let function = userErrors { _ = try evaluate("f(a) = a*2; f(x)", "x=1", output: "f") }
        #expect(function.map(\.diagnostic.message) == ["--output names 'f', a function; --output names a step"])
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

    // MARK: Versions

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

    // MARK: Declared inputs

    @Test func constantAssignmentDeclaresAnInputWithDefault() throws {
        let program = try parseProgram("w = 0.5; w * x")
        #expect(program.tape.variableNames == ["w", "x"])
        #expect(program.defaults == [0: 0.5])
        #expect(program.source.text(of: try #require(program.declarations[0])) == "w = 0.5")
        // The default is used when nothing binds w...
        let byDefault = try Evaluation.run(program, bindings: [try Binding.parse("x=2")])
        #expect(byDefault.value == 1)
        #expect(byDefault.gradient("w") == 2)
        #expect(byDefault.gradient("x") == 0.5)
        // ...and a binding overrides it.
        let bound = try Evaluation.run(program, bindings: [try Binding.parse("x=2"), try Binding.parse("a=1"), try Binding.parse("w=3")])
        #expect(bound.value == 6)
        #expect(bound.warningMessages == ["'a' is bound but not used"])
    }

    @Test("constant expressions declare inputs", arguments: [
        ("k = -4", -4.0), ("k = 2*pi", 2 * Double.pi), ("k = sqrt(2)/2", 2.0.squareRoot() / 2), ("k = 1e-3", 0.001),
        ("k = (1 + 2)^2", 9.0), ("k = -(3)", -3.0), ("k = e", M_E),
    ])
    func constantExpressionsDeclareInputs(_ declaration: String, _ value: Double) throws {
        let program = try parseProgram("\(declaration); k * x")
        #expect(program.tape.variableNames == ["k", "x"])
        #expect(program.defaults[0] == value)
        // The declaration's scratch nodes are gone: k, x and the product are all.
        #expect(program.tape.ops == [.variable, .variable, .multiply])
    }

    @Test func assignedFreeVariableMakesASecondVersion() throws {
        // Statements run in order: x is read before its assignment, so that read is the
        // free variable x, and `x = 3` declares the new input x#2.
        let evaluation = try evaluate("y = x + 1; x = 3; x * y", "x=1")
        #expect(evaluation.tape.variableNames == ["x", "x#2"])
        #expect(evaluation.value == 6)
        #expect(evaluation.gradient("x") == 3)
        let missing = userErrors { _ = try evaluate("y = x + 1; x = 3; x * y") }
        #expect(missing.first?.diagnostic.message == "no value for the variable 'x'")
    }

    // MARK: Bindings

    @Test("bindings", arguments: [
        ("a=1", "a", 1.0), (" x = -3 ", "x", -3.0), ("r=2*pi", "r", 2 * Double.pi), ("w=1e-3", "w", 0.001),
        ("θ=2", "θ", 2.0), ("x=1/0", "x", Double.infinity), ("y=-(2^3)", "y", -8.0), ("z=ln(e)", "z", 1.0),
    ])
    func bindingParses(_ text: String, _ name: String, _ value: Double) throws {
        let binding = try Binding.parse(text)
        #expect(binding.name == name)
        #expect(isClose(binding.value, value, relative: 1e-15))
    }

    @Test("refused bindings", arguments: [
        ("x", "'x' is not a binding", 1),
        ("=3", "the binding '=3' has no name", 1),
        ("3x=1", "'3x' is not a valid variable name", 1),
        ("sin=1", "'sin' is a built-in function and cannot be bound", 1),
        ("pi=3", "'pi' is a built-in constant and cannot be bound", 1),
        ("x=", "the binding 'x=' has no value", 2),
        ("x=y+1", "the value of 'x' must be a number or constant expression, but it uses 'y'", 3),
        ("x=(1", "expected ')' to close the '(' at column 3, found the end of the input", 5),
    ])
    func bindingErrors(_ text: String, _ message: String, _ column: Int) throws {
        let diagnostics = userErrors { _ = try Binding.parse(text) }
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0].diagnostic.message == message)
        let span = try #require(diagnostics[0].diagnostic.span)
        #expect(diagnostics[0].source?.location(of: Int(span.start)).column == column)
    }

    @Test func bindingProblemsInEvaluation() throws {
        let twice = userErrors { _ = try evaluate("x + y", "x=1 y=2 x=3") }
        #expect(twice.map(\.diagnostic.message) == ["'x' is bound twice"])
        #expect(twice.first?.diagnostic.help == "keep one of x=1 and x=3")

        let step = userErrors { _ = try evaluate("p = x + y; p * 2", "x=1 y=2 p=3") }
        #expect(step.map(\.diagnostic.message) == ["'p' is a step the program computes, not an input"])

        let missing = userErrors { _ = try evaluate("x + y*x", "") }
        #expect(missing.map(\.diagnostic.message) == ["no values for the variables 'x', 'y'"])
        #expect(missing.first?.diagnostic.help == "bind them after the expression, such as: x=1 y=1")
        // It points at the first use of the first missing variable, and at the others too.
        let span = try #require(missing.first?.diagnostic.span)
        #expect(missing.first?.source?.text(of: span) == "x")
        #expect(missing.first?.diagnostic.otherSpans.count == 1)

        // y is bound already: 'did you mean y?' would point the wrong way.
        let extra = try evaluate("x + y", "x=1 y=2 yy=3")
        #expect(extra.warningMessages == ["'yy' is bound but not used"])
        #expect(extra.warnings.first?.diagnostic.help == "the expression's variables are x, y")
        // y has no value: the binding of yy is its likely misspelling.
        let misspelled = userErrors { _ = try evaluate("x + y", "x=1 yy=3") }
        #expect(misspelled.map(\.diagnostic.message) == ["no value for the variable 'y'"])
        #expect(misspelled.first?.diagnostic.help == "yy=3 binds 'yy', not 'y': write y=3")
    }

    // MARK: User functions

    @Test func userFunctionIsInlined() throws {
        let evaluation = try evaluate("f(a, b) = a*b + sin(a); f(x, y)", "x=2 y=3")
        #expect(evaluation.tape.variableNames == ["x", "y"])
        #expect(isClose(evaluation.value, 6 + sin(2.0), relative: 1e-15))
        #expect(isClose(try #require(evaluation.gradient("x")), 3 + cos(2.0), relative: 1e-15))
        #expect(evaluation.gradient("y") == 2)
        #expect(Set(evaluation.tape.ops) == [.variable, .multiply, .sin, .add])
        #expect(evaluation.program.functions["f"]?.parameters == ["a", "b"])
    }

    @Test func userFunctionNodesShowTheBodyText() throws {
        let evaluation = try evaluate("f(a, b) = a*b + sin(a); f(x, y)", "x=2 y=3")
        let text = NodeText(evaluation.tape)
        #expect(text[evaluation.output] == "f: a * b + sin(a)")
        let product = try #require((0..<evaluation.tape.count).first { evaluation.tape.ops[$0] == .multiply })
        #expect(text[NodeID(product)] == "f: a * b")
        #expect(text[0] == "x")
    }

    @Test func userFunctionsCalledTwiceAndComposed() throws {
        let twice = try evaluate("f(a) = a^2 + 1; f(x) + f(y)", "x=3 y=-2")
        #expect(twice.value == 15)
        #expect(twice.gradient("x") == 6 && twice.gradient("y") == -4)

        let composed = try evaluate("sq(a) = a*a; norm2(a, b) = sq(a) + sq(b); norm2(x, y) * norm2(y, x)", "x=1 y=2")
        #expect(composed.value == 25)
        #expect(composed.gradient("x") == 20 && composed.gradient("y") == 40)  // d(s²)/dx = 2s·2x

        let nested = try evaluate("f(a) = 2*a; f(f(f(x)))", "x=1.5")
        #expect(nested.value == 12)
        #expect(nested.gradient("x") == 8)

        let parameterNamedLikeAnInput = try evaluate("f(x) = x^2; f(x + 1)", "x=3")
        #expect(parameterNamedLikeAnInput.value == 16)
        #expect(parameterNamedLikeAnInput.gradient("x") == 8)
    }

    @Test func callsInsideABodyExpandAtTheCall() throws {
        // A function called from another reads outside names at the outer call, like
        // globals: g's parameter w is not f's w.
        let scoped = try evaluate("f(a) = a + w; g(w) = f(1); g(5)", "w=10")
        #expect(scoped.value == 11)
        #expect(scoped.gradient("w") == 1)
        // A caller keeps the callee it was defined with.
        let redefined = try evaluate("f(a) = a*a; g(a) = f(a); f(a) = a + 1; g(x) + f(x)", "x=3")
        #expect(redefined.value == 13)
        #expect(redefined.gradient("x") == 7)
        // Each node shows the body that made it; a call inside a body shows as typed.
        let shown = try evaluate("f(a) = a*a; g(b) = f(sin(b)) + f(sin(b)) + f(b); g(x)", "x=2")
        let text = NodeText(shown.tape)
        #expect(text[shown.output] == "g: f(sin(b)) + f(sin(b)) + f(b)")
        #expect((0..<shown.tape.count).filter { text[NodeID($0)] == "f: a * a" }.count == 2)
        #expect(isClose(try #require(shown.gradient("x")), 4 * sin(2.0) * cos(2.0) + 4, relative: 1e-15))
    }

    @Test func callsThatFanOutAndMeetAgainCostTheirDistinctCalls() throws {
        // h_k calls h_(k-1) twice, through p_k and q_k, on the same node: 2^40 paths,
        // 40 distinct calls of each function.
        var lines = ["h0(a) = sin(a)"]
        for k in 1...40 {
            lines += ["p\(k)(a) = h\(k - 1)(a) * 2", "q\(k)(a) = h\(k - 1)(a) * 3", "h\(k)(a) = p\(k)(a) + q\(k)(a)"]
        }
        lines.append("h40(x)")
        let evaluation = try evaluate(lines.joined(separator: "\n"), "x=0.5")
        #expect(isClose(evaluation.value, pow(5, 40) * sin(0.5), relative: 1e-12))
        #expect(isClose(try #require(evaluation.gradient("x")), pow(5, 40) * cos(0.5), relative: 1e-12))
        #expect(evaluation.tape.count < 200)
    }

    @Test func callsWhoseNodesMergeStillCountTheirWork() throws {
        // 79 calls of f on different constants re-derive the same 59-term sum, which
        // merges: a 400-node graph. Replaying it is work all the same (issue 14: calls
        // that merge ran for minutes under the node limit), counted against the limit.
        let sum = (1...59).map { "sin(b*\($0))" }.joined(separator: " + ")
        let calls = (1...79).map { "f(\($0), y)" }.joined(separator: " + ")
        let text = "f(a, b) = \(sum) + a\ng(y) = \(calls)\ng(x)"
        let program = try ProgramParser.parse(SourceText(name: "p", text: text), nodeLimit: 100_000)
        #expect(program.tape.count < 600)
        let evaluation = try Evaluation.run(program, bindings: parseBindings("x=0.3"))
        let expected = 79 * (1...59).map { sin(0.3 * Double($0)) }.reduce(0, +) + Double(79 * 80 / 2)
        #expect(isClose(evaluation.value, expected, relative: 1e-12))
        let diagnostics = userErrors { _ = try ProgramParser.parse(SourceText(name: "p", text: text), nodeLimit: 600) }
        #expect(diagnostics.map(\.diagnostic.message) == ["expanding the calls of user functions takes more than 600 steps, the limit"])
    }

    @Test func aCallInsideABodyShowsOnOneLine() throws {
        // A call spelled over two lines with a comment is shown as f(…), and the same
        // call spelled another way shares its node.
        let evaluation = try evaluate("f(a) = a*a\ng(a) = f(a # the square\n) * 2 + f( a )\ng(x)", "x=3")
        #expect(evaluation.value == 27)
        let text = NodeText(evaluation.tape)
        let shown = (0..<evaluation.tape.count).map { text[NodeID($0)] }
        #expect(shown.allSatisfy { !$0.contains("\n") && !$0.contains("#") }, "\(shown)")
        #expect(shown.contains("g: f(…) * 2 + f(…)"), "\(shown)")
    }

    @Test func aChainOfDefinitionsCostsItsLength() throws {
        // f_i calls f_(i-1): expanding every body when defined would make 2·10^8 nodes.
        let count = 20_000
        var lines = ["f0(a) = a"]
        for i in 1..<count { lines.append("f\(i)(a) = f\(i - 1)(a) + 1") }
        lines.append("f\(count - 1)(x)")
        let evaluation = try evaluate(lines.joined(separator: "\n"), "x=1")
        #expect(evaluation.value == Double(count))
        #expect(evaluation.gradient("x") == 1)
        #expect(evaluation.tape.count == count + 1)  // x, the constant 1, one add per level
    }

    @Test func theNodeLimitStopsACallWhileItExpands() throws {
        // Each function doubles the one before (sin and cos keep the paths apart).
        var lines = ["f0(a) = a"]
        for level in 1...30 { lines.append("f\(level)(a) = f\(level - 1)(sin(a)) * f\(level - 1)(cos(a))") }
        let definitions = try ProgramParser.parse(SourceText(name: "p", text: lines.joined(separator: "\n")), nodeLimit: 10_000)
        #expect(definitions.tape.count == 0)
        lines.append("f30(x)")
        let diagnostics = userErrors {
            _ = try ProgramParser.parse(SourceText(name: "p", text: lines.joined(separator: "\n")), nodeLimit: 10_000)
        }
        // Each node added is two steps of the expansion's work, so the work reaches the
        // limit first; either way it is --max-nodes that stops it.
        #expect(diagnostics.map(\.diagnostic.message) == ["expanding the calls of user functions takes more than 10000 steps, the limit"])
    }

    @Test func userFunctionReadsOuterNames() throws {
        // A step defined before the function is captured.
        let step = try evaluate("k = x * 2; f(a) = a * k; f(y)", "x=2 y=3")
        #expect(step.value == 12)
        #expect(step.gradient("x") == 6 && step.gradient("y") == 4)
        // A free name in the body is an input of the program.
        let free = try evaluate("f(a) = a * w; f(x)", "x=2 w=3")
        #expect(free.tape.variableNames == ["x", "w"])
        #expect(free.value == 6)
        // An input declared after the function is that input.
        let declaredLater = try evaluate("f(a) = a * k; k = 5; f(y)", "y=3")
        #expect(declaredLater.value == 15)
    }

    /// A step defined after the function but before the call: the body's `k` should be
    /// that step (as it is for an input declared there), or the definition should be
    /// refused. Instead the call silently reads a new, unbound input also named k.
    @Test func userFunctionReadingAStepDefinedBeforeTheCall() throws {
        var evaluation: Evaluation?
        let diagnostics = userErrors { evaluation = try evaluate("f(a) = a * k; k = x * 2; f(y)", "x=2 y=3") }
        if let evaluation {
            #expect(evaluation.value == 12)
            #expect(evaluation.tape.variableNames == ["x", "y"])
        } else {
            // Refusing is fine too, but not by asking for a value of k, which is defined.
            #expect(diagnostics.count == 1)
            #expect(diagnostics.allSatisfy { !$0.diagnostic.message.hasPrefix("no value for the variable") },
                    "refused with: \(diagnostics.map(\.diagnostic.message))")
        }
    }

    /// `f() = …` is accepted as a definition, so `f()` must be callable.
    @Test func zeroParameterFunction() throws {
        let definition = try parseProgram("f() = 3")
        #expect(definition.functions["f"]?.parameters == [])
        let diagnostics = userErrors {
            let evaluation = try evaluate("f() = 3; f() * x", "x=2")
            #expect(evaluation.value == 6)
            #expect(evaluation.gradient("x") == 3)
        }
        #expect(diagnostics.map(\.diagnostic.message) == [], "f() was refused")
    }

    @Test("user function errors", arguments: [
        ("f(a, b) = a + b; f(1)", "f takes 2 arguments, but 1 was given"),
        ("f(a) = a; f = 3", "'f' is already a function"),
        ("f = x; f(a) = a", "'f' is already a step or input"),
        ("f(a, a) = a", "the parameter 'a' appears twice"),
        ("g(a) = h(a); h(a) = a", "unknown function 'h'"),
        ("f(a) = ", "expected the body of f after '='"),
        ("f(sin) = 1", "'sin' is a built-in function and cannot name a parameter"),
    ])
    func userFunctionErrors(_ text: String, _ message: String) throws {
        let diagnostics = userErrors { _ = try evaluate(text, "x=1") }
        #expect(diagnostics.map(\.diagnostic.message) == [message])
    }

    @Test func shadowingAConstantWarns() throws {
        let evaluation = try evaluate("pi = 3; pi * x", "x=2")
        #expect(evaluation.value == 6)
        #expect(evaluation.warningMessages == ["'pi' shadows the built-in constant pi; later statements mean this definition"])
    }

    /// A constant's name in a function's body is read at the call, as any outside name:
    /// a definition of it, before or after the function's, is what the call reads (the
    /// body kept the built-in: e = 3; f(a) = a + e; f(1) was 3.718).
    @Test func aFunctionReadsAConstantsRedefinitionAtTheCall() throws {
        #expect(try evaluate("e = 3; f(a) = a + e; f(x)", "x=1").value == 4)
        #expect(try evaluate("f(a) = a + e; e = 3; f(x)", "x=1").value == 4)
        #expect(try evaluate("f(a) = a * pi; f(x)", "x=2").value == 2 * Double.pi)
        #expect(try evaluate("f(a) = a * pi; f(x) + pi", "x=2").tape.ops.filter { $0 == .constant }.count == 1)
    }

    /// A parameter named like a constant shadows it only inside the body; later
    /// statements still mean the constant, so the warning must not say otherwise.
    @Test func parameterShadowingAConstantOnlyInsideTheBody() throws {
        let evaluation = try evaluate("f(e) = e^2; f(x) + e", "x=3")
        #expect(isClose(evaluation.value, 9 + M_E, relative: 1e-15))
        #expect(evaluation.warnings.count == 1)
        #expect(evaluation.warningMessages.allSatisfy { !$0.contains("later statements mean this definition") },
                "warning: \(evaluation.warningMessages)")
    }

    // MARK: Output selection and unused steps

    @Test func unusedStepWarnings() throws {
        let evaluation = try evaluate("p = x + y; q = x * 2; p * 3", "x=1 y=2")
        #expect(evaluation.warningMessages == ["'q' is not used by the output"])
        let span = try #require(evaluation.warnings.first?.diagnostic.span)
        #expect(evaluation.program.source.text(of: span) == "q = x * 2")

        let expression = try evaluate("x + 1; x * 2", "x=1")
        #expect(expression.warningMessages == ["this expression's value is not used by the output"])

        let declared = try evaluate("w = 0.5; x * 2", "x=1")
        #expect(declared.warningMessages == ["'w' is not used by the output"])
    }

    @Test func outputSelection() throws {
        let evaluation = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3", output: "p")
        #expect(evaluation.value == 4)
        #expect(evaluation.gradient("x") == 1 && evaluation.gradient("y") == 1 && evaluation.gradient("z") == 0)
        #expect(evaluation.warningMessages == ["'g' is not used by the output"])

        let misspelled = userErrors { _ = try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3", output: "gg") }
        #expect(misspelled.map(\.diagnostic.message) == ["--output names 'gg', which the program does not define"])
        #expect(misspelled.first?.diagnostic.help == "did you mean 'g'?")

        let noSteps = userErrors { _ = try evaluate("x + 1", "x=1", output: "p") }
        #expect(noSteps.first?.diagnostic.help == "the program has no named steps")

        let listed = userErrors { _ = try evaluate("alpha = x + 1; beta = alpha * 2", "x=1", output: "zzzzzz") }
        #expect(listed.first?.diagnostic.help == "its steps are alpha, beta")
    }

    // MARK: Incremental parsing

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

    // MARK: Names in tables

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
