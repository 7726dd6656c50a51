import Foundation
import Testing

/// --kink on the command line: the derivative it chooses at a corner, `error` stopping
/// with status 3, the combinations refused, and a session taking the convention.
@Suite struct KinkOptionTests {
    @Test func kinkChoosesTheDerivativeAtACorner() throws {
        let expected = ["zero": "0\n", "left": "-1\n", "right": "1\n", "mean": "0\n"]
        for (convention, gradient) in expected {
            let result = try GraddiffProcess.run(["--kink", convention, "-q", "--wrt", "x", "abs(x)", "x=0"])
            #expect(result.status == 0)
            #expect(result.stdout == gradient, "--kink \(convention)")
            #expect(result.stderr.isEmpty, "a chosen convention is no news to -q: \(result.stderr)")
            let table = try GraddiffProcess.run(["--kink", convention, "--wrt", "x", "abs(x)", "x=0"])
            #expect(table.stderr.contains("(--kink \(convention))"))
        }
        let relu = try GraddiffProcess.run(["--kink", "mean", "-q", "--wrt", "x", "relu(x)", "x=0"])
        #expect(relu.stdout == "0.5\n")
        let batch = try GraddiffProcess.run(["--kink", "right", "--batch", "-", "relu(x)"], input: "x\n0\n-1\n")
        #expect(batch.stdout == "x,value,d_x\n0,0,1\n-1,0,0\n")
    }

    @Test func kinkErrorStopsWithStatusThree() throws {
        let result = try GraddiffProcess.run(["--kink", "error", "max(x, y) + 1", "x=2", "y=2"])
        #expect(result.status == 3)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("error: n2 is evaluated at a kink: max(x, y) with both arguments 2"))
        #expect(result.stderr.contains("choose one with --kink zero, left, right or mean"))
        #expect(try GraddiffProcess.run(["--kink", "error", "max(x, y)", "x=2", "y=1"]).status == 0)
    }

    @Test(arguments: [
        (["--kink", "left", "--hessian", "abs(x)", "x=0"], "--hessian and --order differentiate symbolically"),
        (["--kink", "error", "--batch", "-", "abs(x)"], "with --batch choose zero, left, right or mean"),
        (["--kink", "sideways", "abs(x)", "x=0"], "sideways"),
    ])
    func kinkCombinationsThatCannotWork(_ arguments: [String], _ message: String) throws {
        let result = try GraddiffProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A session takes `--kink` for all its expressions (it was refused, with a hint that
    /// took the convention's name for an expression starting with '-').
    @Test func aSessionTakesTheKinkConvention() throws {
        let result = try GraddiffProcess.run(["--kink", "right"], input: "x = 0\nrelu(x)\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("x     var   x               0         1"), "\(result.stdout)")
        #expect(result.stderr.contains("graddiff uses 1 (--kink right)"), "\(result.stderr)")
        let refused = try GraddiffProcess.run(["--check", "-i", "right"])
        #expect(refused.status == 64 && !refused.stderr.contains("must follow '--'"), "\(refused.stderr)")
    }
}
