import Foundation
import Testing

/// A piped session in a machine format keeps its stream parseable: a command whose
/// output cannot be written in that format is refused, as its command-line option is.
@Suite struct SessionFormatRefusalTests {
    @Test(arguments: [
        ("json", ":explain", ":explain cannot be written in the json format"),
        ("csv", ":explain", ":explain cannot be written in the csv format"),
        ("csv", ":hessian", ":hessian cannot be written in the csv format"),
        ("tsv", ":check", ":check cannot be written in the tsv format"),
        ("markdown", ":diff", ":diff cannot be written in the markdown format"),
        ("csv", ":vars", ":vars cannot be written in the csv format"),
        ("tsv", ":vars", ":vars cannot be written in the tsv format"),
    ])
    func commandRefusedInFormat(_ format: String, _ command: String, _ message: String) throws {
        let result = try GraddiffProcess.run(["--format", format], input: "x = 3; y = 2\nx*y\n\(command)\n")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stdout.contains("backward pass") && !result.stdout.contains("  x  y"), "\(result.stdout)")
    }

    /// Every line of a json session is a JSON object, :hessian's included.
    @Test func jsonSessionPrintsOnlyJSON() throws {
        let result = try GraddiffProcess.run(["--format", "json", "--keep-going"],
                                             input: "x = 3; y = 2\nx*y\n:hessian\n:explain\n:check\n")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stdout)")
        for line in lines {
            #expect(throws: Never.self, "\(line)") { try GraddiffProcess.json(String(line)) }
        }
    }

    /// :vars writes a JSON object in a json session; :help and the settings asked for
    /// go to standard error there, and in csv and tsv sessions too: text is no row.
    @Test func jsonSessionWritesVarsAsJSONAndHelpAside() throws {
        let result = try GraddiffProcess.run(["--format", "json"], input: "x = 3; y = 2\np = x*y\np + 1\n:vars\n:format\n:precision\n:help\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stdout)")
        for line in lines {
            #expect(throws: Never.self, "\(line)") { try GraddiffProcess.json(String(line)) }
        }
        let vars = try GraddiffProcess.json(String(lines.last ?? ""))
        #expect(vars["inputs"] as? [String: Double] == ["x": 3, "y": 2], "\(vars)")
        #expect((vars["steps"] as? [String: [String: Any]])?["p"]?["value"] as? Double == 6, "\(vars)")
        for text in ["format json (one of", "precision 10 significant digits", "  :vars  "] {
            #expect(result.stderr.contains(text), "\(result.stderr)")
        }
        for format in ["csv", "tsv"] {
            let piped = try GraddiffProcess.run(["--format", format], input: "x = 3\nx*x\n:format\n:help\n")
            #expect(piped.status == 0, "\(piped.stderr)")
            #expect(!piped.stdout.contains("format") && !piped.stdout.contains(":help"), "\(piped.stdout)")
            #expect(piped.stderr.contains("format \(format) (one of") && piped.stderr.contains(":help [TOPIC]"), "\(piped.stderr)")
        }
    }

    /// A vector or matrix expression is a JSON object in a json session (its value and
    /// shape), and is refused in csv, tsv and dot: its text was written among the rows.
    @Test func vectorsAndMatricesKeepToTheFormat() throws {
        let input = "v = [1, 2]; W = [[1, 2], [3, 4]]\n2*v\nW @ v\nx = 3\nx*x\n"
        let json = try GraddiffProcess.run(["--format", "json"], input: input)
        #expect(json.status == 0, "\(json.stderr)")
        let lines = json.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == [#"{"value": [2, 4], "shape": [2]}"#, #"{"value": [5, 11], "shape": [2]}"#], "\(json.stdout)")
        #expect(lines.count == 3, "\(json.stdout)")
        for line in lines {
            #expect(throws: Never.self, "\(line)") { try GraddiffProcess.json(line) }
        }
        #expect(!json.stderr.contains("gives a gradient"), "\(json.stderr)")
        for format in ["csv", "tsv", "dot"] {
            let result = try GraddiffProcess.run(["--format", format, "--keep-going"], input: input)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("error: '2*v' is a 2-element vector, which cannot be written in the \(format) format"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("error: 'W @ v' is a 2-element vector, which cannot be written in the \(format) format"),
                    "\(result.stderr)")
            #expect(!result.stdout.contains("[2, 4]") && !result.stdout.contains("vector"), "\(result.stdout)")
            #expect(result.stdout.contains("x * x"), "\(result.stdout)")
        }
        // After :format json, as from the start.
        let switched = try GraddiffProcess.run([], input: "v = [1, 2]\n:format json\n2*v\n")
        #expect(switched.stdout == #"{"value": [2, 4], "shape": [2]}"# + "\n", "\(switched.stdout)")
    }

    @Test func tableAndMarkdownStillExplain() throws {
        for format in ["table", "markdown"] {
            let result = try GraddiffProcess.run(["--format", format], input: "x = 3\nx*x\n:explain\n")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("backward pass"), "\(result.stdout)")
        }
    }
}
