import Testing

/// A batch table's header decides how its fields are read. `--format` chooses the
/// delimiter too; a header that has only the other one is named as the problem (it was
/// read as one column, and the error was a variable with no value). A carried column
/// named like one graddiff writes (a table it wrote, read again) is a warning.
struct BatchHeaderTests {
    @Test(arguments: [
        (["--format", "tsv"], "x,y\n1,2\n", "with --format tsv the table is read with tabs between fields, but its header has commas and no tab"),
        (["--format", "csv"], "x\ty\n1\t2\n", "with --format csv the table is read with commas between fields, but its header has tabs and no comma"),
    ])
    func aHeaderWithTheOtherDelimiterIsNamed(_ format: [String], _ table: String, _ message: String) throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*y"] + format, input: table)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("<stdin>:1:2: error: \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("help: leave out --format"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A quoted field that CSV does not allow is refused: "1"2 was read as 12 and an
    /// unclosed quote ran to the line's end, silently. The column and caret point at the
    /// text after the closing quote, or at the quote left open (they pointed at the
    /// field's text, under the 1 of "1"2). Doubled quotes and blanks around a field stay fine.
    @Test(arguments: [
        ("x,id\n1,\"a\n", "<stdin>:2:3: error: this field's quote is not closed", "   |   ^\n"),
        ("x\n\"1\"2\n", "<stdin>:2:4: error: this field has text after its closing quote", "   |    ^\n"),
        ("x,id\n2,\"a\"bc\n", "<stdin>:2:6: error: this field has text after its closing quote", "   |      ^~\n"),
        ("x\n \"1\" 2 \n", "<stdin>:2:6: error: this field has text after its closing quote", "   |      ^\n"),
    ])
    func aMalformedQuotedFieldIsRefused(_ table: String, _ error: String, _ caret: String) throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*2"], input: table)
        #expect(result.status == 65)
        #expect(result.stderr.contains(error), "\(result.stderr)")
        #expect(result.stderr.contains(caret), "\(result.stderr)")
        let fine = try GraddiffProcess.run(["--batch", "-", "x*2"], input: "x,id\n2,\"a \"\"b\"\", c\"\n3, \"d\" \n")
        #expect(fine.status == 0 && fine.stdout == "x,id,value,d_x\n2,\"a \"\"b\"\", c\",4,2\n3,d,6,2\n", "\(fine.stderr)")
    }

