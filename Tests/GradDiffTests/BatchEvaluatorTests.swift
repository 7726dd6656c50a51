import Testing
@testable import GradDiff

/// Batch mode's engine: one tape, many rows.
struct BatchEvaluatorTests {
    func evaluator(_ program: String, header: String, bindings: String = "", delimiter: Character = ",",
                   output: String? = nil) throws -> BatchEvaluator {
        let headerSource = SourceText(name: "table", text: header)
        let names = DelimitedText.fields(of: Substring(header), delimiter: delimiter).map(String.init)
        return try BatchEvaluator(program: parseProgram(program), bindings: parseBindings(bindings), header: names,
                                  headerSource: headerSource, delimiter: delimiter, outputName: output)
    }

    func run(_ evaluator: inout BatchEvaluator, _ rows: [String]) throws -> String {
        var output = ""
        for row in rows {
            try evaluator.evaluate(fields: DelimitedText.fields(of: Substring(row), delimiter: evaluator.delimiter), into: &output)
        }
        return output
    }

    @Test func manPageExample() throws {
        var batch = try evaluator("x*y", header: "x,y")
        #expect(batch.outputHeader(inputHeader: ["x", "y"]) == "x,y,value,d_x,d_y")
        #expect(try run(&batch, ["1,2", "3,4"]) == "1,2,2,2,1\n3,4,12,4,3\n")
    }

    @Test func rowsDoNotLeakIntoEachOther() throws {
        // The same buffers serve every row; each row's numbers must be its own.
        var batch = try evaluator("(x + y) * (x + y) + z", header: "x\ty", bindings: "z=10", delimiter: "\t")
        #expect(batch.outputHeader(inputHeader: ["x", "y"]) == "x\ty\tvalue\td_x\td_y\td_z")
        let output = try run(&batch, ["1\t2", "0\t0", "-1\t0.5"])
        #expect(output == "1\t2\t19\t6\t6\t1\n0\t0\t10\t0\t0\t1\n-1\t0.5\t10.25\t-1\t-1\t1\n")
    }

    @Test func nonFiniteFieldsAndDeclaredDefaults() throws {
        // Gradient columns follow the program's variables (w, then x), not the header.
        var batch = try evaluator("w = 0.5; w * x", header: "x, w")
        #expect(batch.outputHeader(inputHeader: ["x", "w"]) == "x,w,value,d_w,d_x")
        #expect(try run(&batch, ["2, 3", "nan, 1", "inf, -1", "\"4\",2"]) == "2,3,6,2,3\nnan,1,nan,nan,1\ninf,-1,-inf,inf,-1\n4,2,8,4,2\n")
    }

