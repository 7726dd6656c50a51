import Foundation
import Testing

/// At a kink every view of the backward pass shows the number the pass sends: the
/// table's gradients, JSON, the `--explain` narration and the DOT gradient edges, for
/// every `--kink` convention and every op with a kink. Expected partials are written
/// out here from the one-sided derivatives, not read from graddiff.
@Suite struct KinkAgreementTests {
    struct Case: CustomStringConvertible, Sendable {
        var expression: String
        var bindings: [String]
        /// ∂op/∂x and ∂op/∂y (nil for one-input ops) under zero, left, right, mean.
        var partials: [String: (Double, Double?)]
        var description: String { expression }
    }

    static let cases: [Case] = [
        Case(expression: "3*abs(x)", bindings: ["x=0"],
             partials: ["zero": (0, nil), "left": (-1, nil), "right": (1, nil), "mean": (0, nil)]),
        Case(expression: "3*relu(x)", bindings: ["x=0"],
             partials: ["zero": (0, nil), "left": (0, nil), "right": (1, nil), "mean": (0.5, nil)]),
        Case(expression: "3*min(x, y)", bindings: ["x=1", "y=1"],
             partials: ["zero": (1, 0), "left": (1, 1), "right": (0, 0), "mean": (0.5, 0.5)]),
        Case(expression: "3*max(x, y)", bindings: ["x=1", "y=1"],
             partials: ["zero": (1, 0), "left": (0, 0), "right": (1, 1), "mean": (0.5, 0.5)]),
    ]

    @Test(arguments: cases, ["zero", "left", "right", "mean"])
    func everyViewShowsTheSentValue(_ kinkCase: Case, _ convention: String) throws {
        let expected = try #require(kinkCase.partials[convention])
        var wanted = ["x": 3 * expected.0]
        if let second = expected.1 { wanted["y"] = 3 * second }
        let common = ["--kink", convention, kinkCase.expression] + kinkCase.bindings

        // JSON's gradient object.
        let json = try GraddiffBinary.run(["--format", "json"] + common)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let gradient = try #require(object["gradient"] as? [String: Double])
        #expect(gradient == wanted, "JSON with --kink \(convention)")

        // The table's gradient column, on each input's row.
        let table = try GraddiffBinary.run(common)
        for (name, value) in wanted {
            let row = table.stdout.split(separator: "\n").first { $0.hasPrefix("\(name) ") }
            #expect(row.flatMap { $0.split(separator: " ").last }.flatMap { Double(String($0)) } == value,
                    "table row of \(name) with --kink \(convention): \(table.stdout)")
        }

        // --explain: the line sending to each input ends `= upstream · partial = product`.
        let explain = try GraddiffBinary.run(["--explain"] + common)
        let narration = explain.stdout.replacingOccurrences(of: "\n        = ", with: " = ")
        for (name, value) in wanted {
            let line = try #require(narration.split(separator: "\n").first { $0.hasPrefix("  \(name) ← ") },
                                    "no send line for \(name): \(explain.stdout)")
            let pieces = line.components(separatedBy: " = ")
            #expect(Double(pieces[pieces.count - 1]) == value, "explain product for \(name): \(line)")
            let partial = pieces[pieces.count - 2].components(separatedBy: " · ").last!
                .trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            #expect(Double(partial).map { 3 * $0 } == value, "explain partial for \(name): \(line)")
            if convention != "zero" {
                #expect(line.contains("(--kink \(convention))"), "explain names the convention: \(line)")
            }
        }

        // DOT: the dashed edge into each input is labelled ∂node/∂input = … = partial.
        let dot = try GraddiffBinary.run(["--format", "dot", "--dot-backward"] + common)
        for (name, value) in wanted {
            let label = try #require(dot.stdout.split(separator: "\n").first { $0.contains("/∂\(name) = ") },
                                     "no gradient edge into \(name): \(dot.stdout)")
            let text = String(label.split(separator: "\"")[1])
            let last = text.components(separatedBy: " = ").last!
            #expect(Double(last).map { 3 * $0 } == value, "DOT edge into \(name): \(text)")
        }
    }
}
