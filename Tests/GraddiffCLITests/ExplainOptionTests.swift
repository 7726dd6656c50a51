import Foundation
import Testing

/// How `--explain`, `--format dot`, `--dot-backward` and `--render` are spelled and
/// combined on the command line, and that `--help` describes each.
@Suite struct ExplainOptionTests {
    static let seed = ["p = x + y; g = p * z", "x=1", "y=3", "z=-3"]

    @Test(arguments: [
        (["--explain"], "backward pass:"),
        (["--explain=backward"], "backward pass:"),
        (["--explain=forward"], "forward pass:"),
        (["--explain", "forward"], "forward pass:"),
        (["--explain=both"], "forward pass:"),
        // An option after the attached pass: the parser had dropped the pass.
        (["--explain=forward", "--precision", "5"], "forward pass:"),
        (["--explain=forward", "--color", "never"], "forward pass:"),
        (["--explain=forward-mode", "--tangent", "x=1"], "forward mode:"),
    ])
    func explainSpellings(_ options: [String], _ expected: String) throws {
        let result = try GraddiffBinary.run(options + Self.seed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n\n" + expected), "after the table and a blank line")
    }

    /// logsumexp's internal steps are said, as xlogy is (their partials name no internal op).
    @Test func logsumexpsStepsAreExplained() throws {
        let result = try GraddiffProcess.run(["--elements", "--explain", "logsumexp([x, y])", "x=1", "y=2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("shift(a, b) is the larger of a and b"), "\(result.stdout)")
        #expect(result.stdout.contains("expdiff(a, b) = exp(a - b), and 1 when a = b"), "\(result.stdout)")
    }

    /// A bare --explain before the expression does not swallow it as its value.
    @Test func bareExplainBeforeTheExpression() throws {
        let result = try GraddiffBinary.run(["--explain", "x * y", "x=2", "y=5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  x ← dn2/dn2 · ∂n2/∂x = 1 · y = 1 · 5 = 5\n"))
    }

    @Test func explainWithWrtKeepsToThosePaths() throws {
        let result = try GraddiffBinary.run(["--explain", "--wrt", "x"] + Self.seed)
        #expect(result.stdout.hasPrefix("x -3\n\nbackward pass:"))
        #expect(!result.stdout.contains("z ←"))
    }

    @Test(arguments: [
        (["--explain", "--format", "json"], "--explain prints text after the table; it cannot be combined with --format json"),
        (["--explain=sideways"], "--explain=sideways is not a pass; use one of backward, forward, both"),
        (["--explain", "-q"], "--explain prints a narration; it cannot be combined with --quiet"),
        (["--dot-backward"], "--dot-backward applies to the graph: add --format dot or --render FILE.svg"),
        (["--batch", "-", "--format", "dot"], "--format dot cannot be combined with it"),
        (["--batch", "-", "--explain"], "--explain and --render cannot be combined with it"),
    ])
    func usageErrors(_ options: [String], _ message: String) throws {
        let result = try GraddiffBinary.run(options + Self.seed)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func helpDescribesEveryNewOption() throws {
        let help = try GraddiffBinary.run(["--help"]).stdout
        for option in ["--explain [<PASS>]", "--render <FILE>", "--dot-backward", "markdown, or", "dot (the graph for Graphviz)"] {
            #expect(help.contains(option), "--help lacks \(option)")
        }
        #expect(help.contains("69   a program or library graddiff needs is not installed (Graphviz's dot,\n       for --render; GNU readline, for a session at a terminal)"),
                "\(help)")
    }
}
