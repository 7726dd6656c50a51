import Foundation
import Testing

/// Vectors and matrices through the built binary: the lecture notes' examples, the
/// errors (status 65 with both shapes and carets), bindings from files, batch, diff,
/// --check, --jacobian, and minimize training matrices (XOR as docs/xor.gd does, a
/// softmax classifier on docs/classes.csv), each checked with numbers computed here.
@Suite struct TensorCommandTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs")

    static let cs224n = """
        W = [[0.5, -0.3], [0.8, 0.2], [-0.6, 0.4]]; x = [1, 2]; b = [0.1, -0.2, 0.3]; U = [0.7, -0.5, 0.9]
        z = W @ x + b; a = sigmoid(z); s = Uᵀ @ a
        """

    @Test func cs224nGradientThroughTheCommand() throws {
        let result = try GraddiffProcess.run(["--format", "json", Self.cs224n])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try GraddiffProcess.json(result.stdout)
        let gradient = try #require(json["gradient"] as? [String: Any])
        let w = [[0.5, -0.3], [0.8, 0.2], [-0.6, 0.4]], x = [1.0, 2], b = [0.1, -0.2, 0.3], u = [0.7, -0.5, 0.9]
        let a = (0..<3).map { 1 / (1 + exp(-(w[$0][0] * x[0] + w[$0][1] * x[1] + b[$0]))) }
        let delta = (0..<3).map { u[$0] * a[$0] * (1 - a[$0]) }
        let dW = try #require(gradient["W"] as? [[Double]])
        for i in 0..<3 {
            for j in 0..<2 { #expect(abs(dW[i][j] - delta[i] * x[j]) < 1e-14) }
        }
        let explained = try GraddiffProcess.run(["--explain", Self.cs224n])
        #expect(explained.stdout.contains("\n  W ← δz · xᵀ = [[") && explained.stdout.contains("\n  z ← δa ∘ a ∘ sigmoid(-z) = ["))
    }

    @Test(arguments: [
        ("W @ x", ["W=[[1, 2, 3], [4, 5, 6]]", "x=[1, 2]"], "error: W is 2×3 but x has 2 elements: W @ x needs 3", " ^   ^"),
        ("[[1, 2], [3]]", [], "error: row 2 has 1 element but row 1 has 2", "  ^~~~~~  ^~~"),
        ("v = [1, 2]; v[3]", [], "error: index 3 is out of range: v has 2 elements", "             ^ ^"),
        ("sum(randn(2.5))", [], "error: the size 2.5 of randn is not a whole number", "           ^~~"),
        ("a + b", ["a=[1, 2]", "b=[1, 2, 3]"], "error: a has 2 elements but b has 3 elements: elementwise + needs equal shapes", " ^   ^"),
    ])
    func shapeErrorsExit65WithCarets(_ example: (String, [String], String, String)) throws {
        let result = try GraddiffProcess.run([example.0] + example.1)
        #expect(result.status == 65)
        #expect(result.stderr.contains(example.2), "\(result.stderr)")
        #expect(result.stderr.contains("   |" + example.3 + "\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// -q prints plain numbers one per line, for bc: a matrix's gradient was one nested line.
    @Test func quietGradientsOfAMatrixAreOneNumberPerLine() throws {
        let result = try GraddiffProcess.run(["-q", "--wrt", "W", "W = [[1,2],[3,4]]; s = sum(tanh(W @ [1,-1]))"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == String(repeating: "0.41997434161402614\n-0.41997434161402614\n", count: 2), "\(result.stdout)")
    }

    @Test func aVectorOutputOffersTheJacobian() throws {
        let refused = try GraddiffProcess.run(["W @ x", "W=[[1, 2], [3, 4]]", "x=[5, 6]"])
        #expect(refused.status == 65 && refused.stderr.contains("has no single gradient") && refused.stderr.contains("--jacobian"))
        let result = try GraddiffProcess.run(["--jacobian", "y = W @ x", "W=[[1, 2], [3, 4]]", "x=[5, 6]"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
                  W[1,1]  W[1,2]  W[2,1]  W[2,2]  x[1]  x[2]
            y[1]       5       6       0       0     1     2
            y[2]       0       0       5       6     3     4

            """)
    }

    /// A temporary directory holding `w.csv` with `text`: the directory (to remove) and the file.
    static func tableFile(_ text: String) throws -> (URL, URL) {
        let directory = try GraddiffProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("w.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (directory, file)
    }

    @Test func bindingsFromFilesAndTheirErrors() throws {
        let (directory, file) = try Self.tableFile("1, 2\n3\t4\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try GraddiffProcess.run(["-q", "--wrt", "W", "sum(W @ [1, 1])", "W=@\(file.path)"])
        #expect(result.status == 0 && result.stdout == "1\n1\n1\n1\n", "\(result.stderr)")
        let missing = try GraddiffProcess.run(["sum(W)", "W=@\(directory.path)/missing.csv"])
        #expect(missing.status == 66)
        try "1, 2\n3\n".write(to: file, atomically: true, encoding: .utf8)
        let ragged = try GraddiffProcess.run(["sum(W)", "W=@\(file.path)"])
        #expect(ragged.status == 65 && ragged.stderr.contains("row 2 has 1 number but row 1 has 2"), "\(ragged.stderr)")
    }

    /// A session's first inputs take W=@FILE as any command line does (the session read
    /// it as a statement: "expected an expression, found '@'").
    @Test func aSessionTakesATableBinding() throws {
        let (directory, file) = try Self.tableFile("1,2\n3,4\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try GraddiffProcess.run(["-i", "W=@\(file.path)"], input: "sum(W*W)\n")
        #expect(result.status == 0 && result.stdout.contains("[[2, 4], [6, 8]]"), "\(result.stderr)")
    }

    /// A refused binding leaves its name a free scalar: what the program then says of
    /// that name ("W is a scalar") only follows from the refusal and is not reported,
    /// while problems elsewhere still are.
    @Test func aRefusedBindingBringsNoFollowOnErrors() throws {
        let (directory, file) = try Self.tableFile("1,2\n3,x\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = try GraddiffProcess.run(["sum(W)", "W=@\(file.path)"])
        #expect(table.status == 65 && table.stderr.contains("'x' in row 2, column 2 is not a number"), "\(table.stderr)")
        #expect(!table.stderr.contains("is a scalar"), "\(table.stderr)")
        let literal = try GraddiffProcess.run(["sum(W) * 2", "W=[1, 2"])
        #expect(literal.status == 65 && literal.stderr.contains("expected ']'") && !literal.stderr.contains("is a scalar"), "\(literal.stderr)")
        // A longer name that starts with the refused one is another name.
        let other = try GraddiffProcess.run(["sum(WW) + sum(v)", "W=[1, 2", "WW=[1, 2]"])
        #expect(other.status == 65 && other.stderr.contains("expected ']'") && other.stderr.contains("v is a scalar"), "\(other.stderr)")
    }

    @Test func batchHoldsTensorBindingsForEveryRow() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "sum(W @ [x, y])", "W=[[1, 2], [3, 4]]"], input: "x,y\n1,2\n3,4\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "x,y,value,\"d_W[1,1]\",\"d_W[1,2]\",\"d_W[2,1]\",\"d_W[2,2]\",d_x,d_y\n1,2,16,1,2,1,2,4,6\n3,4,36,3,4,3,4,4,6\n")
    }

    @Test func diffHessianAndCheckWorkElementByElement() throws {
        let diff = try GraddiffProcess.run(["diff", "--wrt", "W", "sum(W @ x)", "W=[[1, 2], [3, 4]]", "x=[5, 6]"])
        #expect(diff.status == 0 && diff.stdout.contains("d_W[1,2] = x[2]\n") && diff.stdout.contains("# d_W[2,1] = 5\n"), "\(diff.stdout)\(diff.stderr)")
        let check = try GraddiffProcess.run(["--check", "softmax(z)[1] + norm(z)", "z=[1, 2, 3]"])
        #expect(check.status == 0 && check.stdout.contains("z[3] ") && !check.stdout.contains("FAIL"), "\(check.stdout)")
        let hessian = try GraddiffProcess.run(["--hessian", "--wrt", "x", "0.5 * sum(x^2)", "x=[1, 2]"])
        #expect(hessian.stdout == "      x[1]  x[2]\nx[1]     1     0\nx[2]     0     1\n", "\(hessian.stdout)\(hessian.stderr)")
    }

    @Test func theMatrixXorTrainsToTheSameLoss() throws {
        let xor = Self.docs.appendingPathComponent("xor.gd").path
        let matrices = Self.docs.appendingPathComponent("xor-matrices.gd").path
        let data = Self.docs.appendingPathComponent("xor.csv").path
        let options = ["--data", data, "--optimizer", "adam", "--lr", "0.1", "--epochs", "500", "--seed", "1", "-q"]
        let scalar = try GraddiffProcess.run(["minimize", "-f", xor] + options)
        let tensor = try GraddiffProcess.run(["minimize", "-f", matrices] + options)
        #expect(scalar.status == 0 && tensor.status == 0, "\(tensor.stderr)")
        let loss = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("# loss ") } }
        #expect(loss(scalar.stdout) != nil && loss(scalar.stdout) == loss(tensor.stdout), "\(scalar.stdout)\n\(tensor.stdout)")
        #expect(tensor.stdout.contains("'W1=[[") && tensor.stdout.contains(" b2="))
    }

    /// docs/classes.csv as scripts/make-classes.py makes it.
    static func classes() -> [[Double]] {
        let means = [[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]], spread = [0.35, 0.3, 0.45, 0.2]
        var state: UInt64 = 1
        func uniform() -> Double {
            state = (state &* 1_103_515_245 &+ 12_345) % (1 << 31)
            return Double(state) / Double(1 << 31)
        }
        return (0..<150).map { k in
            let features = (0..<4).map { f in
                let noise = (uniform() + uniform() + uniform() - 1.5) * 2 * spread[f]
                return ((means[k % 3][f] + noise) * 100).rounded() / 100
            }
            return features + (0..<3).map { $0 == k % 3 ? 1 : 0 }
        }
    }

    @Test func aSoftmaxClassifierLearnsTheClasses() throws {
        let shipped = try String(contentsOf: Self.docs.appendingPathComponent("classes.csv"), encoding: .utf8)
        let rows = shipped.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(rows.count == 150 && zip(rows, Self.classes()).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) < 1e-9 } },
                "docs/classes.csv is not what scripts/make-classes.py makes")
        let result = try GraddiffProcess.run(["minimize", "-f", Self.docs.appendingPathComponent("classifier.gd").path,
                                              "--data", Self.docs.appendingPathComponent("classes.csv").path, "--optimizer", "adam",
                                              "--lr", "0.05", "--epochs", "100", "--batch-size", "10", "--seed", "1", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { !$0.hasPrefix("#") })
        var parameters: [String: Any] = [:]
        for binding in line.split(separator: " ") {
            let text = binding.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            parameters[parts[0]] = try JSONSerialization.jsonObject(with: Data(parts[1].utf8), options: .fragmentsAllowed)
        }
        let w1 = try #require(parameters["W1"] as? [[Double]]), b1 = try #require(parameters["b1"] as? [Double])
        let w2 = try #require(parameters["W2"] as? [[Double]]), b2 = try #require(parameters["b2"] as? [Double])
        let centre = [5.8, 3.1, 3.8, 1.2]
        var correct = 0
        for row in rows {
            let h = (0..<16).map { i in tanh((0..<4).reduce(b1[i]) { $0 + w1[i][$1] * (row[$1] - centre[$1]) }) }
            let z = (0..<3).map { c in (0..<16).reduce(b2[c]) { $0 + w2[c][$1] * h[$1] } }
            if z.indices.max(by: { z[$0] < z[$1] }) == row[4...].firstIndex(of: 1).map({ $0 - 4 }) { correct += 1 }
        }
        #expect(Double(correct) / 150 >= 0.95, "training accuracy \(correct)/150")
    }

    @Test func historyColumnsOfElementsAreQuoted() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history.csv")
        let result = try GraddiffProcess.run(["minimize", "sum((W @ [1, 2] - [3, 4])^2)", "W=[[0, 0], [0, 0]]", "--steps", "3",
                                              "-q", "--history", history.path])
        #expect(result.status == 0, "\(result.stderr)")
        let header = try String(contentsOf: history, encoding: .utf8).split(separator: "\n").first
        #expect(header == "step,loss,gradient_norm,\"W[1,1]\",\"W[1,2]\",\"W[2,1]\",\"W[2,2]\"")
    }

    @Test func theGraphIsValidGraphviz() throws {
        let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        guard SkipNote.runs("the tensor graph's Graphviz check", unless: dot == nil ? "Graphviz's dot is not installed" : nil),
              let dot else { return }
        let graph = try GraddiffProcess.run(["--format", "dot", "--dot-backward", Self.cs224n])
        #expect(graph.status == 0 && graph.stdout.contains("label=\"W ← δt"), "\(graph.stdout)")
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("graph.dot")
        try graph.stdout.write(to: file, atomically: true, encoding: .utf8)
        let rendered = try GraddiffProcess.runExecutable(dot, ["-Tsvg", file.path])
        #expect(rendered.status == 0 && rendered.stderr.isEmpty, "\(rendered.stderr)")
    }
}
