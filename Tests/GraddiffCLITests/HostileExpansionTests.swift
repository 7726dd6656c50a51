import Foundation
import Testing

extension HostileInputTests {
    /// User functions whose calls chain, nest, double, merge or multiply: each either runs
    /// in the nodes it needs or stops at --max-nodes within the documented memory.
    @Suite struct HostileExpansionTests {
        @Test func aFunctionCalledAHundredThousandTimesInAChain() throws {
            let depth = 100_000
            let program = "f(a) = a + 1\n" + String(repeating: "f(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n"
            let outcome = try run(text(program), ["-q", "--wrt", "x", "x=0"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "1\n")
        }

        @Test func aHundredThousandChainedDefinitions() throws {
            // f_i calls f_(i-1): each definition costs its own text, the call 10^5 nodes.
            let count = 100_000
            let definitions = (1..<count).map { "f\($0)(a) = f\($0 - 1)(a) + 1" }.joined(separator: "\n")
            let outcome = try run(text("f0(a) = a\n" + definitions + "\nf\(count - 1)(x)\n"), ["-q", "x=1"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "\(count)\n")
        }

        @Test func callsNestedAHundredThousandDeepInABody() throws {
            let depth = 100_000
            let program = "f(a) = a + 1\ng(a) = " + String(repeating: "f(", count: depth) + "a" + String(repeating: ")", count: depth) + "\ng(x)\n"
            let outcome = try run(text(program), ["-q", "--wrt", "x", "x=0"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "1\n")
        }

        @Test func callsThatMeetAgainCostTheirDistinctCalls() throws {
            // 2^100000 calls as written; 10^5 distinct ones, each a node.
            let program = "f0(a) = a\n" + (1...100_000).map { "f\($0)(a) = f\($0 - 1)(a) * f\($0 - 1)(a)" }.joined(separator: "\n")
            let outcome = try run(text(program + "\nf100000(x)\n"), ["-q", "x=1"])
            #expect(outcome.status == 0, "\(outcome.stderr.prefix(500))")
            #expect(outcome.stdout == "1\n")
        }

        @Test func maxNodesStopsARunawayExpansion() throws {
            // Each function doubles the graph: f30 would need 2^30 nodes. Defining them is
            // quick; the call stops at the limit as it expands.
            // (sin and cos of every path differ, so hash-consing cannot share them).
            var lines = ["f0(a) = a"]
            for level in 1...30 { lines.append("f\(level)(a) = f\(level - 1)(sin(a)) * f\(level - 1)(cos(a))") }
            lines.append("f30(x)")
            // Memory follows the nodes expanded, which --max-nodes bounds (LIMITS: about 40
            // bytes each; 100 allowed here).
            let outcome = try run(text(lines.joined(separator: "\n")), ["--max-nodes", "100000", "x=1"],
                                  maximumKilobytes: 64 * 1024 + 100_000 * 100 / 1024)
            #expect(outcome.status == 65)
            #expect(outcome.stderr.contains("100000"))
        }

        /// User functions whose calls merge or multiply (issue 14). The work of expanding
        /// calls is counted (each body node visited, each call made), not only the nodes it
        /// adds, against --max-nodes; so each shape ends with status 65 and the limit named,
        /// under the 1 GB the man page promises (LIMITS), whatever it would have cost.
        struct ExpansionShape: Sendable, CustomTestStringConvertible {
            var name: String
            var program: String
            var bindings: [String]
            var testDescription: String { name }

            static let diamond = "f0(a, b) = a*b\n" + (1...59).map { "f\($0)(a, b) = f\($0 - 1)(f\($0 - 1)(a, b), f\($0 - 1)(b, a))" }
                .joined(separator: "\n")
            static let all: [ExpansionShape] = [
                // Calls that meet again: each level's calls share arguments with the last's.
                ExpansionShape(name: "diamond", program: diamond + "\nf59(x, y)\n", bindings: ["x=1", "y=2"]),
                // Calls that never meet: every argument is a new node, so the graph doubles.
                ExpansionShape(name: "doubling", program: "f0(a) = a\n"
                    + (1...59).map { "f\($0)(a) = f\($0 - 1)(a*2) + f\($0 - 1)(a*3)" }.joined(separator: "\n") + "\nf59(x)\n",
                    bindings: ["x=1"]),
                // Eight parameters, each level doubling on new argument nodes: long memo keys.
                ExpansionShape(name: "eight parameters", program: "f0(p1, p2, p3, p4, p5, p6, p7, p8) = p1*p2 + p3*p4 + p5*p6 + p7*p8\n"
                    + (1...40).map { "f\($0)(p1, p2, p3, p4, p5, p6, p7, p8) = f\($0 - 1)(p2, p3, p4, p5, p6, p7, p8, p1*2) "
                        + "* f\($0 - 1)(p8, p1, p2, p3, p4, p5, p6, p7*3)" }
                        .joined(separator: "\n") + "\nf40(x1, x2, x3, x4, x5, x6, x7, x8)\n",
                    bindings: (1...8).map { "x\($0)=1" }),
                // A large body called again and again on new arguments.
                ExpansionShape(name: "large body", program: "g0(a) = " + (1...2000).map { "a*\($0).5" }.joined(separator: " + ") + "\n"
                    + (1...40).map { "g\($0)(a) = g\($0 - 1)(a + 1) - g\($0 - 1)(a - 1)" }.joined(separator: "\n") + "\ng40(x)\n",
                    bindings: ["x=1"]),
                // The same runaway call in 200 statements: the count is the program's, not a call's.
                ExpansionShape(name: "repeated", program: diamond + "\n" + (1...200).map { "y\($0) = f59(x, y) + \($0)" }.joined(separator: "\n") + "\n",
                    bindings: ["x=1", "y=2"]),
            ]
        }

        @Test(arguments: ExpansionShape.all)
        func aRunawayExpansionEndsWithinTheLimits(_ shape: ExpansionShape) throws {
            let outcome = try run(text(shape.program), shape.bindings, maximumKilobytes: 1024 * 1024)
            #expect(outcome.status == 65, "\(outcome.stderr.prefix(500))")
            #expect(outcome.stderr.contains("20000000"), "\(outcome.stderr.prefix(500))")
        }
    }
}