    @Test func badRows() throws {
        var batch = try evaluator("x*y", header: "x,y")
        var output = ""
        #expect(throws: DelimitedText.RowError.self) {
            try batch.evaluate(fields: DelimitedText.fields(of: "1", delimiter: ","), into: &output)
        }
        do {
            try batch.evaluate(fields: DelimitedText.fields(of: "1,abc", delimiter: ","), into: &output)
            Issue.record("a row with a word was accepted")
        } catch {
            #expect(error.message == "'abc' in column 2 is not a number")
        }
        do {
            try batch.evaluate(fields: DelimitedText.fields(of: "1,2,3", delimiter: ","), into: &output)
            Issue.record("a row with three fields was accepted")
        } catch {
            #expect(error.message == "this row has 3 fields, the header has 2")
        }
        #expect(output.isEmpty)
        // Rows after a bad one still work.
        try batch.evaluate(fields: DelimitedText.fields(of: "2,5", delimiter: ","), into: &output)
        #expect(output == "2,5,10,5,2\n")
    }

    @Test("bad headers", arguments: [
        ("x*yy", "x,y", "", "the column 'y' is not a variable of the expression, and 'yy' has no value"),
        ("x*y", "x,x", "", "the column 'x' appears twice in the header"),
        ("x*y", "x,y", "y=2", "'y' is both a column and bound on the command line"),
        ("p = x + 1; p * y", "x,p", "y=1", "the column 'p' names a step the program computes, not an input"),
        // A column that is no name is carried; near a variable with no value, it is taken for a misspelling.
        ("x*y", "x,2y", "", "the column '2y' is not a variable of the expression, and 'y' has no value"),
    ])
    func badHeaders(_ program: String, _ header: String, _ bindings: String, _ message: String) throws {
        let diagnostics = userErrors { _ = try evaluator(program, header: header, bindings: bindings) }
        #expect(diagnostics.map(\.diagnostic.message) == [message])
    }

    /// Columns that name no variable are copied, text and all, and never read as numbers.
    @Test func otherColumnsAreCarriedThrough() throws {
        var batch = try evaluator("x*y", header: "id,x,label,y")
        #expect(batch.outputHeader(inputHeader: ["id", "x", "label", "y"]) == "id,x,label,y,value,d_x,d_y")
        #expect(try run(&batch, ["a1,2,first,3", "7,1,,1"]) == "a1,2,first,3,6,3,2\n7,1,,1,1,1,1\n")
        #expect(batch.warnings.map(\.diagnostic.message)
                == ["the columns 'id', 'label' are not variables of the expression: they are copied to each output row"])
    }

    /// CSV as RFC 4180 writes it: a quoted field may hold the delimiter and doubled
    /// quotes, and is carried with its text quoted again as CSV needs; a column whose name
    /// is not a name (`my id`, graddiff's own `d_W[1,2]`) is carried, not refused. (A
    /// quoted comma split the field in two, and such columns were errors.)
    @Test func quotedFieldsAndColumnsThatAreNoNames() throws {
        let header = #"x,"a,b",my id,"d_W[1,2]""#
        let names = DelimitedText.fields(of: Substring(header), delimiter: ",").map(String.init)
        #expect(names == ["x", "a,b", "my id", "d_W[1,2]"])
        var batch = try evaluator("x*2", header: header)
        #expect(batch.outputHeader(inputHeader: names) == #"x,"a,b",my id,"d_W[1,2]",value,d_x"#)
        let rows = [#"1,"q,r","say ""hi""",7"#, #"2, "q" ,a"b,8"#]
        #expect(try run(&batch, rows) == #"1,"q,r","say ""hi""",7,2,2"# + "\n" + #"2,q,"a""b",8,4,2"# + "\n")
        #expect(batch.warnings.map(\.diagnostic.message)
                == ["the columns 'a,b', 'my id', 'd_W[1,2]' are not variables of the expression: they are copied to each output row"])
        // Read back, the output's fields are the input's.
        #expect(DelimitedText.fields(of: #"1,"q,r","say ""hi""",7,2,2"#, delimiter: ",")
                == ["1", "q,r", #"say "hi""#, "7", "2", "2"])
    }

    @Test func layoutsAndChosenGradients() throws {
        func batch(_ layout: BatchEvaluator.Layout, wrt: [String]?) throws -> BatchEvaluator {
            let header = "id,x,y"
            return try BatchEvaluator(program: parseProgram("x*y"), bindings: [], header: ["id", "x", "y"],
                                      headerSource: SourceText(name: "table", text: header), delimiter: ",", outputName: nil,
                                      wrt: wrt, layout: layout)
        }
        var table = try batch(.table, wrt: ["y"])
        #expect(table.outputHeader(inputHeader: ["id", "x", "y"]) == "id,x,y,value,d_y")
        #expect(try run(&table, ["a,2,3"]) == "a,2,3,6,2\n")
        var value = try batch(.numbers, wrt: nil)
        #expect(value.outputHeader(inputHeader: ["id", "x", "y"]) == nil)
        #expect(try run(&value, ["a,2,3"]) == "6\n")
        var gradients = try batch(.numbers, wrt: ["y", "x"])
        #expect(try run(&gradients, ["a,2,3"]) == "2,3\n")
        var json = try batch(.jsonLines, wrt: nil)
        #expect(try run(&json, ["\"a\\b\",nan,3"])
                == "{\"columns\": {\"id\": \"a\\\\b\", \"x\": \"nan\", \"y\": 3}, \"value\": \"nan\", \"gradient\": {\"x\": 3, \"y\": \"nan\"}}\n")
    }

    /// The check at zeros is no row: a kink there is not reported.
    @Test func noKinkWarningFromTheCheck() throws {
        let batch = try evaluator("relu(x)", header: "x")
        #expect(batch.warnings.isEmpty)
    }

    @Test func missingVariableIsAnError() throws {
        let diagnostics = userErrors { _ = try evaluator("x*y", header: "x") }
        #expect(diagnostics.map(\.diagnostic.message) == ["no value for the variable 'y'"])
    }

    @Test("field numbers", arguments: [
        ("1.5", 1.5), ("-2e-3", -0.002), ("+4", 4.0), (".5", 0.5), ("NaN", Double.nan), ("inf", Double.infinity),
        ("-Infinity", -Double.infinity),
    ])
    func fieldNumbers(_ text: String, _ value: Double) {
        let parsed = DelimitedText.number(Substring(text))
        #expect(parsed.map { isClose($0, value, relative: 0) } == true, "\(text) read as \(String(describing: parsed))")
    }

    @Test("field non-numbers", arguments: ["", "abc", "x1", "1,5", "--1"])
    func fieldNonNumbers(_ text: String) {
        #expect(DelimitedText.number(Substring(text)) == nil)
    }

    @Test func fieldsAreTrimmedAndUnquoted() {
        let fields = DelimitedText.fields(of: " 1 ,\"2\", 3\r", delimiter: ",")
        #expect(fields == ["1", "2", "3"])
        #expect(DelimitedText.fields(of: "a,,b", delimiter: ",") == ["a", "", "b"])
    }
}
