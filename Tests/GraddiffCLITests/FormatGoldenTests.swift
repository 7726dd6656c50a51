import Foundation
import Testing

/// Every output format of the built binary on seed examples, against golden files in
/// Goldens/ (`<example>.<variant>`). To change one on purpose: run with
/// GRADDIFF_RECORD_GOLDENS=1 (which fails), review `git diff`, run again.
@Suite struct FormatGoldenTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var id: String
        var arguments: [String]
        var testDescription: String { id }
    }

    static let examples: [Example] = [
        Example(id: "computational-graph-g", arguments: ["(x + y) * z", "x=1", "y=3", "z=-3"]),
        Example(id: "seed-002-program", arguments: ["p = x + y; g = p * z", "x=1", "y=3", "z=-3"]),
        Example(id: "apple-orange-and-tax", arguments: [
            "apple_price = apple * apple_num; orange_price = orange * orange_num; all_price = apple_price + orange_price; price = all_price * tax",
            "apple=100", "apple_num=2", "orange=150", "orange_num=3", "tax=1.1"]),
        Example(id: "chain-rule-case2", arguments: ["x = sin(s); y = s^2; z = x * y", "s=0.7"]),
        Example(id: "cs224n-sigmoid-gate", arguments: ["1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
                                                       "w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3"]),
        Example(id: "two-weight-sigmoid-chain", arguments: [
            "X2 = W1*Xinput; Y2 = sigmoid(X2); X3 = W2*Y2; Y3 = sigmoid(X3); E = 0.5*(Y3 - Ytarget)^2",
            "W1=0.5", "W2=-0.3", "Xinput=1.5", "Ytarget=0.8"]),
        Example(id: "relu-neuron-inactive", arguments: [
            "a1 = sigmoid(u1); a2 = sigmoid(u2); a3 = sigmoid(u3); out = relu(w1*a1 + w2*a2 + w3*a3 + b2)",
            "u1=1", "u2=-2", "u3=0.5", "w1=0.4", "w2=-0.6", "w3=0.9", "b2=-1.5"]),
    ]

    /// Each variant: the options it adds and the golden's file suffix.
    static let variants: [(options: [String], suffix: String)] = [
        ([], "table.txt"),
        (["--format", "json"], "json"),
        (["--format", "csv"], "csv"),
        (["--format", "tsv"], "tsv"),
        (["--format", "markdown"], "md"),
        (["--format", "dot"], "dot"),
        (["--format", "dot", "--dot-backward"], "backward.dot"),
        (["--explain"], "explain.txt"),
        (["--explain=forward"], "explain-forward.txt"),
    ]

    @Test(arguments: examples)
    func everyFormat(_ example: Example) throws {
        for variant in Self.variants {
            let result = try GraddiffBinary.run(["--color", "never"] + variant.options + example.arguments)
            #expect(result.status == 0, "\(variant.options): exit status \(result.status): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(variant.options): \(result.stderr)")
            Golden.check(result.stdout, named: "\(example.id).\(variant.suffix)")
        }
    }
}
