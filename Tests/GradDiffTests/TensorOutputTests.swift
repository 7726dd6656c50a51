import Foundation
import Testing
@testable import GradDiff

/// What a program with vectors and matrices prints: one row per tensor-valued node or
/// scalar node outside them, values and gradients shaped like the node; JSON with
/// nested arrays and shapes; `--elements` the scalar table; the Jacobian.
@Suite struct TensorOutputTests {
    static let layer = "W = [[1, 2], [3, 4]]; x = [1, -1]; b = [0.5, 0]; z = W @ x + b; s = sum(z^2)"

    @Test func theTableShowsEachNodeWhole() throws {
        let evaluation = try evaluateTensors(Self.layer)
        let table = OutputFormat.table.render(evaluation.result, OutputOptions())
        // z = [-0.5, -1], ds/dz = 2z = [-1, -2], ds/dW = (ds/dz)·xᵀ, ds/dx = Wᵀ·(ds/dz).
        #expect(table == """
            node  op      shape   expression  value             gradient
            W     var     2×2     W           [[1, 2], [3, 4]]  [[-1, 1], [-2, 2]]
            x     var     2       x           [1, -1]           [-7, -10]
            b     var     2       b           [0.5, 0]          [-1, -2]
            t4    matmul  2       W @ x       [-1, -1]          [-1, -2]
            z     add     2       W @ x + b   [-0.5, -1]        [-1, -2]
            2     const   scalar  2           2
            t6    pow     2       z^2         [0.25, 1]         [1, 1]
            s     sum     scalar  sum(z^2)    1.25              1

            """)
    }

    @Test func jsonNestsValuesAndGradientsByShape() throws {
        let evaluation = try evaluateTensors(Self.layer)
        let text = OutputFormat.json.render(evaluation.result, OutputOptions())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["value"] as? Double == 1.25)
        let gradient = try #require(json["gradient"] as? [String: Any])
        #expect(gradient["W"] as? [[Double]] == [[-1, 1], [-2, 2]])
        #expect(gradient["x"] as? [Double] == [-7, -10])
        #expect(gradient["b"] as? [Double] == [-1, -2])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let z = try #require(nodes.first { $0["name"] as? String == "z" })
        #expect(z["shape"] as? [Int] == [2])
        #expect(z["value"] as? [Double] == [-0.5, -1])
        #expect(z["text"] as? String == "W @ x + b")
        let inputs = try #require(z["inputs"] as? [Int])
        #expect(inputs.map { nodes[$0]["text"] as? String } == ["W @ x", "b"])
        let s = try #require(nodes.last)
        #expect(s["shape"] as? [Int] == [] && s["value"] as? Double == 1.25)
    }

    @Test func elementsGiveTheScalarTable() throws {
        let evaluation = try evaluateTensors(Self.layer)
        let table = OutputFormat.table.render(evaluation.result, OutputOptions(elements: true))
        #expect(table.hasPrefix("node    op     expression"))
        #expect(table.contains("\nW[1,2]  var    W[1,2]"))
        #expect(table.contains("\nz[2]    add    "))
        #expect(table.split(separator: "\n").count == evaluation.tape.count + 1)
    }

    @Test func wrtPrintsShapedGradients() throws {
        let evaluation = try evaluateTensors(Self.layer)
        let text = OutputFormat.table.render(evaluation.result, OutputOptions(wrt: ["W", "x[2]"]))
        #expect(text == "W [[-1, 1], [-2, 2]]\nx[2] -10\n")
        #expect(OutputFormat.quietTensorGradients(evaluation.result, OutputOptions(wrt: ["W", "b"])) == "-1\n1\n-2\n2\n-1\n-2\n")
        // Element by element (as --hessian and --check see them).
        #expect(evaluation.result.reportedVariables(OutputOptions(wrt: ["W"])).map(\.name) == ["W[1,1]", "W[1,2]", "W[2,1]", "W[2,2]"])
    }

    /// `--wrt` and `-q --wrt` print numbers that read back exactly, as in a scalar program
    /// (they were rounded to 10 digits, in exponent form: 0.03 and 3e-14).
    @Test func wrtGradientsReadBackExactly() throws {
        let evaluation = try evaluateTensors("x = [0.1, 1e-7]; a = 0.1; sum(x*x*x) + a^3")
        let quiet = OutputFormat.quietTensorGradients(evaluation.result, OutputOptions(wrt: ["x", "a"]))
        #expect(quiet == "0.030000000000000006\n0.00000000000003\n0.030000000000000006\n")
        let table = OutputFormat.table.render(evaluation.result, OutputOptions(wrt: ["x", "a"]))
        #expect(table == "x [0.030000000000000006, 0.00000000000003]\na 0.030000000000000006\n")
        // A precision the user chose still rounds them.
        #expect(OutputFormat.quietTensorGradients(evaluation.result, OutputOptions(precision: 3, wrt: ["x"])) == "0.03\n0.00000000000003\n")
    }

    /// --output names a vector step's versions as the table labels them (h#2), and h#1
    /// the first, as for scalar steps ('h#1' was "not defined"); several outputs with a
    /// vector among them say so, not "use --jacobian".
    @Test func outputNamesVersionsOfVectorSteps() throws {
        let bindings = [try Binding.parse("W=[[1, 2], [3, 4]]"), try Binding.parse("x=[1, -1]")]
        let program = try ProgramParser.parse(SourceText(name: "expression", text: "h = W @ x; h = h*2; s = sum(h)"), bindings: bindings)
        let first = try #require(program.tensorOutput(named: "h#1"))
        let second = try #require(program.tensorOutput(named: "h#2"))
        #expect(first != second && program.tensorOutput(named: "h") == second)
        #expect(program.tensors.label(of: second) == "h#2")
        for name in ["h#1", "h#2"] {
            let evaluation = try Evaluation.run(program, bindings: bindings, outputName: name, forJacobian: true)
            let jacobian = Jacobian(evaluation, slots: Array(evaluation.tape.variableNames.indices), outputName: name)
            let factor = name == "h#1" ? 1.0 : 2.0
            #expect(jacobian.rows.map { Array($0.suffix(2)) } == [[1 * factor, 2 * factor], [3 * factor, 4 * factor]], "\(name)")
        }
        let several = userErrors { _ = try program.outputNodes(named: "h,s") }.map(\.diagnostic.message)
        #expect(several == ["--output names several steps, but h is a 2-element vector: the Jacobian of several outputs takes scalar steps"])
    }

    @Test func theJacobianHasARowPerOutputElement() throws {
        let program = try ProgramParser.parse(SourceText(name: "expression", text: "y = W @ x"),
                                              bindings: [try Binding.parse("W=[[1, 2, 3], [4, 5, 6]]"), try Binding.parse("x=[7, 8, 9]")])
        let evaluation = try Evaluation.run(program, bindings: [try Binding.parse("W=[[1, 2, 3], [4, 5, 6]]"), try Binding.parse("x=[7, 8, 9]")],
                                            forJacobian: true)
        let jacobian = Jacobian(evaluation, slots: Array(evaluation.tape.variableNames.indices), outputName: nil)
        #expect(jacobian.rowNames == ["y[1]", "y[2]"])
        // ∂y[i]/∂W[k,l] = x[l] when i = k; ∂y[i]/∂x[l] = W[i,l].
        let x = [7.0, 8, 9], w = [[1.0, 2, 3], [4.0, 5, 6]]
        let expected = (0..<2).map { i in
            (0..<2).flatMap { k in x.map { i == k ? $0 : 0 } } + w[i]
        }
        #expect(jacobian.rows == expected)
        #expect(jacobian.columnNames == ["W[1,1]", "W[1,2]", "W[1,3]", "W[2,1]", "W[2,2]", "W[2,3]", "x[1]", "x[2]", "x[3]"])
    }

    @Test func largeValuesAreElidedInTheTable() {
        let number = { (value: Double) in NumberFormat.significant(value, digits: 4) }
        let vector = TensorValueText.lines((0..<1000).map(Double.init), .vector(1000), number: number)
        #expect(vector.count == 2 * TensorValueText.edgeLines + 1 && vector[2] == " …")
        #expect(vector.first!.hasPrefix("[  0,   1,") && vector.last!.hasSuffix(" 999]"))
        let matrix = TensorValueText.lines((0..<(128 * 784)).map(Double.init), .matrix(128, 784), number: number)
        #expect(matrix.count == 2 * TensorValueText.edgeRows + 1 && matrix[3] == "  …")
        #expect(matrix.allSatisfy { $0.count <= TensorValueText.maximumWidth + 8 })
        #expect(matrix[0].hasPrefix("[[        0,         1, …,") && matrix.last!.hasSuffix(" …, 1.004e+05, 1.004e+05]]"))
        #expect(TensorValueText.lines([1, 2, 3, 4], .matrix(2, 2), number: number) == ["[[1, 2], [3, 4]]"])
        let wide = TensorValueText.lines([1, -22.5, 3, 4], .matrix(2, 2)) { "\($0)00000000000000000000000" }
        #expect(wide.count == 2 && wide[1].hasPrefix(" [") && wide[0].hasPrefix("[["))
    }

    @Test func batchColumnsOfElementsAreQuoted() throws {
        let program = try ProgramParser.parse(SourceText(name: "expression", text: "sum(W @ [x, y])"),
                                              bindings: [try Binding.parse("W=[[1, 2], [3, 4]]")])
        var batch = try BatchEvaluator(program: program, bindings: [try Binding.parse("W=[[1, 2], [3, 4]]")], header: ["x", "y"],
                                       headerSource: SourceText(name: "rows", text: "x,y"), delimiter: ",", outputName: nil)
        #expect(batch.outputHeader(inputHeader: ["x", "y"]) == "x,y,value,\"d_W[1,1]\",\"d_W[1,2]\",\"d_W[2,1]\",\"d_W[2,2]\",d_x,d_y")
        var output = ""
        try batch.evaluate(fields: ["1", "2"], into: &output)
        // value = (1 + 4) + (3 + 8); d_W = [x, y] in each row; d_x = 1 + 3, d_y = 2 + 4.
        #expect(output == "1,2,16,1,2,1,2,4,6\n")
    }

    /// A literal's constants (`7` in `[b, 7]`) are made with it and are inside its row:
    /// it lists only the rows it reads, each before it, and sends nothing to itself.
    @Test func aLiteralWithConstantsReadsOnlyRowsBeforeIt() throws {
        for (program, bindings) in [("sum([b, 7])", ["b=2"]), ("sum([[b, 1], [2, b]])", ["b=2"]),
                                    ("sum([a, b] * [b, 1])", ["a=1", "b=2"]), ("sum([1, 2] * [a, 3])", ["a=1"])] {
            let evaluation = try evaluateTensors(program, bindings)
            let text = OutputFormat.json.render(evaluation.result, OutputOptions())
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let nodes = try #require(json["nodes"] as? [[String: Any]])
            for node in nodes {
                let id = try #require(node["id"] as? Int)
                let inputs = try #require(node["inputs"] as? [Int])
                #expect(inputs.allSatisfy { $0 < id }, "\(program): node \(id) reads \(inputs)")
            }
            let view = try #require(TensorView(evaluation.result))
            let dot = TensorDotFormatter(view, OutputOptions(), backward: true).render()
            for index in view.rows.indices {
                #expect(!dot.contains("r\(index) -> r\(index)op;") && !dot.contains("r\(index) -> r\(index) "), "\(program): \(dot)")
                let label = view.rows[index].label
                let explain = TensorExplainFormatter(view, OutputOptions()).render(.backward)
                #expect(!explain.contains("\(label) ← δ\(label)["), "\(program): \(explain)")
            }
        }
    }

    /// A constant receives and sends no gradient in the drawing either, as in the table
    /// and --explain: the constant exponent of x^2 had a "grad 0" field and a send of
    /// sum(δt2 ∘ xlogy(t2, x)) = nan.
    @Test func theGraphSendsNothingToConstants() throws {
        let evaluation = try evaluateTensors("s = sum(x^2)", ["x=[-1, 2]"])
        let view = try #require(TensorView(evaluation.result))
        let dot = TensorDotFormatter(view, OutputOptions(), backward: true).render()
        let constant = try #require(view.rows.firstIndex { $0.label == "2" })
        #expect(dot.contains("r\(constant) [shape=record, label=\"{ 2 | scalar | value 2 }\""), "\(dot)")
        #expect(!dot.contains("-> r\(constant) ") && !dot.contains("nan"), "\(dot)")
        #expect(dot.contains("x ← δt2 ∘ 2 · x = [-2, 4]"))
    }

    /// CSV and TSV write a scalar as a scalar program does (nan, inf), and a vector or
    /// matrix as a JSON array (where nan must be the string "nan"); a scalar nan was
    /// written as the JSON string, quoted again for CSV: """nan""".
    @Test func csvWritesAScalarNanPlain() throws {
        let evaluation = try evaluateTensors("s = sum(log(u)) + log(x)", ["u=[1, -2]", "x=-1"])
        let csv = OutputFormat.csv.render(evaluation.result, OutputOptions())
        #expect(csv.contains(",log(x),nan,1\n") && csv.hasSuffix(",nan,1\n") && !csv.contains("\"\"\"nan"), "\(csv)")
        #expect(csv.contains(",log(u),\"[0, \"\"nan\"\"]\","), "\(csv)")
        let tsv = OutputFormat.tsv.render(evaluation.result, OutputOptions())
        #expect(tsv.contains("\tlog(x)\tnan\t1\n") && tsv.contains("\tlog(u)\t[0, \"nan\"]\t"), "\(tsv)")
    }
}
