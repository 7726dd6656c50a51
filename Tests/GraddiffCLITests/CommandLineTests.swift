import Foundation
import Testing

/// The command line as users and scripts see it: output, diagnostics, exit statuses.
@Suite struct CommandLineTests {
    @Test func readmeExamplePrintsTheNodeTable() throws {
        let result = try GraddiffProcess.run(["(x+y)*z", "x=1", "y=3", "z=-3"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == Golden.readmeTable)
    }

    /// --output's one help line says that under --jacobian it takes a list, in --help and
    /// in the completions alike (one sentence feeds both), and the man page says it too.
    @Test(arguments: [[], ["diff"], ["minimize"]])
    func outputHelpSaysItTakesAListUnderJacobian(command: [String]) throws {
        let help = try GraddiffProcess.run(command + ["--help"]).stdout
        let lines = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex { $0.hasPrefix("--output <NAME>") }, "\(help)")
        let entry = ([String(lines[start].dropFirst("--output <NAME>".count))] + lines[(start + 1)...].prefix { !$0.hasPrefix("-") })
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
        #expect(entry.contains("a list, p,q,") && entry.contains("--jacobian"), "\(entry)")
        let zsh = try GraddiffProcess.run(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains("'--output[" + entry.replacingOccurrences(of: ":", with: "\\:").replacingOccurrences(of: "'", with: "'\\''") + "]:NAME:'"), "\(entry)")
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        let manEntry = try #require(page.components(separatedBy: ".BI \\-\\-output \" name\"\n").dropFirst().first)
        #expect(manEntry.components(separatedBy: ".TP").first?.contains("\\-\\-output p,g") == true)
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

    @Test func strictTurnsNonFiniteIntoAnError() throws {
        let result = try GraddiffProcess.run(["--strict", "1/x", "x=0"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("error"))
        #expect(result.stderr.contains("inf"))
    }

    @Test func kinkChoosesTheDerivativeAtACorner() throws {
        let expected = ["zero": "0\n", "left": "-1\n", "right": "1\n", "mean": "0\n"]
        for (convention, gradient) in expected {
            let result = try GraddiffProcess.run(["--kink", convention, "-q", "--wrt", "x", "abs(x)", "x=0"])
            #expect(result.status == 0)
            #expect(result.stdout == gradient, "--kink \(convention)")
            #expect(result.stderr.isEmpty, "a chosen convention is no news to -q: \(result.stderr)")
            let table = try GraddiffProcess.run(["--kink", convention, "--wrt", "x", "abs(x)", "x=0"])
            #expect(table.stderr.contains("(--kink \(convention))"))
        }
        let relu = try GraddiffProcess.run(["--kink", "mean", "-q", "--wrt", "x", "relu(x)", "x=0"])
        #expect(relu.stdout == "0.5\n")
        let batch = try GraddiffProcess.run(["--kink", "right", "--batch", "-", "relu(x)"], input: "x\n0\n-1\n")
        #expect(batch.stdout == "x,value,d_x\n0,0,1\n-1,0,0\n")
    }

    @Test func kinkErrorStopsWithStatusThree() throws {
        let result = try GraddiffProcess.run(["--kink", "error", "max(x, y) + 1", "x=2", "y=2"])
        #expect(result.status == 3)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("error: n2 is evaluated at a kink: max(x, y) with both arguments 2"))
        #expect(result.stderr.contains("choose one with --kink zero, left, right or mean"))
        #expect(try GraddiffProcess.run(["--kink", "error", "max(x, y)", "x=2", "y=1"]).status == 0)
    }

    @Test(arguments: [
        (["--kink", "left", "--hessian", "abs(x)", "x=0"], "--hessian and --order differentiate symbolically"),
        (["--kink", "error", "--batch", "-", "abs(x)"], "with --batch choose zero, left, right or mean"),
        (["--kink", "sideways", "abs(x)", "x=0"], "sideways"),
    ])
    func kinkCombinationsThatCannotWork(_ arguments: [String], _ message: String) throws {
        let result = try GraddiffProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A session takes `--kink` for all its expressions (it was refused, with a hint that
    /// took the convention's name for an expression starting with '-').
    @Test func aSessionTakesTheKinkConvention() throws {
        let result = try GraddiffProcess.run(["--kink", "right"], input: "x = 0\nrelu(x)\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("x     var   x               0         1"), "\(result.stdout)")
        #expect(result.stderr.contains("graddiff uses 1 (--kink right)"), "\(result.stderr)")
        let refused = try GraddiffProcess.run(["--check", "-i", "right"])
        #expect(refused.status == 64 && !refused.stderr.contains("must follow '--'"), "\(refused.stderr)")
    }

    @Test(arguments: [
        (["(x+y", "x=1", "y=2"], "expected ')' to close the '(' at column 1"),
        (["sine(x)", "x=1"], "did you mean 'sin'?"),
        (["min(x)", "x=1"], "min takes 2 arguments, but 1 was given"),
        (["2x", "x=1"], "expected an operator"),
        (["0x10"], "hexadecimal numbers are not supported"),
        (["(x+y)*z", "x=1"], "no values for the variables 'y', 'z'"),
        (["x", "x="], "has no value"),
        (["x", "=3"], "has no name"),
        (["x", "x=abc"], "must be a number or constant expression"),
        (["x", "1x=2"], "is not a valid variable name"),
        (["x", "x=1", "x=2"], "'x' is bound twice"),
        (["x", "pi=3"], "built-in constant"),
        (["x", "foo"], "is not a binding"),
        (["sin = 3; sin"], "built-in function"),
        (["f(a) = f(a) + 1; f(2)"], "calls itself"),
        (["", "x=1"], "the expression is empty"),
    ])
    func errorsExplainThemselves(arguments: [String], message: String) throws {
        let result = try GraddiffProcess.run(arguments)
        #expect(result.status == 65, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("error:"))
    }

    @Test func diagnosticsPointAtTheColumnWithACaret() throws {
        let result = try GraddiffProcess.run(["x + sine(y)", "x=1", "y=2"])
        #expect(result.stderr.hasPrefix("expression:1:5: error: unknown function 'sine'\n"))
        #expect(result.stderr.contains(" 1 | x + sine(y)\n   |     ^~~~\n"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let result = try GraddiffProcess.run(["θ + η + sine(θ)", "θ=1", "η=2"])
        #expect(result.stderr.hasPrefix("expression:1:9: error"), "\(result.stderr)")
    }

    @Test func unusedBindingIsAWarning() throws {
        let result = try GraddiffProcess.run(["x*2", "x=1", "w=3"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: 'w' is bound but not used"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try GraddiffProcess.run(["--no-such-flag", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["--precision", "0", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["--format", "yaml", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["-i", "x+1"]).status == 64)
        #expect(try GraddiffProcess.run(["-i", "-f", "prog.gd"]).status == 64)
        #expect(try GraddiffProcess.run(["--keep-going", "x", "x=1"]).status == 64)
    }

    @Test func unreadableFilesHaveTheirOwnStatus() throws {
        let missing = try GraddiffProcess.run(["-f", "/nonexistent/prog.gd"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot open '/nonexistent/prog.gd'"))
        let directory = try GraddiffProcess.run(["-f", "/tmp"])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func helpAndVersion() throws {
        let help = try GraddiffProcess.run(["--help"])
        #expect(help.status == 0)
        for word in ["--format", "--wrt", "--batch", "--strict", "--precision", "sigmoid", "atan2", "65", "graddiff \"(x+y)*z\""] {
            #expect(help.stdout.contains(word), "--help lacks \(word)")
        }
        let version = try GraddiffProcess.run(["--version"])
        #expect(version.stdout.hasPrefix("graddiff "))
    }

    @Test func precisionChangesSignificantDigits() throws {
        let result = try GraddiffProcess.run(["-q", "--precision", "4", "1/(1+exp(-(w0*x0+w1*x1+w2)))",
                                              "w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3"])
        #expect(result.stdout == "0.7311\n")
    }

    @Test func colourOnlyWhenAsked() throws {
        let piped = try GraddiffProcess.run(["sine(x)", "x=1"])
        #expect(!piped.stderr.contains("\u{1B}["))
        let forced = try GraddiffProcess.run(["--color", "always", "sine(x)", "x=1"])
        #expect(forced.stderr.contains("\u{1B}["))
        let never = try GraddiffProcess.run(["--color", "never", "sine(x)", "x=1"], environment: ["NO_COLOR": "1"])
        #expect(!never.stderr.contains("\u{1B}["))
    }

    @Test func outputIsTheSameThroughAPipe() throws {
        let direct = try GraddiffProcess.run(["(x+y)*z", "x=1", "y=3", "z=-3"])
        let piped = try GraddiffProcess.runExecutable(
            "/bin/sh", ["-c", "\"$0\" '(x+y)*z' x=1 y=3 z=-3 | cat", GraddiffProcess.binary])
        #expect(direct.stdout == piped.stdout)
    }

    @Test func closedStdoutEndsQuietly() throws {
        let result = try GraddiffProcess.runExecutable(
            "/bin/bash", ["-c", "\"$0\" --format csv \"$(printf 'x+%.0s' {1..20000})x\" x=1 | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"",
                          GraddiffProcess.binary])
        #expect(result.stdout == "0\n")
        #expect(result.stderr == "")
    }

    /// --help, --version, `help` and completion scripts, printed into a pipe already
    /// closed, end with 0 too (they died of SIGPIPE, 141).
    @Test func helpIntoAClosedPipeEndsQuietly() throws {
        for arguments in ["--help", "--version", "help diff", "--generate-completion-script bash", "minimize --help"] {
            let result = try GraddiffProcess.runExecutable(
                "/bin/bash", ["-c", "{ sleep 0.2; \"$0\" \(arguments); } | true; echo \"${PIPESTATUS[0]}\"", GraddiffProcess.binary])
            #expect(result.stdout == "0\n", "\(arguments): \(result.stderr)")
        }
    }

    /// A COLUMNS that is no width (0, negative, not a number) is ignored: with 0, the
    /// help lost every option's description and its overview. One too narrow is widened.
    @Test func anUnusableColumnsIsIgnored() throws {
        let plain = try GraddiffProcess.run(["--help"]).stdout
        #expect(plain.contains("EXIT STATUS") || plain.contains("exit status"), "\(plain)")
        for columns in ["0", "-5", "wide"] {
            let help = try GraddiffProcess.run(["--help"], environment: ["COLUMNS": columns])
            #expect(help.stdout == plain, "COLUMNS=\(columns)")
        }
        // Too narrow to lay the options out beside their column: laid out at 40 columns
        // instead (argument-parser, used before, stopped the program with status 132).
        for columns in ["10", "20", "29"] {
            for arguments in [["--help"], ["help", "minimize"], ["diff", "--help"]] {
                let help = try GraddiffProcess.run(arguments, environment: ["COLUMNS": columns])
                #expect(help.status == 0 && help.stdout.contains("OPTIONS"), "COLUMNS=\(columns) \(arguments): \(help.stderr.prefix(300))")
            }
        }
    }

    /// A reader that closes standard output early does not cancel the files asked for:
    /// they were silently not written, with status 0.
    @Test func filesAreWrittenAfterTheReaderCloses() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            cd "$1" && { sleep 0.2; "$0" --render g.svg "x*y" x=1 y=2; } | true; echo "${PIPESTATUS[0]}"
            { sleep 0.2; "$0" minimize "(x-3)^2" x=0 -q --steps 5 --history h.csv --plot p.svg; } | true; echo "${PIPESTATUS[0]}"
            ls
            """
        let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script, GraddiffProcess.binary, directory.path])
        #expect(result.stdout == "0\n0\ng.svg\nh.csv\np.svg\n", "\(result.stderr)")
    }

    @Test func deepNestingAndLongSumsDoNotCrash() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        func run(_ program: String, _ arguments: [String]) throws -> GraddiffProcess.Result {
            let file = directory.appendingPathComponent("program.gd")
            try program.write(to: file, atomically: true, encoding: .utf8)
            return try GraddiffProcess.run(["-f", file.path] + arguments)
        }
        let depth = 100_000
        let nested = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "*2"
        let deep = try run(nested, ["-q", "--wrt", "x", "x=3"])
        #expect(deep.status == 0)
        #expect(deep.stdout == "2\n")
        var sum = "x"
        sum.reserveCapacity(4_000_000)
        for index in 1..<1_000_000 { sum += index % 2 == 0 ? "+x" : "+y" }
        let wide = try run(sum, ["-q", "--wrt", "x,y", "x=1", "y=2"])
        #expect(wide.status == 0)
        #expect(wide.stdout == "500000\n500000\n")
        let functions = String(repeating: "sin(", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(try run(functions, ["-q", "x=0.5"]).status == 0)
    }

    @Test func maxNodesStopsARunawayProgram() throws {
        // Every function calls the previous one twice: the graph doubles at each level.
        var program = "f1(x) = x*x + x"
        for level in 2...40 { program += "; f\(level)(x) = f\(level - 1)(f\(level - 1)(x))" }
        program += "; f40(x)"
        let result = try GraddiffProcess.run(["-q", "--max-nodes", "10000", program, "x=0.1"])
        #expect(result.status == 65)
        // The expansion's steps (each adding a node) reach the limit before its nodes do.
        #expect(result.stderr.contains("expanding the calls of user functions takes more than 10000 steps, the limit"),
                "\(result.stderr)")
        #expect(result.stderr.contains("--max-nodes"))
        let small = try GraddiffProcess.run(["-q", "--max-nodes", "10000", "x*x + x", "x=2"])
        #expect(small.stdout == "6\n")
        #expect(try GraddiffProcess.run(["--max-nodes", "0", "x", "x=1"]).status == 64)
    }
}
