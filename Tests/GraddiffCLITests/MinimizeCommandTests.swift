import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `graddiff minimize` through the built binary: the summary, the files it writes, its
/// exit statuses, Ctrl-C, and the man page's coverage of its options.
@Suite struct MinimizeCommandTests {
    static let xorProgram = """
        # A 2-2-1 network with sigmoid units; a, b are the inputs, t the target.
        w11 = 0.5;  w12 = -0.4; b1 = 0.1
        w21 = -0.3; w22 = 0.6;  b2 = -0.2
        v1 = 0.7;   v2 = -0.5;  c = 0.05
        h1 = sigmoid(w11*a + w12*b + b1)
        h2 = sigmoid(w21*a + w22*b + b2)
        y = sigmoid(v1*h1 + v2*h2 + c)
        loss = (y - t)^2
        """

    /// The bindings line of the summary, as name → value.
    func parameters(_ stdout: String) -> [String: Double] {
        let line = stdout.split(separator: "\n").first { !$0.hasPrefix("#") } ?? ""
        var result: [String: Double] = [:]
        for binding in line.split(separator: " ") {
            let parts = binding.split(separator: "=")
            result[String(parts[0])] = Double(parts[1])
        }
        return result
    }

    @Test func minimizesAnExpressionAndPrintsBindings() throws {
        let result = try GraddiffProcess.run(["minimize", "(x-3)^2 + (y+1)^2", "x=0", "y=0", "--lr", "0.1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# converged after "))
        let values = parameters(result.stdout)
        #expect(abs(values["x"]! - 3) < 1e-6 && abs(values["y"]! + 1) < 1e-6)
        #expect(result.stdout.contains("# gradient d_x="))
        // Piped stderr: plain lines every --log-every steps, no carriage returns.
        #expect(result.stderr.hasPrefix("step 0/1000 loss 10 gradient_norm"))
        #expect(!result.stderr.contains("\r"))
    }

