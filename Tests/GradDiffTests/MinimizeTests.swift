import Testing
@testable import GradDiff

/// The optimiser on problems with known answers: quadratics (exact iterates), the
/// Rosenbrock valley, linear regression and XOR from data.
@Suite struct MinimizeTests {
    func minimize(_ text: String, _ bindings: String, data: DataTable? = nil, over: [String]? = nil,
                  _ configure: (inout MinimizeSettings) -> Void) throws -> MinimizeResult {
        let objective = try Objective(program: parseProgram(text), bindings: parseBindings(bindings), data: data, over: over)
        var settings = MinimizeSettings()
        configure(&settings)
        var minimizer = Minimizer(objective: objective, settings: settings)
        return minimizer.run()
    }

    @Test func gradientDescentReachesTheMinimumOfAParabola() throws {
        let result = try minimize("(x-3)^2", "x=0") { $0.optimizer.learningRate = 0.1 }
        #expect(result.reason == .converged)
        #expect(isClose(result.parameters[0], 3, relative: 0, absolute: 1e-6))
    }

    /// θᵏ⁺¹ = θᵏ − η·2θᵏ on L = θ² with η = 1/4 halves θ each step: after k steps θ⁰/2ᵏ,
    /// exactly, since every operation is exact in binary floating point.
    @Test(arguments: [1, 2, 5, 10, 30])
    func seedUpdateMatchesTheClosedFormIterate(steps: Int) throws {
        let result = try minimize("x^2", "x=1.5") {
            $0.optimizer.learningRate = 0.25
            $0.stepLimit = steps
            $0.tolerance = 0
        }
        #expect(result.reason == .stepLimit)
        #expect(result.steps == steps)
        var expected = 1.5
        for _ in 0..<steps { expected /= 2 }
        #expect(result.parameters[0] == expected)
        #expect(result.gradient[0] == 2 * expected)
    }

    /// One step by hand: θ¹ = θ⁰ − η∇L(θ⁰) for L = (x−1)² + 3(y+2)² at (0, 0) with η = 0.1.
    @Test func oneStepIsTheSeedUpdate() throws {
        let result = try minimize("(x-1)^2 + 3*(y+2)^2", "x=0 y=0") {
            $0.optimizer.learningRate = 0.1
            $0.stepLimit = 1
        }
        let gradient: [Double] = [2 * (0 - 1), 6 * (0 + 2)]
        let expected: [Double] = [0 - 0.1 * gradient[0], 0 - 0.1 * gradient[1]]
        #expect(result.parameters == expected)
    }

