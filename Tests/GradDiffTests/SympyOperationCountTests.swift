import Testing
@testable import GradDiff

/// How long `graddiff diff`'s formulas are against SymPy's own derivatives, on the
/// oracle's cases (`scripts/sympy_oracle.py`): counted as SymPy's count_ops counts the
/// printed text parsed as written, the formula is at most as long as SymPy's `diff`
/// result on at least 95% of derivatives and never more than 1.5 times as long.
struct SympyOperationCountTests {
    /// count_ops of a printed program (`t1 = ...; expression`), each line parsed as
    /// written: one for each operator, function and negative number, two for a square or
    /// cube root (SymPy's u**(1/2) is a power and a fraction), none for names and
    /// non-negative numbers.
    static func operations(_ program: String) throws -> Int {
        var total = 0
        for line in program.split(separator: ";") {
            var text = String(line)
            if let equals = text.firstRange(of: " = "), text.hasPrefix(" t") || text.hasPrefix("t") {
                text = String(text[equals.upperBound...])
            }
            var builder = TapeBuilder()
            builder.mergesIdenticalNodes = false
            var parser = try Parser(source: SourceText(name: "formula", text: text), context: ParseContext(builder: builder))
            _ = try parser.parseExpression()
            let tape = parser.context.builder.tape
            for i in 0..<tape.count {
                switch tape.ops[i] {
                case .variable: break
                case .constant: total += tape.constants[Int(tape.first[i])] < 0 ? 1 : 0
                case .sqrt, .cbrt: total += 2
                default: total += 1
                }
            }
        }
        return total
    }

    @Test func theCounterCountsAsSympyDoes() throws {
        #expect(Self.calibration.count >= 50)
        for (formula, expected) in Self.calibration {
            #expect(try Self.operations(formula) == expected, "\(formula)")
        }
    }

    @Test func formulasAreNoLongerThanSympys() throws {
        var atMost = 0
        var total = 0
        for oracle in SympyOracleTests.cases {
            let program = try parseProgram(oracle.expression)
            let output = try #require(program.output)
            let formulas = try DerivativeFormulas(program, output: output, wrt: ["x", "y"], variables: nil)
            for (index, theirs) in [oracle.sympyOperationsX, oracle.sympyOperationsY].enumerated() {
                let text = formulas.program(of: index)
                let ours = try Self.operations(text)
                total += 1
                if ours <= theirs { atMost += 1 }
                #expect(Double(ours) <= 1.5 * Double(theirs),
                        "case \(oracle.id), d/d\(formulas.names[index]) of \(oracle.expression): \(ours) operations in \(text), SymPy \(theirs)")
            }
        }
        #expect(Double(atMost) >= 0.95 * Double(total), "at most SymPy's length on \(atMost) of \(total)")
    }
}
