import Foundation
import Testing

/// `graddiff diff` prints derivatives as a textbook would, and its values are the numeric
/// gradient: through the built binary.
@Suite struct DiffTextbookTests {
    @Test(arguments: [
        (["--order", "2", "x^3"], "d2_x = 6 * x"),
        (["1/x"], "d_x = -1 / x^2"),
        (["2*x^2 + 3*x^2"], "d_x = 10 * x"),
        (["max(x, y)"], "d_x = step(x - y)\nd_y = step(y - x)"),
        (["--wrt", "y", "x*y"], "d_y = x"),
        (["sqrt(1 + x^2)"], "d_x = x / sqrt(1 + x^2)"),
    ])
    func textbookFormulas(_ arguments: [String], _ expected: String) throws {
        let result = try GraddiffProcess.run(["diff"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let formulas = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(formulas == expected, "\(result.stdout)")
    }

    @Test func aTieIsStated() throws {
        let result = try GraddiffProcess.run(["diff", "max(x, y)", "x=1", "y=1"])
        #expect(result.stdout.contains("# d_x = 1; the formula gives 0 here (at a tie or a kink)"), "\(result.stdout)")
        #expect(result.stdout.contains("# step(a - b) from min or max is 0 at a tie"))
        let away = try GraddiffProcess.run(["diff", "max(x, y)", "x=2", "y=1"])
        #expect(!away.stdout.contains("the formula gives"))
    }

    /// atan2's printed y / hypot(x, y)^2 overflows at 1e200, where the gradient is 5e-201
    /// (no note was given); 0^x's is 0 * log(0), which graddiff takes as 0 (the note
    /// blamed a tie or a kink).
    @Test func anOverflowAndLogOfZeroAreStated() throws {
        let atan2 = try GraddiffProcess.run(["diff", "atan2(x, y)", "x=1e200", "y=1e200"])
        #expect(atan2.stdout.contains(
            "# d_x = 5e-201; the formula gives 0 here (the formula assumes every term finite, and here one is not)"),
            "\(atan2.stdout)")
        let power = try GraddiffProcess.run(["diff", "0^x", "x=2"])
        #expect(power.stdout.contains(
            "# d_x = 0; the formula gives nan here (log(0) is -inf, and graddiff takes a^b * log(a) as 0 at a = 0)"),
            "\(power.stdout)")
    }

    /// A gradient as a double from graddiff's JSON (a number, or "nan", "inf", "-inf").
    static func number(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        return (value as? String).flatMap(Double.init)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Issue 14's three cases and random ones past every domain: each value `diff` prints
    /// is the numeric gradient `graddiff --format json` prints, nan and inf included.
    @Test func valuesEqualTheNumericGradient() throws {
        var cases = [("step(relu(sinh(atan(x^0.5))))", ["x=-0.7446"]), ("(x+2)/step(x)", ["x=-0.33"]),
                     ("x - y^step(x)", ["x=1.57", "y=-0.13"])]
        var random = UInt64(0x5EED_D1FF)
        func below(_ count: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int((random >> 33) % UInt64(count))
        }
        let shapes = ["step(A) * B", "A / step(B)", "A^B", "relu(A) + log(B)", "max(A, B) * sqrt(A)", "(A - B)^0.5",
                      "abs(A) / B", "A * 0 + B", "min(A, B) - sign(A)"]
        let leaves = ["x", "y", "x * y", "x - y", "exp(x)", "1 / y", "-x"]
        let values = ["-0.7446", "0", "1.57", "-0.13", "2", "1e300", "-1e-320"]
        for _ in 0..<30 {
            let text = shapes[below(shapes.count)].replacingOccurrences(of: "A", with: "(\(leaves[below(leaves.count)]))")
                .replacingOccurrences(of: "B", with: "(\(leaves[below(leaves.count)]))")
            cases.append((text, ["x=\(values[below(values.count)])", "y=\(values[below(values.count)])"]))
        }
        var nonFinite = 0
        for (text, bindings) in cases {
            let numeric = try GraddiffProcess.run(["--format", "json", text] + bindings)
            let printed = try GraddiffProcess.run(["diff", "--format", "json", text] + bindings)
            #expect(printed.status == 0, "\(text): \(printed.stderr)")
            let gradient = try #require(try Self.json(numeric.stdout)["gradient"] as? [String: Any])
            let derivatives = try Self.json(printed.stdout)
            for (name, value) in gradient {
                let expected = try #require(Self.number(value))
                let entry = try #require(derivatives[name] as? [String: Any], "\(text): no \(name) in \(printed.stdout)")
                let actual = try #require(Self.number(entry["value"]))
                if !expected.isFinite { nonFinite += 1 }
                #expect(actual == expected || actual.isNaN && expected.isNaN,
                        "\(text) at \(bindings): diff prints d/d\(name) = \(actual), the numeric gradient is \(expected)")
            }
        }
        #expect(nonFinite >= 5, "only \(nonFinite) non-finite gradients: the cases no longer test nan and inf")
    }
}
