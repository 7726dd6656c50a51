import Foundation
import Testing
@testable import GradDiff

/// User functions: inlined at each call, the names their bodies read, the calls and
/// definitions refused, and constants shadowed by a definition or a parameter.
@Suite struct UserFunctionTests {
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
}
