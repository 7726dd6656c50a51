import Testing
@testable import GradDiff

/// One case from `scripts/sympy_oracle.py`: an expression in graddiff's syntax and
/// SymPy's ∂/∂x and ∂/∂y at (x, y), computed to 30 digits and rounded once.
struct SympyCase: Sendable, CustomTestStringConvertible {
    var id: String
    var expression: String
    var x: Double
    var y: Double
    var dx: Double
    var dy: Double
    /// SymPy's count_ops of its own ∂/∂x and ∂/∂y.
    var sympyOperationsX: Int
    var sympyOperationsY: Int
    var testDescription: String { "case \(id): \(expression)" }
}

/// `graddiff diff` against SymPy as an oracle: each printed, simplified derivative is
/// parsed back as a program and evaluated; it must equal SymPy's derivative within
/// 1e-9 relative (plus 1e-12 absolute for derivatives near 0). Regenerate the data with
/// `python3 scripts/sympy_oracle.py`.
struct SympyOracleTests {
    @Test(arguments: cases)
    func printedDerivativeMatchesSympy(_ oracle: SympyCase) throws {
        let program = try parseProgram(oracle.expression)
        let output = try #require(program.output)
        let formulas = try DerivativeFormulas(program, output: output, wrt: ["x", "y"], variables: nil)
        for (index, expected) in [oracle.dx, oracle.dy].enumerated() {
            let text = formulas.program(of: index)
            let reparsed = try evaluate(text, "x=\(oracle.x) y=\(oracle.y)")
            #expect(isClose(reparsed.value, expected, relative: 1e-9, absolute: 1e-12),
                    "d/d\(formulas.names[index]) printed as \(text): \(reparsed.value), SymPy \(expected)")
        }
    }
}