    /// A later version of an input (c#2) trains, but no binding sets it: it is printed on
    /// a comment line, and the bindings line pastes back (c=2 c#2=2.024 was refused).
    @Test func aLaterVersionIsPrintedApartFromTheBindings() throws {
        let result = try GraddiffProcess.run(["minimize", "-q", "c=2; c=3; (c-1)^2", "--steps", "3", "--lr", "0.1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let bindings = try #require(lines.first { !$0.hasPrefix("#") })
        #expect(bindings.hasPrefix("c=") && !bindings.contains("#"), "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("# c#2=") && $0.hasSuffix("(later versions of inputs, which no binding sets: write them in the program)") },
                "\(result.stdout)")
        let pasted = try GraddiffProcess.run(["-q", "c=2; c=3; (c-1)^2"] + bindings.split(separator: " ").map(String.init))
        #expect(pasted.status == 0, "\(pasted.stderr)")
    }

    /// Training some elements of a matrix prints the whole matrix, the others at their
    /// values: `W[1,2]=…` is no binding graddiff takes, and the line must paste back.
    @Test func someElementsOfAMatrixPrintTheWholeMatrix() throws {
        let result = try GraddiffProcess.run(["minimize", "(sum(W*[[1, 2], [3, 4]]) - 10)^2 + (a - 1)^2", "W=[[0.5, 0], [0, 0.5]]",
                                              "a=0", "--over", "W[1,2],a", "--lr", "0.01", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let bindings = lines.first { !$0.hasPrefix("#") } ?? ""
        #expect(bindings.hasPrefix("'W=[[0.5,") && bindings.contains("],[0,0.5]]' a="), "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("# gradient d_W[1,2]=") && $0.contains(" d_a=") }, "\(result.stdout)")
        // Pasted back (the shell's quotes taken off), the line binds the trained values.
        let pasted = bindings.split(separator: " ").map { String($0).replacingOccurrences(of: "'", with: "") }
        let check = try GraddiffProcess.run(["-q", "(sum(W*[[1, 2], [3, 4]]) - 10)^2 + (a - 1)^2"] + pasted)
        #expect(check.status == 0, "\(check.stderr)")
        #expect((Double(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")[0]) ?? 1) < 1e-6, "\(check.stdout)")
        // An element the data sets row by row is printed as given, not as the last row left it.
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("v.csv")
        try "\"v[1]\",y\n3,6\n2,4\n1,2\n".write(to: data, atomically: true, encoding: .utf8)
        let rows = try GraddiffProcess.run(["minimize", "-f", "-", "--data", data.path, "--over", "v[2]", "--lr", "0.02", "--steps", "300", "-q"],
                                           input: "v = [0, 0]\n(v[1]*v[2] - y)^2\n")
        #expect(rows.status == 0 && rows.stdout.contains("\n'v=[0,1.99999"), "\(rows.stdout)\(rows.stderr)")
    }

    @Test func minimizeAloneIsStillAnExpression() throws {
        let result = try GraddiffProcess.run(["-q", "minimize", "minimize=2"])
        #expect(result.status == 0)
        #expect(result.stdout == "2\n")
    }

    @Test func linearRegressionFromAGeneratedTable() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "u,v,y\n"
        for i in 0..<1000 {
            let u = Double(i % 25) / 12.5 - 1, v = Double(i / 25) / 20 - 1
            csv += "\(u),\(v),\(1.5 * u - 0.25 * v + 2)\n"
        }
        let data = directory.appendingPathComponent("points.csv")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        let result = try GraddiffProcess.run(["minimize", "(w1*u + w2*v + b - y)^2", "w1=0", "w2=0", "b=0", "--data", data.path,
                                              "--optimizer", "adam", "--lr", "0.05", "--epochs", "60", "--batch-size", "50",
                                              "--seed", "3", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let values = parameters(result.stdout)
        #expect(abs(values["w1"]! - 1.5) < 1e-3 && abs(values["w2"]! + 0.25) < 1e-3 && abs(values["b"]! - 2) < 1e-3, "\(values)")
    }

    @Test func xorWritesHistoryAndPlot() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("xor.csv")
        try "a,b,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".write(to: data, atomically: true, encoding: .utf8)
        let history = directory.appendingPathComponent("history.csv")
        let plot = directory.appendingPathComponent("loss.svg")
        let result = try GraddiffProcess.run(["minimize", "-f", "-", "--data", data.path, "--optimizer", "adam", "--lr", "0.1",
                                              "--epochs", "2000", "--seed", "1", "--log-every", "100",
                                              "--history", history.path, "--plot", plot.path], input: Self.xorProgram)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# stopped at the step limit after 2000 steps"))
        let loss = Double(result.stdout.split(separator: "\n")[1].split(separator: " ")[2])!
        #expect(loss < 0.01)

        let rows = try String(contentsOf: history, encoding: .utf8).split(separator: "\n")
        #expect(rows[0] == "step,loss,gradient_norm,w11,w12,b1,w21,w22,b2,v1,v2,c")
        #expect(rows.count == 1 + 21)  // steps 0, 100, ..., 2000
        #expect(rows[1].hasPrefix("0,"))
        #expect(rows.last!.hasPrefix("2000,"))

        let svg = try Data(contentsOf: plot)
        let reader = SVGReader()
        let parser = XMLParser(data: svg)
        parser.delegate = reader
        #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(reader.polylinePoints == rows.count - 1)
        #expect(reader.text.contains("step limit"))
        #expect(reader.text.contains("loss (log scale)"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func divergenceExitsOneWithTheLastFiniteParameters() throws {
        let result = try GraddiffProcess.run(["minimize", "(x-3)^2", "x=0", "--lr", "1.5", "--steps", "5000", "-q"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("# diverged at step "))
        #expect(parameters(result.stdout)["x"]!.isFinite)
        #expect(result.stderr.contains(" became nan or infinite at step "))
    }

    @Test func badOptionsAreUsageErrors() throws {
        for arguments in [["minimize", "x^2", "x=1", "--epochs", "3"],
                          ["minimize", "x^2", "x=1", "--optimizer", "lbfgs"],
                          ["minimize", "x^2", "x=1", "--plot", "loss.png"],
                          ["minimize", "x^2", "x=1", "--lr", "-1"],
                          // x counted twice in the gradient's norm; the plot replaced the history.
                          ["minimize", "x^2", "x=1", "--over", "x,x"],
                          ["minimize", "x^2", "x=1", "--history", "same.svg", "--plot", "same.svg"],
                          ["minimize", "x^2", "x=1", "--history", "same.svg", "--plot", "./same.svg"]] {
            let result = try GraddiffProcess.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let unknown = try GraddiffProcess.run(["minimize", "(w*u)^2", "w=1", "u=2", "--over", "q"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--over names 'q', which is not a variable of the program"))
    }

    @Test func interruptPrintsTheSummaryAndWritesTheHistory() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GraddiffProcess.binary)
        process.arguments = ["minimize", "(x-3)^2 + sin(x)", "x=0", "--lr", "1e-9", "--tol", "0", "--steps", "2000000000",
                             "--log-every", "1000", "--history", history.path]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // The first progress line means the SIGINT handler is in place.
        // Closing our end afterwards means later lines cannot fill the pipe and block it.
        _ = stderr.fileHandleForReading.availableData
        try stderr.fileHandleForReading.close()
        process.interrupt()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(output.hasPrefix("# interrupted after "))
        #expect(FileManager.default.fileExists(atPath: history.path))
    }

    @Test func manPageDocumentsEveryMinimizeOption() throws {
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        let help = try GraddiffProcess.run(["minimize", "--help"])
        #expect(help.status == 0)
        let words = help.stdout.split(whereSeparator: { " ,\n".contains($0) }).map { $0.prefix(while: { $0.isLetter || $0 == "-" || $0.isNumber }) }
        let options = Set(words.filter { $0.hasPrefix("--") && $0.count > 2 })
        #expect(options.contains("--optimizer"))
        for option in options {
            let escaped = option.dropFirst(2).replacingOccurrences(of: "-", with: "\\-")
            #expect(page.contains("\\-\\-\(escaped)"), "man page lacks \(option)")
        }
        #expect(page.contains(".SH MINIMIZE"))
        #expect(page.contains(".B 130\n"))
    }
}

/// Counts the loss curve's vertices and collects the SVG's text.
final class SVGReader: NSObject, XMLParserDelegate {
    var polylinePoints = 0
    var text = ""

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "polyline", let points = attributes["points"] {
            polylinePoints = points.split(separator: " ").count
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
