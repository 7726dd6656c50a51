import Testing
@testable import GradDiff

/// `--explain`'s narration: the seed example word for word, the chain rule's sum over
/// paths (fan-out), `--wrt`, the meaning of internal ops, and 80-column lines on every
/// seed example.
struct ExplainTests {
    func explain(_ program: String, _ bindings: String, _ pass: ExplainPass = .backward,
                 wrt: [String]? = nil) throws -> String {
        ExplainFormatter(try evaluate(program, bindings).result, OutputOptions(wrt: wrt)).render(pass)
    }

    @Test func seedExampleBackward() throws {
        let text = try explain("p = x + y; g = p * z", "x=1 y=3 z=-3")
        #expect(text == """
            backward pass: each node sends dg/d(node) · ∂node/∂input to each input
            g = p * z  dg/dg = 1
              p ← dg/dg · ∂g/∂p = 1 · z = 1 · (-3) = -3
              z ← dg/dg · ∂g/∂z = 1 · p = 1 · 4 = 4
            p = x + y  dg/dp = -3
              x ← dg/dp · ∂p/∂x = -3 · 1 = -3
              y ← dg/dp · ∂p/∂y = -3 · 1 = -3
            inputs: the gradients they collected
              x  dg/dx = -3
              y  dg/dy = -3
              z  dg/dz = 4

            """)
    }

    @Test func seedExampleForward() throws {
        let text = try explain("p = x + y; g = p * z", "x=1 y=3 z=-3", .forward)
        #expect(text == """
            forward pass: each node from its inputs, inputs first
            x = 1
            y = 3
            p = x + y = 1 + 3 = 4
            z = -3
            g = p * z = 4 * (-3) = -12

            """)
    }

    @Test func bothIsForwardThenBackward() throws {
        let both = try explain("x * y", "x=2 y=5", .both)
        let forward = try explain("x * y", "x=2 y=5", .forward)
        let backward = try explain("x * y", "x=2 y=5", .backward)
        #expect(both == forward + "\n" + backward)
    }

    /// The seeds' "case 2": s reaches z along two paths; both contributions and their sum.
    @Test func sumOverPaths() throws {
        let text = try explain("x = sin(s); y = s^2; z = x * y", "s=0.7")
        #expect(text.contains("  s ← dz/dy · ∂y/∂s = 0.6442176872 · (2 * s) = 0.6442176872 · 1.4 = 0.9019047621\n"))
        #expect(text.contains("  s ← dz/dx · ∂x/∂s = 0.49 · cos(s) = 0.49 · 0.7648421873 = 0.3747726718\n"))
        #expect(text.contains("  s  dz/ds = 0.9019047621 + 0.3747726718 = 1.276677434  (sum of 2 paths)\n"))
    }

    /// Permanent fan-out regressions: one node used twice by one node, or through a merged node.
    @Test(arguments: [("x*x", "x  dn1/dx = 3 + 3 = 6  (sum of 2 paths)"),
                      ("x+x", "x  dn1/dx = 1 + 1 = 2  (sum of 2 paths)"),
                      ("(x+y)*(x+y)", "n2 = x + y    dn3/dn2 = 4 + 4 = 8  (sum of 2 paths)")])
    func fanOut(_ program: String, _ line: String) throws {
        let text = try explain(program, "x=3 y=1")
        #expect(text.contains(line), "\(text)")
    }

    @Test func manyPathsAreAbbreviated() throws {
        let text = try explain("x+x+x+x+x+x+x+x", "x=1")
        #expect(text.contains("x  dn7/dx = 1 + 1 + … + 1 = 8  (sum of 8 paths)"), "\(text)")
    }

    @Test func wrtNarratesOnlyPathsFromThoseInputs() throws {
        let text = try explain("p = x + y; g = p * z", "x=1 y=3 z=-3", wrt: ["x"])
        #expect(text.contains("  p ← dg/dg · ∂g/∂p"))
        #expect(text.contains("  x ← dg/dp · ∂p/∂x"))
        #expect(!text.contains("z ←") && !text.contains("y ←") && !text.contains("dg/dz"))
    }

    @Test func internalOpsAreExplained() throws {
        let text = try explain("relu(x) + max(x, y)", "x=2 y=1")
        #expect(text.contains("  x ← dn4/dn1 · ∂n1/∂x = 1 · [x > 0] = 1 · 1 = 1\n"), "\(text)")
        #expect(text.hasSuffix("where [a > 0] is 1 if a > 0, else 0\n      [a ≤ b] is 1 if a ≤ b, else 0\n"))
    }

    @Test func outputThatIsAnInput() throws {
        let text = try explain("x", "x=2")
        #expect(text.hasSuffix("inputs: the gradients they collected\n  x  dx/dx = 1\n"))
    }

    /// A line too long for 80 columns breaks before an "=", continuing indented.
    @Test func longLinesBreakBeforeEquals() throws {
        let text = try explain("first_weight_of_layer_one * second_input_of_layer_one",
                               "first_weight_of_layer_one=0.123456789 second_input_of_layer_one=-0.987654321")
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("      ") && $0.drop(while: { $0 == " " }).hasPrefix("= ") }, "\(text)")
    }

    @Test(arguments: seedCases)
    func seedExamplesFitEightyColumns(_ seed: SeedCase) throws {
        let text = try explain(seed.program, seed.bindings, .both)
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }

    @Test func markdownIsACodeBlock() throws {
        let formatter = ExplainFormatter(try evaluate("x * y", "x=2 y=5").result, OutputOptions())
        #expect(formatter.renderMarkdown(.forward) == "```text\n" + formatter.render(.forward) + "```\n")
    }
}
