import Foundation
import Testing

/// `graddiff diff`, `--hessian`, `--order` and `--check` through the built binary.
@Suite struct DiffCommandTests {
    @Test func diffPrintsEveryPartialAsAProgram() throws {
        let result = try GraddiffProcess.run(["diff", "x^2*y + sin(x*y)"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            # size: 9 operations
            t1 = cos(x * y)
            d_x = 2 * x * y + y * t1
            d_y = x^2 + x * t1

            """)
    }

    @Test func diffWithOneVariableAndBindingsPrintsTheValue() throws {
        let result = try GraddiffProcess.run(["diff", "--wrt", "x", "x^2*y", "x=3", "y=1"])
        #expect(result.status == 0)
        // One shape whatever --wrt names: a d_x line, then its value.
        #expect(result.stdout == "# size: 2 operations\nd_x = 2 * x * y\n# d_x = 6\n")
    }

    @Test func printedDerivativePastesBackIn() throws {
        let formula = try GraddiffProcess.run(["diff", "--wrt", "x", "exp(sin(x))*x", "x=0.7"])
        let lines = formula.stdout.split(separator: "\n")
        let program = lines.filter { !$0.hasPrefix("#") }.joined(separator: "; ")
        #expect(program.hasPrefix("t1 = exp(sin(x)); d_x = "), "\(program)")
        let expected = lines.last { $0.hasPrefix("# d_x = ") }.map { String($0.dropFirst("# d_x = ".count)) }
        let value = try GraddiffProcess.run(["-q", "--precision", "17", program, "x=0.7"])
        #expect(value.status == 0, "\(value.stderr)")
        let printed = try #require(Double(value.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let oracle = try #require(expected.flatMap(Double.init))
        #expect(abs(printed - oracle) <= 1e-15 * abs(oracle))
    }

    @Test func diffJSONAndLaTeX() throws {
        let json = try GraddiffProcess.run(["diff", "--format", "json", "x*y"])
        #expect(json.stdout == "{\"x\": \"y\", \"y\": \"x\"}\n")
        let valued = try GraddiffProcess.run(["diff", "--format", "json", "--wrt", "x", "x^2", "x=3"])
        #expect(valued.stdout == "{\"x\": {\"formula\": \"2 * x\", \"value\": 6}}\n")
        let latex = try GraddiffProcess.run(["diff", "--format", "latex", "--wrt", "x", "sqrt(x)/y"])
        #expect(latex.stdout == """
            \\begin{aligned}
            \\frac{\\partial f}{\\partial x} &= \\frac{1}{2 \\cdot \\sqrt{x} \\cdot y}
            \\end{aligned}

            """)
    }

    @Test func internalOpsPrintAsUserFunctions() throws {
        let result = try GraddiffProcess.run(["diff", "abs(x) + relu(y) + max(x, y)"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("["))
        let pasted = try GraddiffProcess.run(["sign(x) + step(y)", "x=-2", "y=3"])
        #expect(pasted.status == 0, "\(pasted.stderr)")
    }

    @Test func higherOrderDiff() throws {
        let result = try GraddiffProcess.run(["diff", "--order", "2", "x^3", "x=2"])
        #expect(result.stdout.hasSuffix("# d2_x = 12\n"))
    }

    @Test func aVariableNamedDiffIsStillAnExpression() throws {
        let result = try GraddiffProcess.run(["-q", "diff", "diff=2"])
        #expect(result.status == 0)
        let plain = try GraddiffProcess.run(["diff", "diff=2"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("diff  var"))
    }

    @Test func aProductWithItselfPrintsAsASquare() throws {
        let result = try GraddiffProcess.run(["diff", "--wrt", "x", "(x+y)*(x+y)*exp(x)"])
        #expect(result.stdout.contains("t1^2 * t2"), "\(result.stdout)")
    }

    @Test func diffReadsAProgramFromStandardInput() throws {
        let result = try GraddiffProcess.run(["diff", "-f", "-", "--wrt", "x"], input: "p = x * y\np^2\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "# size: 3 operations\nd_x = 2 * x * y^2\n")
        let missing = try GraddiffProcess.run(["diff", "-f", "/nonexistent/derivs-file"])
        #expect(missing.status == 66)
    }

    @Test func diffOfAConstantSaysSo() throws {
        let result = try GraddiffProcess.run(["diff", "3*pi"])
        #expect(result.status == 0)
        #expect(result.stdout == "# size: 0 operations\n# the expression has no variables\n")
    }

    @Test func diffRejectsUnknownVariables() throws {
        let result = try GraddiffProcess.run(["diff", "--wrt", "q", "x^2"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'q'"))
    }

    @Test func hessianTableAndJSON() throws {
        let table = try GraddiffProcess.run(["--hessian", "x^2*y", "x=1", "y=2"])
        #expect(table.status == 0)
        #expect(table.stdout == "   x  y\nx  4  2\ny  2  0\n")
        let json = try GraddiffProcess.run(["--hessian", "--format", "json", "x^2*y", "x=1", "y=2"])
        #expect(json.stdout == "{\"variables\": [\"x\", \"y\"], \"hessian\": [[4, 2], [2, 0]]}\n")
        let some = try GraddiffProcess.run(["--hessian", "--wrt", "y,x", "x^2*y*z", "x=1", "y=2", "z=3"])
        #expect(some.stdout == "   y   x\ny  0   6\nx  6  12\n")
    }

    /// Each order can multiply a derivative's size: the symbolic passes stop at --max-nodes.
    @Test func aDerivativeGraphLargerThanTheLimitIsRefused() throws {
        let product = "sin(x)*cos(x)*exp(x)*tanh(x)*sigmoid(x)"
        for (arguments, limit) in [(["--order", "16", product, "x=0.5"], 5000), (["diff", "--order", "16", product], 5000),
                                   (["--hessian", product + "*y", "x=1", "y=2"], 30)] {
            let refused = try GraddiffProcess.run(arguments + ["--max-nodes", "\(limit)"])
            #expect(refused.status == 65, "\(arguments)")
            #expect(refused.stdout == "")
            #expect(refused.stderr.contains("error: the derivative's graph has more than \(limit) nodes, the limit"), "\(refused.stderr)")
        }
        let order = try GraddiffProcess.run(["-q", "--order", "3", product, "x=0.5", "--max-nodes", "5000"])
        #expect(order.status == 0)
    }

    @Test func aHessianLargerThanTheLimitIsRefused() throws {
        // 4 variables make 16 entries: over a limit of 15, within one of 16.
        let arguments = ["--hessian", "a*b*c*d", "a=1", "b=2", "c=3", "d=4"]
        let refused = try GraddiffProcess.run(arguments + ["--max-nodes", "15"])
        #expect(refused.status == 65)
        #expect(refused.stdout == "")
        #expect(refused.stderr.contains("the Hessian of 4 variables has 16 entries, more than the limit of 15"))
        #expect(refused.stderr.contains("--wrt"))
        #expect(try GraddiffProcess.run(arguments + ["--max-nodes", "16"]).status == 0)
        let fewer = try GraddiffProcess.run(arguments + ["--max-nodes", "15", "--wrt", "a,d"])
        #expect(fewer.stdout == "   a  d\na  0  6\nd  6  0\n")
    }

    @Test func orderPrintsTheNthDerivative() throws {
        let result = try GraddiffProcess.run(["--order", "3", "x^4", "x=2"])
        #expect(result.stdout == "d^3/dx^3 48\n")
        let ambiguous = try GraddiffProcess.run(["--order", "2", "x*y", "x=1", "y=1"])
        #expect(ambiguous.status == 65)
        let chosen = try GraddiffProcess.run(["-q", "--order", "2", "--wrt", "y", "x*y^3", "x=1", "y=1"])
        #expect(chosen.stdout == "6\n")
    }

    /// The refusal names what each option refuses: --order takes -q (orderPrintsTheNthDerivative).
    @Test(arguments: [
        (["--order", "2", "--batch", "-"], "--order cannot be combined with --batch, --explain or --render"),
        (["--order", "2", "--explain"], "--order cannot be combined with --batch, --explain or --render"),
        (["--hessian", "-q"], "--hessian cannot be combined with --batch, --explain, --render or --quiet"),
        (["--check", "--render", "g.svg"], "--check cannot be combined with --batch, --explain, --render or --quiet"),
    ])
    func aRefusedCombinationNamesExactlyWhatIsRefused(_ options: [String], _ message: String) throws {
        let result = try GraddiffProcess.run(options + ["x^3", "x=2"], input: "")
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stderr.contains("Error: \(message)\n"), "\(result.stderr)")
    }

    @Test func checkPassesMarksKinksAndFails() throws {
        let passing = try GraddiffProcess.run(["--check", "abs(x) + sin(y)", "x=0", "y=1"])
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("not differentiable"))
        #expect(!passing.stdout.contains("FAIL"))
        // exp(800) overflows: the reverse gradient is 0 · inf = nan where the function is
        // flat (atan of inf), which the finite difference can tell.
        let failing = try GraddiffProcess.run(["--check", "atan(exp(x))", "x=800"])
        #expect(failing.status == 2)
        #expect(failing.stdout.contains("FAIL"))
        #expect(failing.stderr.contains("gradient check failed for x"))
        // A tolerance finer than a finite difference can tell: said, not failed.
        let fine = try GraddiffProcess.run(["--check", "--tol", "1e-15", "exp(x)", "x=20"])
        #expect(fine.status == 0)
        #expect(fine.stdout.contains("cannot check here"))
        #expect(fine.stderr.contains("note: cannot check x here: the finite difference is uncertain by"))
    }

    @Test func checkDoesNotFailCorrectGradients() throws {
        // Issue 14: a step too large for a curved function, or leaving the domain.
        for (expression, bindings) in [("exp(x)", ["x=500"]), ("cosh(x)", ["x=600"]), ("log(x)", ["x=1e-6"]), ("sqrt(x)", ["x=1e-6"]),
                                       ("asin(x)", ["x=0.999999"]), ("atan2(y, x)", ["y=1e-200", "x=1e-200"])] {
            let result = try GraddiffProcess.run(["--check", expression] + bindings)
            #expect(result.status == 0, "\(expression) at \(bindings): \(result.stdout)\(result.stderr)")
            #expect(!result.stdout.contains("FAIL") && !result.stdout.contains("cannot"), "\(result.stdout)")
        }
        let json = try GraddiffProcess.run(["--check", "--format", "json", "log(x)", "x=1e-6"])
        let object = try GraddiffProcess.json(json.stdout)
        let row = try #require((object["variables"] as? [[String: Any]])?.first)
        #expect(row["result"] as? String == "ok")
        #expect((row["central_error"] as? Double).map { $0 < 1e-2 } == true, "\(json.stdout)")
    }

    @Test func derivativeOptionsAreExclusive() throws {
        #expect(try GraddiffProcess.run(["--hessian", "--check", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["--tol", "1e-3", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["--hessian", "--format", "csv", "x", "x=1"]).status == 64)
    }
}
