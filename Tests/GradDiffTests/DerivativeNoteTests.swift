import Testing
@testable import GradDiff

/// `graddiff diff`'s notes: where the printed formula, evaluated at the bindings, gives
/// something else than the numeric gradient, the value's comment says what and why.
struct DerivativeNoteTests {
    /// The comment lines `# d_x = ...` of `graddiff diff text bindings`, by variable.
    static func notes(_ text: String, _ bindings: String) throws -> [String: String] {
        let evaluation = try evaluate(text, bindings)
        let formulas = try DerivativeFormulas(evaluation.program, output: evaluation.output, wrt: nil,
                                              variables: evaluation.variableValues)
        var notes: [String: String] = [:]
        for line in formulas.programReport().split(separator: "\n") where line.hasPrefix("# d_") {
            let name = line.dropFirst(4).prefix { $0 != " " }
            notes[String(name)] = String(line)
        }
        return notes
    }

    static let notFinite = "(the formula assumes every term finite, and here one is not)"
    static let underflow = "(the formula assumes no term underflows, and here one does)"
    static let logOfZero = "(log(0) is -inf, and graddiff takes a^b * log(a) as 0 at a = 0)"
    static let zeroExponent = "(a^(b - 1) is inf at a = 0, and graddiff takes b * a^(b - 1) as 0 at b = 0)"

    /// atan2's gradient divides by hypot twice; the printed y / hypot(x, y)^2 squares it,
    /// which overflows at 1e200 (0, where the gradient is 5e-201) and underflows at
    /// 1e-200 (inf for 5e199). The 0 was not noted: 5e-201 is below the 1e-12 that hides
    /// rounding where ordinary terms cancel. Values: mpmath, 300 bits, y/(x² + y²) at the
    /// exact doubles, rounded once; within 2 units in the last place.
    @Test func aFormulaWhoseTermsOverflowOrUnderflowIsNoted() throws {
        for (bindings, exact, formula, reason) in [("x=1e200 y=1e200", 5e-201, "0", Self.notFinite),
                                                   ("x=1e-200 y=1e-200", 5e+199, "inf", Self.underflow)] {
            let evaluation = try evaluate("atan2(x, y)", bindings)
            let gradient = evaluation.gradient("x") ?? .nan
            #expect(isWithin(2, ulpsOf: exact, gradient), "\(bindings): \(gradient)")
            let note = try #require(try Self.notes("atan2(x, y)", bindings)["x"])
            #expect(note == "# d_x = \(NumberFormat.shortest(gradient)); the formula gives \(formula) here \(reason)")
        }
        // atan'(x) = 1/(1 + x^2) at 2e154 (mpmath: 2.5e-309): the printed x^2 overflows.
        #expect(try Self.notes("atan(x)", "x=2e154")["x"] == "# d_x = 2.5e-309; the formula gives 0 here \(Self.notFinite)")
        // hypot's x / hypot(x, y) with hypot subnormal (mpmath: 1/√2 to the last place).
        #expect(try Self.notes("hypot(x, y)", "x=1e-320 y=1e-320")["x"]
                == "# d_x = 0.7071067811865476; the formula gives 0.7071977638015374 here \(Self.underflow)")
    }

    /// ∂(a^x)/∂x = a^x·log(a) is 0 at a = 0 by graddiff's convention (xlogy); the printed
    /// product is 0·log(0), nan, or inf·log(0). The note blamed a tie or a kink.
    @Test(arguments: [("0^x", "x=2", "nan"), ("a^x", "a=0 x=2", "nan"), ("a^x", "a=0 x=0", "-inf"),
                      ("a^x", "a=0 x=-1", "-inf")])
    func logOfZeroInAPowerIsNamed(_ text: String, _ bindings: String, _ formula: String) throws {
        let note = try #require(try Self.notes(text, bindings)["x"])
        #expect(note == "# d_x = 0; the formula gives \(formula) here \(Self.logOfZero)")
    }

    /// ∂(a^x)/∂a = x·a^(x−1) is 0 when x = 0 by graddiff's convention (powerDerivative); the
    /// printed product at a = 0 is 0·inf. The note said every term should be finite.
    @Test(arguments: [("a^x", "a=0 x=0"), ("a^(x*y)", "a=0 x=0 y=3"), ("a^x", "a=-0 x=0")])
    func infiniteLowerPowerAtAZeroExponentIsNamed(_ text: String, _ bindings: String) throws {
        let note = try #require(try Self.notes(text, bindings)["a"])
        #expect(note == "# d_a = 0; the formula gives nan here \(Self.zeroExponent)")
        // Where x is not 0 the formula's own terms are at fault, or none is.
        #expect(try Self.notes("a^x", "a=0 x=-1")["a"] == "# d_a = -inf")
        #expect(try Self.notes("a^x", "a=0 x=2")["a"] == "# d_a = 0")
    }

    /// The other reasons stay as they were, and rounding is no departure.
    @Test func tiesNonFiniteGradientsAndRoundingKeepTheirNotes() throws {
        #expect(try Self.notes("max(x, y)", "x=1 y=1")["x"] == "# d_x = 1; the formula gives 0 here (at a tie or a kink)")
        #expect(try Self.notes("0 * exp(x)", "x=1000")["x"] == "# d_x = nan; the formula gives 0 here \(Self.notFinite)")
        // The formula is -1.1e-16 / x, the gradient 0: terms of order 1/x cancelling.
        #expect(try Self.notes("log(x*1e-300) - log(x)", "x=3")["x"] == "# d_x = 0")
        // Two subnormals a unit apart (1.81084e-318 and 1.810844e-318).
        #expect(try Self.notes("sigmoid(1e200^(y*y))", "y=1e-320")["y"] == "# d_y = 1.81084e-318")
        #expect(try Self.notes("atan2(x, y)", "x=3 y=4")["x"] == "# d_x = 0.16")
    }
}
