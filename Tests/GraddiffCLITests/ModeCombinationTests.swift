import Foundation
import Testing

/// `--mode` with `--jacobian`, `--tangent` and `--explain`: it takes effect where it can
/// (a vector output's Jacobian) and is refused where it contradicts the other option.
@Suite struct ModeCombinationTests {
    static let vector = ["[x*y, x+y]", "x=1", "y=2"]

    @Test func forwardModeJacobianOfAVectorSaysItsMode() throws {
        let table = try GraddiffProcess.run(["--jacobian", "--mode", "forward"] + Self.vector)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("# forward mode (chosen with --mode): 2 forward passes (one per input)"), "\(table.stdout)")
        #expect(table.stdout.hasSuffix("output[1]  2  1\noutput[2]  1  1\n"), "\(table.stdout)")
        let json = try GraddiffProcess.json(GraddiffProcess.run(["--jacobian", "--mode", "forward", "--format", "json"] + Self.vector).stdout)
        #expect(json["mode"] as? String == "forward")
        #expect(json["jacobian"] as? [[Double]] == [[2, 1], [1, 1]])
    }

    /// Without --mode the vector Jacobian is printed as it always was: no mode line.
    @Test func jacobianOfAVectorWithoutModeIsUnchanged() throws {
        let result = try GraddiffProcess.run(["--jacobian"] + Self.vector)
        #expect(result.stdout == "           x  y\noutput[1]  2  1\noutput[2]  1  1\n", "\(result.stdout)")
    }

    @Test(arguments: [
        (["--explain=forward-mode", "--mode", "reverse"], "--explain=forward-mode narrates forward mode; it cannot be combined with --mode reverse"),
        (["--tangent", "x=1", "--mode", "reverse"], "--tangent runs forward mode; it cannot be combined with --mode reverse"),
        // A table of tangents followed by a backward pass's narration of gradients.
        (["--tangent", "x=1", "--explain"], "forward mode (--tangent) runs no backward pass; --explain=backward cannot be combined with it\nhelp: --explain=forward-mode"),
        (["--tangent", "x=1", "--explain=both"], "--explain=both cannot be combined with it"),
        (["--mode", "forward", "--explain"], "forward mode (--tangent) runs no backward pass"),
    ])
    func contradictionIsRefused(_ options: [String], _ message: String) throws {
        let result = try GraddiffProcess.run(options + ["x*x", "x=3"])
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: ["--explain=forward", "--explain=forward-mode"])
    func tangentsTakeAForwardNarration(_ explain: String) throws {
        let result = try GraddiffProcess.run(["--tangent", "x=1", explain, "x*x", "x=3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("backward pass:"), "\(result.stdout)")
    }
}