    /// Documented budget: Adam with η = 0.02 reaches (1, 1) within 5000 steps.
    @Test func adamSolvesRosenbrock() throws {
        let result = try minimize("(1-x)^2 + 100*(y-x^2)^2", "x=-1.2 y=1") {
            $0.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.02)
            $0.stepLimit = 5000
        }
        let x = result.parameters[result.parameterNames.firstIndex(of: "x")!]
        let y = result.parameters[result.parameterNames.firstIndex(of: "y")!]
        #expect(isClose(x, 1, relative: 0, absolute: 1e-3), "x = \(x) after \(result.steps) steps")
        #expect(isClose(y, 1, relative: 0, absolute: 1e-3), "y = \(y) after \(result.steps) steps")
    }

    @Test func momentumConvergesOnAQuadratic() throws {
        let result = try minimize("(x+2)^2 + 0.5*(y-4)^2", "x=0 y=0") {
            $0.optimizer = OptimizerSettings(kind: .momentum, learningRate: 0.05)
            $0.stepLimit = 5000
        }
        #expect(result.reason == .converged)
        #expect(isClose(result.parameters[0], -2, relative: 0, absolute: 1e-6))
        #expect(isClose(result.parameters[1], 4, relative: 0, absolute: 1e-6))
    }

    /// y = 2·u − 3·v + 0.5 on a grid of 100 points, fitted by least squares in mini-batches.
    @Test func linearRegressionRecoversTheWeights() throws {
        var values: [Double] = []
        for i in 0..<100 {
            let u = Double(i % 10) / 5 - 1, v = Double(i / 10) / 4 - 1
            values += [u, v, 2 * u - 3 * v + 0.5]
        }
        let data = DataTable(header: ["u", "v", "y"], values: values)
        let result = try minimize("(w1*u + w2*v + b - y)^2", "w1=0 w2=0 b=0", data: data) {
            $0.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.05)
            $0.batchSize = 20
            $0.stepLimit = 3000
            $0.seed = 7
        }
        #expect(result.parameterNames == ["w1", "w2", "b"])
        for (actual, expected) in zip(result.parameters, [2.0, -3.0, 0.5]) {
            #expect(isClose(actual, expected, relative: 0, absolute: 1e-3), "\(result.parameters)")
        }
    }

    static let xor = """
        w11 = 0.5;  w12 = -0.4; b1 = 0.1
        w21 = -0.3; w22 = 0.6;  b2 = -0.2
        v1 = 0.7;   v2 = -0.5;  c = 0.05
        h1 = sigmoid(w11*a + w12*b + b1)
        h2 = sigmoid(w21*a + w22*b + b2)
        y = sigmoid(v1*h1 + v2*h2 + c)
        loss = (y - t)^2
        """

    @Test func aSigmoidNetworkLearnsXor() throws {
        let data = DataTable(header: ["a", "b", "t"], values: [0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0])
        let result = try minimize(Self.xor, "", data: data) {
            $0.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.1)
            $0.stepLimit = 2000
            $0.seed = 1
        }
        #expect(result.parameterNames.count == 9)
        #expect(result.loss < 0.01, "loss \(result.loss)")
    }

    @Test func theSameSeedGivesTheSameRun() throws {
        let data = DataTable(header: ["a", "b", "t"], values: [0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0])
        let runs = try (0..<2).map { _ in
            try minimize(Self.xor, "", data: data) {
                $0.optimizer = OptimizerSettings(kind: .sgd, learningRate: 0.5)
                $0.batchSize = 1
                $0.stepLimit = 200
                $0.seed = 42
            }
        }
        #expect(runs[0].parameters == runs[1].parameters)
    }

    @Test func aNonFiniteLossStopsWithTheLastFiniteParameters() throws {
        let result = try minimize("(x-3)^2", "x=0") {
            $0.optimizer.learningRate = 1.5
            $0.stepLimit = 5000
        }
        guard case .diverged(let step) = result.reason else {
            Issue.record("expected divergence, got \(result.reason)")
            return
        }
        #expect(result.steps == step - 1)
        #expect(result.parameters[0].isFinite && result.loss.isFinite)
    }

    @Test func overRejectsColumnsAndUnknownNames() throws {
        let data = DataTable(header: ["u", "y"], values: [1, 2])
        #expect(throws: UserError.self) { try Objective(program: parseProgram("(w*u - y)^2"), bindings: parseBindings("w=0"), data: data, over: ["u"]) }
        #expect(throws: UserError.self) { try Objective(program: parseProgram("(w*u - y)^2"), bindings: parseBindings("w=0"), data: data, over: ["q"]) }
    }

    /// Nothing to adjust, said as it is: no variable at all (`minimize 3`) is not "every
    /// variable is a data column".
    @Test(arguments: [("3", nil, "the program has no variables"),
                      ("u*y", DataTable(header: ["u", "y"], values: [1, 2]), "every variable is a data column (u, y)")])
    func noParametersSaysWhy(program: String, data: DataTable?, help: String) throws {
        do {
            _ = try Objective(program: parseProgram(program), bindings: [], data: data)
            Issue.record("\(program) has no parameters, yet minimizes")
        } catch let error as UserError {
            let said = error.diagnostics.map(\.diagnostic)
            #expect(said.contains { $0.message == "there are no parameters to minimize over" && ($0.help ?? "").hasPrefix(help) },
                    "\(said)")
        }
    }

    /// A step the loss does not use is warned about as minimize's: not printed (no step
    /// is), and --output names what to minimize; with data or without.
    @Test(arguments: [nil, DataTable(header: ["u"], values: [1])])
    func unusedStepWarningIsMinimizes(data: DataTable?) throws {
        let objective = try Objective(program: parseProgram("p = w*2; (w - u)^2"), bindings: parseBindings(data == nil ? "w=0 u=1" : "w=0"),
                                      data: data)
        let helps = objective.warnings.map(\.diagnostic).filter { $0.message == "'p' is not used by the output" }.compactMap(\.help)
        #expect(helps == ["what is minimized does not depend on it; --output NAME minimizes another step"], "\(objective.warnings)")
    }

    @Test func dataTableParsesCsvAndRejectsBadRows() throws {
        let table = try DataTable.parse(SourceText(name: "t.csv", text: "u, y\n1,2\n\n3,4\n"))
        #expect(table.header == ["u", "y"])
        #expect(table.values == [1, 2, 3, 4])
        #expect(throws: UserError.self) { try DataTable.parse(SourceText(name: "t.csv", text: "u,y\n1\n")) }
        #expect(throws: UserError.self) { try DataTable.parse(SourceText(name: "t.csv", text: "u,y\n1,z\n")) }
    }

    /// A column that names no variable, between two that do, is not read: the columns
    /// after it bind their own variables (y was read from z's place, and w fit 100s
    /// instead of 2x), and a label in it is no error; a note names it.
    @Test func aColumnThatNamesNoVariableIsSkippedInPlace() throws {
        let program = try parseProgram("(w*x - y)^2")
        let table = try DataTable.parse(SourceText(name: "t.csv", text: "x,id,z,y\n1,a,100,2\n2,b,100,4\n3,c,100,6\n"),
                                        reading: { program.tape.variableSlot(named: $0) != nil })
        #expect(table.values.count == 12 && table.values[0] == 1 && table.values[1].isNaN && table.values[3] == 2)
        let objective = try Objective(program: program, bindings: parseBindings("w=0"), data: table)
        #expect(objective.warnings.map(\.diagnostic.message) == ["the columns 'id', 'z' are not variables of the program: they are not read"])
        var settings = MinimizeSettings()
        settings.optimizer.learningRate = 0.02
        var minimizer = Minimizer(objective: objective, settings: settings)
        let result = minimizer.run()
        #expect(isClose(result.parameters[0], 2, relative: 0, absolute: 1e-6), "\(result.parameters)")
        #expect(throws: UserError.self) { try DataTable.parse(SourceText(name: "t.csv", text: "x,id\n1,a\n")) }
    }

    /// CRLF lines are lines ("\r\n" is one Character: the table read as a header alone),
    /// and a comma followed by a combining mark ends a field, as in a batch table.
    @Test func dataTableReadsCrlfAndSplitsFieldsAtBytes() throws {
        let table = try DataTable.parse(SourceText(name: "t.csv", text: "x,y\r\n1,2\r\n\r\n2,4\r\n"))
        #expect(table.header == ["x", "y"] && table.values == [1, 2, 2, 4])
        #expect(DelimitedText.fields(of: "a,\u{301},5", delimiter: ",") == ["a", "\u{301}", "5"])
        #expect(DelimitedText.fields(of: " \"a b\" \t\u{301}x\r", delimiter: "\t") == ["a b", "\u{301}x"])
        #expect(throws: UserError.self) { try DataTable.parse(SourceText(name: "t.csv", text: "u,y\n1,\u{301},2\n")) }
    }

    /// CR-only line ends (an old Mac file) are named, as for `--batch` and `W=@FILE`:
    /// the table was read as a header alone ("has a header but no rows").
    @Test func aDataTableWithCarriageReturnLineEndsIsNamed() {
        let errors = userErrors { _ = try DataTable.parse(SourceText(name: "t.csv", text: "\nu,y\r1,2\r3,4\r")) }
        #expect(errors.map(DiagnosticRenderer(useColor: false).render).joined().hasPrefix("""
            t.csv:2:4: error: the header has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows
            """))
        #expect(errors.first?.diagnostic.help == "end each row with a newline, such as with tr '\\r' '\\n' < FILE")
    }

    /// Rows that end in CR alone after a header that ends in LF are named as in `--batch`.
    @Test func dataRowsWithCarriageReturnLineEndsAreNamed() {
        let errors = userErrors { _ = try DataTable.parse(SourceText(name: "t.csv", text: "u,y\n1,2\r3,4\r")) }
        #expect(errors.map(DiagnosticRenderer(useColor: false).render).joined().hasPrefix("""
            t.csv:2:4: error: this row has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows
            """))
    }

    /// `minimize --data` reads quotes as `--batch` does: the caret is under the text
    /// after a closing quote, or under a quote left open, not under the field's text.
    @Test func aMalformedQuoteInADataTableIsPointedAt() {
        let renderer = DiagnosticRenderer(useColor: false)
        let stray = userErrors { _ = try DataTable.parse(SourceText(name: "t.csv", text: "u,y\n\"1\"2,3\n")) }
        #expect(stray.map(renderer.render).joined().hasPrefix("t.csv:2:4: error: this field has text after its closing quote\n 2 | \"1\"2,3\n   |    ^\n"))
        let open = userErrors { _ = try DataTable.parse(SourceText(name: "t.csv", text: "u,y\n1,\"3\n")) }
        #expect(open.map(renderer.render).joined().hasPrefix("t.csv:2:3: error: this field's quote is not closed\n 2 | 1,\"3\n   |   ^\n"))
    }

    @Test func seededShuffleIsAPermutationAndRepeatable() {
        var first = SplitMix64(seed: 3), second = SplitMix64(seed: 3)
        var a = Array(0..<50), b = Array(0..<50)
        first.shuffle(&a)
        second.shuffle(&b)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<50))
        #expect(a != Array(0..<50))
    }
}
