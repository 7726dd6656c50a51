import Foundation
import Testing
@testable import GradDiff

/// Expanding user functions' calls: calls inside a body expand at the call, calls that
/// fan out or merge cost their distinct calls, and the node limit stops a runaway one.
@Suite struct UserFunctionExpansionTests {
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
}