    /// A blank first line is named as the problem (it was a column named '', "did you
    /// mean 'x'? rename the column").
    @Test func aBlankFirstLineIsNamed() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*2"], input: "\nx\n1\n")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("<stdin>:1:1: error: the batch input's first line is blank: it must name the columns"), "\(result.stderr)")
    }

    /// A header with semicolons is named as the problem (it said the variables had no values).
    @Test func aHeaderWithSemicolonsIsNamed() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x;y\n1;2\n")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("<stdin>:1:2: error: the header has semicolons between its names, but fields are read with commas or tabs between them"),
                "\(result.stderr)")
        // A column whose name holds a semicolon but names no variable is carried, as before.
        for table in ["\"a;b\"\nq\n", "note;id\nq\n"] {
            let carried = try GraddiffProcess.run(["--batch", "-", "x*2", "x=3"], input: table)
            #expect(carried.status == 0, "\(table): \(carried.stderr)")
        }
    }

    /// A table whose lines end in CR alone (an old Mac file) is named as such, at the
    /// first CR (it was read as one header line, "the column '4' is not a variable ...
    /// rename the column"). CRLF lines, and a CR in a quoted field, stay fine.
    @Test func carriageReturnLineEndsAreNamed() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\r1,2\r3,4\r")
        #expect(result.status == 65 && result.stdout.isEmpty)
        #expect(result.stderr == """
            <stdin>:1:4: error: the header has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows
             1 | x,y\u{240D}1,2\u{240D}3,4
               |    ^
            help: end each row with a newline, such as with tr '\\r' '\\n' < FILE

            """, "\(result.stderr)")
        let crlf = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\r\n1,2\r\n3,4\r\n")
        #expect(crlf.status == 0 && crlf.stdout == "x,y,value,d_x,d_y\n1,2,2,2,1\n3,4,12,4,3\n", "\(crlf.stderr)")
        let quoted = try GraddiffProcess.run(["--batch", "-", "x*2"], input: "x,\"a\rb\"\n1,2\n")
        #expect(quoted.status == 0 && quoted.stdout.hasSuffix("\n1,2,2,2\n"), "\(quoted.stderr)")
    }

    /// Rows that end in CR alone after a header that ends in LF are named as such, at
    /// the row's first CR: they had been read as one row and blamed for its width, or a
    /// one-column row as no number. A row too wide without one keeps its message.
    @Test func carriageReturnRowEndsAreNamed() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\n1,2\r3,4\r")
        #expect(result.status == 65)
        #expect(result.stderr == """
            <stdin>:2:4: error: this row has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows
             2 | 1,2\u{240D}3,4
               |    ^
            help: end each row with a newline, such as with tr '\\r' '\\n' < FILE

            """, "\(result.stderr)")
        let column = try GraddiffProcess.run(["--batch", "-", "x*2"], input: "x\n1\r2\r")
        #expect(column.status == 65 && column.stderr.hasPrefix("<stdin>:2:2: error: this row has a carriage return inside it"),
                "\(column.stderr)")
        let wide = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x,y\n1,2,3\n")
        #expect(wide.stderr.hasPrefix("<stdin>:2:1: error: this row has 3 fields, the header has 2"), "\(wide.stderr)")
    }

    /// A tab after a quoted field of a CSV row is a blank, not text after the quote.
    @Test func aTabAroundAQuotedFieldIsABlank() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*2"], input: "x,id\n1,\"a\"\t\n")
        #expect(result.status == 0 && result.stdout.hasPrefix("x,id,value,d_x\n1,a"), "\(result.stdout) \(result.stderr)")
    }

    /// One column, no delimiter at all: either reading is the same.
    @Test func aOneColumnTableTakesEitherFormat() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*2", "--format", "tsv"], input: "x\n1\n")
        #expect(result.status == 0 && result.stdout == "x\tvalue\td_x\n1\t2\t2\n", "\(result.stderr)")
    }

    /// A vector bound on the command line gives its elements values: a column such as
    /// "v[1]" is no misspelling of one of them, and is carried (it was refused, "'v[2]'
    /// has no value").
    @Test func aColumnNamedLikeABoundVectorsElementIsCarried() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "sum(v)*x", "v=[1,2]"], input: "\"v[1]\",x\n3,1\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "v[1],x,value,d_v[1],d_v[2],d_x\n3,1,3,1,1,3\n", "\(result.stdout)")
    }

    @Test func aCarriedColumnNamedLikeAnOutputColumnIsAWarning() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x^2"], input: "x,value,id,d_x\n1,5,a,6\n")
        #expect(result.status == 0)
        #expect(result.stdout == "x,value,id,d_x,value,d_x\n1,5,a,6,1,2\n")
        #expect(result.stderr.contains("""
            warning: the columns 'value', 'd_x' are copied to the output, which writes columns of those names too: the header names them twice
            """), "\(result.stderr)")
        #expect(result.stderr.contains("help: rename or drop the table's columns 2, 4"), "\(result.stderr)")
        let plain = try GraddiffProcess.run(["--batch", "-", "x^2"], input: "x,id\n1,a\n")
        #expect(!plain.stderr.contains("warning"), "\(plain.stderr)")
        // JSON Lines keeps the carried columns apart: nothing is named twice.
        let json = try GraddiffProcess.run(["--batch", "-", "x^2", "--format", "json"], input: "x,value\n1,5\n")
        #expect(json.status == 0 && !json.stderr.contains("warning"), "\(json.stderr)")
    }
}
