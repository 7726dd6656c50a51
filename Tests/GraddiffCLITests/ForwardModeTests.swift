import Foundation
import Testing

/// `--tangent`, `--mode`, `--explain=forward-mode` and `--jacobian` through the built binary.
@Suite struct ForwardModeTests {
    static let seedGraph = ["p = x + y; g = p * z", "x=1", "y=3", "z=-3"]

    @Test func tangentColumn() throws {
        let result = try GraddiffProcess.run(["--tangent", "x=1,y=0"] + Self.seedGraph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            node  op   expression  value  tangent
            x     var  x               1        1
            y     var  y               3        0
            p     add  x + y           4        1
            z     var  z              -3        0
            g     mul  p * z         -12       -3

            """)
        let quiet = try GraddiffProcess.run(["-q", "--tangent", "x=1,y=1,z=1"] + Self.seedGraph)
        #expect(quiet.stdout == "-2\n")  // -3 - 3 + 4: the gradient dotted with (1, 1, 1)
        let oneVariable = try GraddiffProcess.run(["-q", "--mode", "forward", "x^3", "x=2"])
        #expect(oneVariable.stdout == "12\n")
        let json = try GraddiffProcess.run(["--format", "json", "--tangent", "y=2", "x*y", "x=3", "y=1"])
        #expect(json.stdout.hasPrefix("{\"value\": 3, \"tangent\": 6, \"direction\": {\"x\": 0, \"y\": 2}, \"nodes\": ["), "\(json.stdout)")
    }

    @Test func forwardModeNarration() throws {
        let result = try GraddiffProcess.run(["--tangent", "x=1", "--explain=forward-mode"] + Self.seedGraph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("""
            forward mode: each node's tangent ṅ = Σ ∂n/∂input · (input's tangent), inputs first
            ẋ = 1
            ẏ = 0
            ż = 0
            ṗ = ∂p/∂x · ẋ = 1 · ẋ = 1 · 1 = 1
            ġ = ∂g/∂p · ṗ = z · ṗ = (-3) · 1 = -3
            cost of all 3 partial derivatives of g:
              forward mode: 3 passes (one per input), 12 multiply-adds
              reverse mode: 1 backward pass, 4 multiply-adds

            """), "\(result.stdout)")
        let both = try GraddiffProcess.run(["--tangent", "x=1,z=1", "--explain=forward-mode"] + Self.seedGraph)
        #expect(both.stdout.contains("ġ = ∂g/∂p · ṗ + ∂g/∂z · ż = z · ṗ + p · ż = (-3) · 1 + 4 · 1 = 1"), "\(both.stdout)")
    }

    @Test func jacobianOfSeveralOutputs() throws {
        let result = try GraddiffProcess.run(["--jacobian", "--output", "p,g"] + Self.seedGraph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            # reverse mode (the cheaper for 2 outputs and 3 inputs): 2 backward passes (one per output), 6 multiply-adds; forward mode would take 3 forward passes (one per input), 12 multiply-adds
                x   y  z
            p   1   1  0
            g  -3  -3  4

            """)
        let forced = try GraddiffProcess.run(["--jacobian", "--output", "p,g", "--mode", "forward", "--format", "json"] + Self.seedGraph)
        #expect(forced.stdout == "{\"outputs\": [\"p\", \"g\"], \"inputs\": [\"x\", \"y\", \"z\"], \"mode\": \"forward\", "
                + "\"forward_multiply_adds\": 12, \"reverse_multiply_adds\": 6, \"jacobian\": [[1, 1, 0], [-3, -3, 4]]}\n")
        let tall = try GraddiffProcess.run(["--jacobian", "--output", "a,b,c", "a = sin(t); b = cos(t); c = a * b", "t=0.5"])
        #expect(tall.stdout.hasPrefix("# forward mode (the cheaper for 3 outputs and 1 input)"), "\(tall.stdout)")
    }

    /// A vector's elements by name (`x[1]=1`, as the error's help suggests) or the vector
    /// whole (`x=[0, 1]`); `--wrt` keeps `W[1,2]` whole. Both were split at the comma.
    /// An alias is a row under its own name (b = a labelled both rows a).
    @Test func theJacobiansRowsAreNamedAsOutputNamesThem() throws {
        let result = try GraddiffProcess.run(["--jacobian", "--output", "a,b", "a = x*2; b = a; c = b*3", "x=2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\n   x\na  2\nb  2\n"), "\(result.stdout)")
        let json = try GraddiffProcess.run(["--jacobian", "--format", "json", "--output", "a, b", "a = x*2; b = a; c = b*3", "x=2"])
        #expect(json.stdout.hasPrefix(#"{"outputs": ["a", "b"], "inputs": ["x"]"#), "\(json.stdout)")
    }

    /// A name assigned twice labels its row as the table labels that version: `c` (its
    /// latest version, c#2) labelled c#2's derivatives c.
    @Test func aVersionedStepsRowHasItsTableLabel() throws {
        let result = try GraddiffProcess.run(["--jacobian", "--output", "c#1,c", "c = x; c = c*y", "x=3", "y=2"])
        #expect(result.status == 0 && result.stdout.hasSuffix("     x  y\nc    1  0\nc#2  2  3\n"), "\(result.stdout)")
        let json = try GraddiffProcess.run(["--jacobian", "--format", "json", "--output", "c,d", "c = x; c = c*y; d = c + x", "x=3", "y=2"])
        #expect(json.stdout.hasPrefix(#"{"outputs": ["c#2", "d"]"#), "\(json.stdout)")
    }

    /// Every element of a vector output (and every step --output names) counts as using
    /// what it reads: p, read by v[1] alone, was said unused, and the help said steps
    /// are printed, which under --jacobian they are not.
    @Test func everyRowOfAJacobianUsesWhatItReads() throws {
        let result = try GraddiffProcess.run(["--jacobian", "p = x*y; q = x+y; r = x - y; v = [p, q]", "x=3", "y=2"])
        #expect(result.status == 0 && result.stdout.hasSuffix("v[1]  2  3\nv[2]  1  1\n"), "\(result.stdout)")
        #expect(!result.stderr.contains("'p'") && !result.stderr.contains("'q'"), "\(result.stderr)")
        #expect(result.stderr.contains("'r' is not used by the output"), "\(result.stderr)")
        #expect(result.stderr.contains("help: the Jacobian has no row for it"), "\(result.stderr)")
        // So does every step --output names: p, a row of its own, was said unused beside q.
        let several = try GraddiffProcess.run(["--jacobian", "--output", "p,q", "p = x*y; q = x+y; r = x - y", "x=3", "y=2"])
        #expect(several.status == 0 && !several.stderr.contains("'p'"), "\(several.stderr)")
        #expect(several.stderr.contains("'r' is not used by the output"), "\(several.stderr)")
    }

    @Test func elementsByNameInTangentAndWrt() throws {
        let byElement = try GraddiffProcess.run(["-q", "--tangent", "x[1]=1,x[2]=0", "sum(x*x)", "x=[3,-1]"])
        #expect(byElement.status == 0 && byElement.stdout == "6\n", "\(byElement.stderr)")
        let whole = try GraddiffProcess.run(["-q", "--tangent", "x=[0, 1]", "sum(x*x)", "x=[3,-1]"])
        #expect(whole.status == 0 && whole.stdout == "-2\n", "\(whole.stderr)")
        let wrt = try GraddiffProcess.run(["-q", "--wrt", "W[1, 2],x", "sum(W@x)", "W=[[1,2],[3,4]]", "x=[1,-1]"])
        #expect(wrt.status == 0 && wrt.stdout == "-1\n4\n6\n", "\(wrt.stderr)")
    }

    @Test(arguments: [
        (["--tangent", "q=1", "x*y", "x=1", "y=2"], Int32(65), "--tangent names 'q'"),
        // A missing --tangent is a missing option (64); --explain=forward-mode said 65.
        (["--mode", "forward", "x*y", "x=1", "y=2"], 64, "forward mode needs a direction"),
        (["--explain=forward-mode", "x*y", "x=1", "y=2"], 64, "forward mode needs a direction"),
        // A malformed value is a bad option value (64, as EXIT STATUS says), before any program is read.
        (["--tangent", "x", "x*y", "x=1", "y=2"], 64, "--tangent expects name=number pairs"),
        (["--tangent", "x=[1, 0", "x*y", "x=1", "y=2"], 64, "--tangent expects name=number pairs"),
        (["--tangent", "u=[1, 0, 0]", "sum(u)", "u=[1, 2]"], 65, "another shape"),
        (["--tangent", "u[1]=1,u[1]=0", "sum(u)", "u=[1, 2]"], 65, "gives 'u[1]' twice"),
        (["--output", "p,g"] + ForwardModeTests.seedGraph, 64, "need --jacobian"),
        // A name given twice printed its gradient twice (a duplicate JSON key), and in
        // --over counted it twice in the gradient's norm.
        (["--wrt", "x,y, x", "--format", "json", "x*y", "x=1", "y=2"], 64, "--wrt names 'x' twice"),
        (["-q", "--wrt", "W[1,2],W[1, 2]", "sum(W)", "W=[[1, 2]]"], 64, "--wrt names 'W[1,2]' twice"),
        (["-q", "--wrt", "W,W[1,2]", "sum(W)", "W=[[1, 2]]"], 65, "--wrt names 'W[1,2]' twice (a vector or matrix names each of its elements)"),
        (["minimize", "sum(W*W)", "W=[[1, 2]]", "--over", "W,W[1,2]", "--steps", "2"], 65, "--over names 'W[1,2]' twice"),
        (["--tangent", "x=1", "--mode", "reverse", "x", "x=1"], 64, "cannot be combined with --mode reverse"),
        (["--tangent", "x=1", "--format", "csv", "x", "x=1"], 64, "--format csv"),
        (["--jacobian", "--output", "p,nope"] + ForwardModeTests.seedGraph, 65, "nope"),
        // A step named twice printed two identical rows, and an empty name was passed over, as --wrt refuses them.
        (["--jacobian", "--output", "p,p"] + ForwardModeTests.seedGraph, 64, "--output names 'p' twice"),
        (["--jacobian", "--output", "p,"] + ForwardModeTests.seedGraph, 64, "--output 'p,' has an empty name"),
        (["--jacobian", "--output", "p,,g"] + ForwardModeTests.seedGraph, 64, "has an empty name"),
        (["--wrt", "x,", "x*y", "x=1", "y=2"], 64, "--wrt 'x,' has an empty name"),
        (["--jacobian", "--output", "c,c#2", "c = x; c = c*y", "x=3", "y=2"], 65, "--output names the step c#2 twice (as 'c' and 'c#2')"),
        // A vector last among several names printed its own Jacobian alone, dropping the others.
        (["--jacobian", "--output", "p,q,v", "p = x*y; q = x+y; v = [x, 2*y]", "x=3", "y=2"], 65,
         "--output names several steps, but v is a 2-element vector"),
        (["--jacobian", "--output", "v,u", "u = [x, y]; v = [x, 2*y]", "x=3", "y=2"], 65,
         "--output names several steps, but v is a 2-element vector"),
        (["--jacobian", "-q", "x", "x=1"], 64, "--quiet"),
    ])
    func mistakesAreNamed(_ arguments: [String], _ status: Int32, _ words: String) throws {
        let result = try GraddiffProcess.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(words), "\(result.stderr)")
    }
}
