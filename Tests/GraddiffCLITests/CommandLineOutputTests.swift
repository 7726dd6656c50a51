import Foundation
import Testing

/// What the command line prints when it succeeds, as users and scripts see it: the node
/// table, -q and --wrt lines, JSON by its contract (non-finite numbers as strings) and --precision.
@Suite struct CommandLineOutputTests {
    @Test func readmeExamplePrintsTheNodeTable() throws {
        let result = try GraddiffProcess.run(["(x+y)*z", "x=1", "y=3", "z=-3"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == Golden.readmeTable)
    }

    @Test func quietWithWrtPrintsTheBareGradient() throws {
        let result = try GraddiffProcess.run(["-q", "--wrt", "x", "x^2", "x=3"])
        #expect(result.status == 0)
        #expect(result.stdout == "6\n")
        let value = try GraddiffProcess.run(["-q", "x^2", "x=3"])
        #expect(value.stdout == "9\n")
    }

    @Test func wrtPrintsNameValueLines() throws {
        let result = try GraddiffProcess.run(["--wrt", "z,x", "(x+y)*z", "x=1", "y=3", "z=-3"])
        #expect(result.stdout == "z 4\nx -3\n")
        let unknown = try GraddiffProcess.run(["--wrt", "q", "(x+y)*z", "x=1", "y=3", "z=-3"])
        #expect(unknown.status == 65)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.contains("'q'"))
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try GraddiffProcess.run(
            ["--format", "json", "(apple*apple_num+orange*orange_num)*tax",
             "apple=100", "apple_num=2", "orange=150", "orange_num=3", "tax=1.1"])
        #expect(result.status == 0)
        let json = try GraddiffProcess.json(result.stdout)
        #expect(Set(json.keys) == ["value", "gradient", "nodes"])
        #expect(abs((json["value"] as! Double) - 715) < 1e-9)
        // Full round-trip precision: the orange gradient is the double 1.1*3 exactly.
        #expect(result.stdout.contains("\"orange\": 3.3000000000000003"))
        #expect(result.stdout.contains("\"tax\": 650"))
        let gradient = json["gradient"] as! [String: Double]
        #expect(gradient["apple"] == 2.2)
        #expect(gradient["orange_num"] == 165)
        let nodes = json["nodes"] as! [[String: Any]]
        #expect(nodes.count == 9)
        for (index, node) in nodes.enumerated() {
            #expect(Set(node.keys) == ["id", "op", "name", "text", "inputs", "value", "grad"])
            #expect(node["id"] as? Int == index)
            for input in node["inputs"] as! [Int] { #expect(input < index) }
        }
        #expect(nodes.last!["grad"] as? Double == 1)
        // The gradient keys keep first-appearance order.
        let keys = result.stdout.components(separatedBy: "\"gradient\": {")[1].components(separatedBy: "}")[0]
        #expect(keys.hasPrefix("\"apple\": 2.2, \"apple_num\""))
    }

    @Test func jsonWritesNonFiniteNumbersAsStrings() throws {
        let result = try GraddiffProcess.run(["--format", "json", "log(x)", "x=-1"])
        #expect(result.status == 0)
        let json = try GraddiffProcess.json(result.stdout)
        #expect(json["value"] as? String == "nan")
        #expect(result.stderr.contains("warning"))
        #expect(result.stderr.contains("log(x)"))
    }

    @Test func precisionChangesSignificantDigits() throws {
        let result = try GraddiffProcess.run(["-q", "--precision", "4", "1/(1+exp(-(w0*x0+w1*x1+w2)))",
                                              "w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3"])
        #expect(result.stdout == "0.7311\n")
    }
}
