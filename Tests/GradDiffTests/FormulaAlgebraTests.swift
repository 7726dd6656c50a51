import Testing
@testable import GradDiff

/// The rule table read as text: every op's partials as formulas in `a`, `b` and `out`,
/// the folding identities, minimal parentheses, and — the point of reading one table
/// twice — each formula, parsed back by graddiff, evaluates to the numeric partial.
struct FormulaAlgebraTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var op: Op
        var first: String
        var second: String
        var testDescription: String { op.name }
    }

    /// ∂out/∂a and ∂out/∂b of every op with inputs, as `--explain` prints them.
    static let rows: [Row] = [
        Row(op: .add, first: "1", second: "1"),
        Row(op: .subtract, first: "1", second: "-1"),
        Row(op: .multiply, first: "b", second: "a"),
        Row(op: .divide, first: "1 / b", second: "-(out / b)"),
        Row(op: .power, first: "b * a^(b - 1)", second: "xlogy(out, a)"),
        Row(op: .negate, first: "-1", second: "0"),
        Row(op: .sin, first: "cos(a)", second: "0"),
        Row(op: .cos, first: "-sin(a)", second: "0"),
        Row(op: .tan, first: "1 + out^2", second: "0"),
        Row(op: .asin, first: "1 / sqrt((1 - a) * (1 + a))", second: "0"),
        Row(op: .acos, first: "-(1 / sqrt((1 - a) * (1 + a)))", second: "0"),
        Row(op: .atan, first: "1 / (1 + a^2)", second: "0"),
        Row(op: .sinh, first: "cosh(a)", second: "0"),
        Row(op: .cosh, first: "sinh(a)", second: "0"),
        Row(op: .tanh, first: "1 / cosh(a) / cosh(a)", second: "0"),
        Row(op: .exp, first: "out", second: "0"),
        Row(op: .log, first: "1 / a", second: "0"),
        Row(op: .log2, first: "1 / (a * log(2))", second: "0"),
        Row(op: .log10, first: "1 / (a * log(10))", second: "0"),
        Row(op: .sqrt, first: "0.5 / out", second: "0"),
        Row(op: .cbrt, first: "1 / (3 * out^2)", second: "0"),
        Row(op: .abs, first: "sign(a)", second: "0"),
        Row(op: .relu, first: "[a > 0]", second: "0"),
        Row(op: .sigmoid, first: "out * sigmoid(-a)", second: "0"),
        Row(op: .softplus, first: "sigmoid(a)", second: "0"),
        Row(op: .min, first: "[a ≤ b]", second: "1 - [a ≤ b]"),
        Row(op: .max, first: "[b ≤ a]", second: "1 - [b ≤ a]"),
        Row(op: .atan2, first: "b / hypot(a, b) / hypot(a, b)", second: "-(a / hypot(a, b) / hypot(a, b))"),
        Row(op: .hypot, first: "a / hypot(a, b)", second: "b / hypot(b, a)"),
        Row(op: .sign, first: "0", second: "0"),
        Row(op: .step, first: "0", second: "0"),
        Row(op: .lessOrEqual, first: "0", second: "0"),
        Row(op: .xlogy, first: "log(b)", second: "a / b"),
        Row(op: .multiplyOrZero, first: "b", second: "a"),
        Row(op: .sechSquared, first: "-2 * out * tanh(a)", second: "0"),
        Row(op: .powerDerivative, first: "b * ((b - 1) * a^(b - 1 - 1))", second: "a^(b - 1) + xlogy(out, a)"),
        Row(op: .logsumexpShift, first: "0", second: "0"),
        Row(op: .expDifference, first: "out", second: "-out"),
        Row(op: .logsumexpRest, first: "0", second: "0"),
        Row(op: .logsumexpLog, first: "1 / a", second: "0"),
        Row(op: .atanDerivative, first: "-2 * out * a / (1 + a^2)", second: "0"),
        Row(op: .hypotQuotient, first: "(b / hypot(b, a))^2 / hypot(a, b)",
            second: "-(out * (b / hypot(b, a)) / hypot(a, b))"),
        Row(op: .atanDerivativeProduct, first: "b / (1 + b^2)", second: "a / (1 + b^2) - 2 * out * (b / (1 + b^2))"),
    ]

    static func formulas(_ op: Op) -> (FormulaAlgebra.Term, FormulaAlgebra.Term) {
        let k = FormulaAlgebra()
        return op.partials(k.symbol("a"), k.symbol("b"), output: k.symbol("out"), in: k)
    }

    @Test("every op with inputs has a row", arguments: OpRuleTests.opsWithInputs)
    func everyOpHasARow(_ op: Op) {
        #expect(Self.rows.contains { $0.op == op }, "add a FormulaAlgebraTests row for \(op.name)")
    }

    @Test("partials as formulas", arguments: rows)
    func partialFormulas(_ row: Row) {
        let (first, second) = Self.formulas(row.op)
        #expect(first.text == row.first)
        #expect(row.op.arity == 1 || second.text == row.second)
    }

    /// Each formula without internal ops, parsed as a graddiff expression in a, b and out
    /// and evaluated on the op's test domain, equals the numeric partial to 1e-12.
    @Test("formulas evaluate to the numeric partials", arguments: OpRuleTests.opsWithInputs)
    func formulasEvaluateToPartials(_ op: Op) throws {
        let (first, second) = Self.formulas(op)
        for (a, b) in OpRuleTests.domain(op) {
            let out = op.value(a, b)
            let numbers = op.partials(a, b, output: out, in: NumericAlgebra())
            let pairs = op.arity == 1 ? [(first, numbers.0)] : [(first, numbers.0), (second, numbers.1)]
            for (formula, expected) in pairs where formula.internalOps.isEmpty {
                let bindings = "a=\(a) b=\(b) out=\(NumberFormat.shortest(out))"
                let actual = try evaluate(formula.text, bindings).value
                #expect(isClose(actual, expected, relative: 1e-12, absolute: 1e-300),
                        "\(op.name): \(formula.text) at \(bindings) is \(actual), the rule says \(expected)")
            }
        }
    }

    @Test func internalOpsAreNamedAndExplained() {
        #expect(Self.formulas(.power).1.internalOps == [.xlogy])
        #expect(Self.formulas(.max).1.internalOps == [.lessOrEqual])
        #expect(Self.formulas(.relu).0.internalOps == [.step])
        #expect(Self.formulas(.sin).0.internalOps.isEmpty)
        #expect(FormulaAlgebra.meanings(of: [.xlogy, .step]) ==
                ["[a > 0] is 1 if a > 0, else 0", "xlogy(a, b) = a * log(b), and 0 when a or b is 0"])
    }

    struct Folding: Sendable, CustomTestStringConvertible {
        var id: String
        var build: @Sendable (FormulaAlgebra) -> FormulaAlgebra.Term
        var expected: String
        var testDescription: String { id }
    }

    static let foldings: [Folding] = [
        Folding(id: "1·x = x", build: { $0.multiply($0.one, $0.symbol("x")) }, expected: "x"),
        Folding(id: "x·1 = x", build: { $0.multiply($0.symbol("x"), $0.one) }, expected: "x"),
        Folding(id: "0·x = 0", build: { $0.multiply($0.zero, $0.symbol("x")) }, expected: "0"),
        Folding(id: "-1·x = -x", build: { $0.multiply($0.constant(-1), $0.symbol("x")) }, expected: "-x"),
        Folding(id: "x + 0 = x", build: { $0.add($0.symbol("x"), $0.zero) }, expected: "x"),
        Folding(id: "0 + x = x", build: { $0.add($0.zero, $0.symbol("x")) }, expected: "x"),
        Folding(id: "x - 0 = x", build: { $0.subtract($0.symbol("x"), $0.zero) }, expected: "x"),
        Folding(id: "0 - x = -x", build: { $0.subtract($0.zero, $0.symbol("x")) }, expected: "-x"),
        Folding(id: "x / 1 = x", build: { $0.divide($0.symbol("x"), $0.one) }, expected: "x"),
        Folding(id: "x^1 = x", build: { $0.power($0.symbol("x"), $0.one) }, expected: "x"),
        Folding(id: "x^0 = 1", build: { $0.power($0.symbol("x"), $0.zero) }, expected: "1"),
        Folding(id: "-(-x) = x", build: { $0.negate($0.negate($0.symbol("x"))) }, expected: "x"),
        Folding(id: "x·x = x^2", build: { $0.square($0.symbol("x")) }, expected: "x^2"),
        Folding(id: "2 - 1 = 1", build: { $0.subtract($0.constant(2), $0.one) }, expected: "1"),
        Folding(id: "0.5 - 1 = -0.5", build: { $0.subtract($0.constant(0.5), $0.one) }, expected: "-0.5"),
        Folding(id: "1/3 stays", build: { $0.divide($0.one, $0.constant(3)) }, expected: "1 / 3"),
        Folding(id: "0.1 + 0.2 stays", build: { $0.add($0.constant(0.1), $0.constant(0.2)) }, expected: "0.1 + 0.2"),
        Folding(id: "pi keeps its name", build: { $0.multiply($0.constant(2), $0.constant(.pi)) }, expected: "2 * pi"),
        Folding(id: "x^(2 - 1) = x", build: { $0.power($0.symbol("x"), $0.subtract($0.constant(2), $0.one)) }, expected: "x"),
    ]

    @Test("folding identities", arguments: foldings)
    func folding(_ folding: Folding) {
        #expect(folding.build(FormulaAlgebra()).text == folding.expected)
    }

    @Test func minimalParentheses() {
        let k = FormulaAlgebra()
        let (a, b, c) = (k.symbol("a"), k.symbol("b"), k.symbol("c"))
        #expect(k.subtract(a, k.subtract(b, c)).text == "a - (b - c)")
        #expect(k.subtract(k.subtract(a, b), c).text == "a - b - c")
        #expect(k.multiply(k.add(a, b), c).text == "(a + b) * c")
        #expect(k.power(a, k.power(b, c)).text == "a^b^c")
        #expect(k.power(k.power(a, b), c).text == "(a^b)^c")
        #expect(k.negate(k.power(a, b)).text == "-a^b")
        #expect(k.power(k.negate(a), b).text == "(-a)^b")
        #expect(k.divide(a, k.multiply(b, c)).text == "a / (b * c)")
        #expect(k.multiply(a, k.constant(-2)).text == "a * (-2)")
    }

    /// Without simplifying, terms print exactly as built: a node re-printed as written.
    @Test func plainAlgebraOnlyPrints() {
        let k = FormulaAlgebra(simplifying: false)
        #expect(k.multiply(k.symbol("x"), k.number("1")).text == "x * 1")
        #expect(k.multiply(k.symbol("x"), k.symbol("x")).text == "x * x")
        #expect(k.multiply(k.number("4"), k.number("-3")).text == "4 * (-3)")
        #expect(k.add(k.number("0"), k.symbol("x")).text == "0 + x")
        #expect(k.apply(.sin, k.number("0.7")).text == "sin(0.7)")
    }
}
