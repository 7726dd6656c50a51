import Foundation
import Testing
@testable import GradDiff

/// `--check` must not fail a correct gradient (issue 14), and must fail a wrong one: the
/// finite difference keeps inside the domain, estimates its own error, and says "cannot
/// check here" where it cannot tell.
struct GradientCheckTests {
    /// The issue's cases, each a correct gradient the old check failed or could not take.
    static let hard: [(String, String)] = [
        ("exp(x)", "x=500"), ("cosh(x)", "x=600"), ("log(x)", "x=1e-6"), ("sqrt(x)", "x=1e-6"),
        ("asin(x)", "x=0.999999"), ("acos(x)", "x=-0.999999"), ("atan2(y, x)", "y=1e-200 x=1e-200"),
        ("log(x)", "x=1e-300"), ("1/x", "x=1e-150"), ("tan(x)", "x=1.5707963"), ("abs(x)", "x=1e-7"),
        ("sin(x)", "x=1e6"), ("x^y", "x=2.5 y=300"), ("exp(-x^2)", "x=30"), ("sigmoid(x)", "x=40"),
        ("tanh(x)", "x=20"), ("(x + 1e10) - 1e10", "x=0.3"), ("log(1 - x)", "x=0.9999999"),
    ]

    @Test(arguments: hard.indices)
    func aCorrectGradientPasses(_ index: Int) throws {
        let (expression, bindings) = Self.hard[index]
        let check = GradientCheck(try evaluate(expression, bindings).result)
        #expect(check.passed, "\(expression) at \(bindings): \(check.rows.map { "\($0.name) \($0.verdict) \($0.central)" })")
        // Only the sum with 1e10 rounds too coarsely for a difference to tell.
        let expected: GradientCheck.Verdict = expression.contains("1e10") ? .uncheckable : .ok
        #expect(check.rows.allSatisfy { $0.verdict == expected },
                "\(expression) at \(bindings): \(check.rows.map { "\($0.name) \($0.verdict) \($0.central) ± \($0.centralError)" })")
    }

    /// x^1e-20 at 1e-20 has slope 1 but is 1.0 at every step: a difference of 0 there is
    /// rounding, not a slope, so the row cannot be checked (it was a FAIL, status 2).
    @Test(arguments: [("x^1e-20", "x=1e-20"), ("x^y", "x=1e-300 y=1e-300")])
    func aFunctionFlatInDoublesCannotBeChecked(_ expression: String, _ bindings: String) throws {
        let check = GradientCheck(try evaluate(expression, bindings).result)
        #expect(check.passed)
        #expect(check.rows[0].verdict == .uncheckable && check.rows[0].reason == .flat,
                "\(check.rows[0].verdict) \(String(describing: check.rows[0].reason))")
    }

    /// --check --wrt y and a session's :check after :wrt y check y only (x was checked too).
    @Test func theCheckTakesTheWrtVariables() throws {
        let result = try evaluate("x*y + sin(y)", "x=1 y=2").result
        #expect(GradientCheck(result, slots: [1]).rows.map(\.name) == ["y"])
        #expect(GradientCheck(result).rows.map(\.name) == ["x", "y"])
        var repl = session("x = 1", "y = 2", ":wrt y")
        let table = repl.run(":check x*y").output
        #expect(table.contains("\ny ") && !table.contains("\nx "), "\(table)")
    }

    /// Functions at points near their edges: every verdict is ok or cannot check, never FAIL.
    @Test func correctGradientsNeverFailNearEdges() throws {
        let functions = ["log(x)", "sqrt(x)", "asin(x)", "acos(x)", "1/x", "x^0.5", "atan2(x, 1e-3)", "tan(x)",
                         "log(x) * exp(x)", "abs(x - 1e-9)", "relu(x) * x", "x^3 - x", "sin(1/x)", "cbrt(x)",
                         "log10(x)", "atan(x) * 1e300", "exp(x) - 1"]
        var points: [Double] = []
        for k in stride(from: 1, through: 300, by: 7) { points += [1e-1 * pow(10, -Double(k)), -pow(10, -Double(k))] }
        for k in 1...15 { points += [1 - pow(10, -Double(k)), -1 + pow(10, -Double(k)), 1.5707963267948966 - pow(10, -Double(k))] }
        points += [0.5, 2, 700, -700, 1e8, 1e300]
        var verdicts: [GradientCheck.Verdict: Int] = [:]
        for function in functions {
            for x in points {
                guard let evaluation = try? evaluate(function, "x=\(x)") else { continue }
                let check = GradientCheck(evaluation.result)
                for row in check.rows {
                    verdicts[row.verdict, default: 0] += 1
                    #expect(row.verdict != .fail, "\(function) at x=\(x): reverse \(row.reverse), central \(row.central) ± \(row.centralError)")
                }
            }
        }
        // Most can be checked: the difference is not giving up everywhere.
        #expect(verdicts[.ok, default: 0] > 3 * verdicts[.uncheckable, default: 0], "\(verdicts)")
    }

    @Test func aWrongGradientFails() throws {
        for index in 0..<100 {
            let seed = SymbolicBackwardPassTests.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 3)
            let result = try evaluate(text, SymbolicBackwardPassTests.bindings(generator.point())).result
            let right = GradientCheck(result)
            #expect(right.passed, "seed \(seed): \(text)")
            // Off by 1e-4 relative (or 1e-4 absolute near 0): every such row fails.
            let wrong = result.variableGradients.map { $0 + 1e-4 * Swift.max(1, Swift.abs($0)) }
            let check = GradientCheck(result, reverse: wrong, tolerance: GradientCheck.defaultTolerance)
            for row in check.rows where right.rows.first(where: { $0.name == row.name })?.verdict == .ok {
                #expect(row.verdict == .fail, "seed \(seed): \(text): \(row.name) \(row.verdict)")
            }
        }
    }

    @Test func aNonFiniteOutputCannotBeChecked() throws {
        let check = GradientCheck(try evaluate("x*y", "x=1e300 y=1e300").result)
        #expect(check.rows.map(\.verdict) == [.uncheckable, .uncheckable])
        #expect(check.rows.map(\.reason) == [.notFinite, .notFinite])
        #expect(check.passed)
    }
}
