/// The catalogue: tables of numbers (`--batch`, `minimize --data`) and their rows.
extension Message {
    static func columnRepeated(_ name: String) -> Message { Message("the column '\(name)' appears twice in the header") }
    static func columnAlsoBound(_ name: String) -> Message {
        Message("'\(name)' is both a column and bound on the command line", help: "remove the binding or the column")
    }
    static func columnNamesStep(_ name: String, suggestion: String?) -> Message {
        Message("the column '\(name)' names a step the program computes, not an input",
                help: didYouMean(suggestion) ?? "remove the column, or use the variable in the expression")
    }
    /// `--batch`: columns that name no variable, copied to each output row.
    static func columnsCarried(_ names: [String]) -> Message {
        Message(names.count == 1
                ? "the column \(NameList.quoted(names)) is not a variable of the expression: it is copied to each output row"
                : "the columns \(NameList.quoted(names)) are not variables of the expression: they are copied to each output row")
    }
    /// `--batch`: carried columns named like ones graddiff writes (a table it wrote, read again).
    static func columnsNamedLikeOutput(_ names: [String], columns: [Int]) -> Message {
        let numbers = columns.map(String.init).joined(separator: ", ")
        return Message(names.count == 1
                       ? "the column \(NameList.quoted(names)) is copied to the output, which writes a column of that name too: the header names it twice"
                       : "the columns \(NameList.quoted(names)) are copied to the output, which writes columns of those names too: the header names them twice",
                       help: "rename or drop the table's column\(names.count == 1 ? "" : "s") \(numbers)")
    }
    /// `minimize --data`: columns that name no variable, which are not read.
    static func columnsUnread(_ names: [String]) -> Message {
        Message(names.count == 1
                ? "the column \(NameList.quoted(names)) is not a variable of the program: it is not read"
                : "the columns \(NameList.quoted(names)) are not variables of the program: they are not read")
    }
    /// `--batch`: a column `yy` where the variable `y` has no value.
    static func columnMisspellsVariable(_ name: String, variable: String) -> Message {
        Message("the column '\(name)' is not a variable of the expression, and '\(variable)' has no value",
                help: "did you mean '\(variable)'? rename the column")
    }
    static func moreColumnProblems(_ count: Int) -> Message {
        Message("\(count) more column\(count == 1 ? " has" : "s have") such problems")
    }
    static func rowWidth(_ fields: Int, header: Int) -> Message {
        Message("this row has \(fields) field\(fields == 1 ? "" : "s"), the header has \(header)",
                help: "every row needs one value per column")
    }
    /// `examples` is how numbers may be written where this table is read.
    /// A quoted field CSV does not allow: no closing quote, or text after it.
    static func fieldQuoteMalformed(closed: Bool) -> Message {
        Message(closed ? "this field has text after its closing quote" : "this field's quote is not closed",
                help: "quote the whole field, \"like this\", writing a quote inside it as \"\"")
    }
    /// A carriage return with text after it in `line` ("row 3", "the header"): the lines of
    /// a table of numbers (`W=@FILE`, `--batch`, `--data`) that end in CR alone, read as one.
    static func carriageReturnInside(_ line: String) -> Message {
        Message("\(line) has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows",
                help: "end each row with a newline, such as with tr '\\r' '\\n' < FILE")
    }
    static func fieldNotANumber(_ field: String, column: Int, examples: String) -> Message {
        Message("'\(field)' in column \(column) is not a number", help: "write numbers such as \(examples)")
    }
    static func moreOutOfRange(_ count: Int) -> Message {
        Message("\(count) more number\(count == 1 ? " is" : "s are") out of a double's range")
    }
    static func tableEmpty(_ name: String) -> Message {
        Message("the data table '\(name)' is empty", help: "its first line names the columns, such as x,y")
    }
    static func tableWithoutRows(_ name: String) -> Message {
        Message("the data table '\(name)' has a header but no rows", help: "add one row per example")
    }
    static func overNamesColumn(_ name: String, suggestion: String?) -> Message {
        Message("--over names '\(name)', which is a column of the data, not a parameter", help: didYouMean(suggestion))
    }
    static func overNamesTwice(_ element: String) -> Message {
        Message("--over names '\(element)' twice (a vector or matrix names each of its elements)",
                help: "name each parameter or element once")
    }
    static func overNamesNoVariable(_ name: String, suggestion: String?) -> Message {
        Message("--over names '\(name)', which is not a variable of the program", help: didYouMean(suggestion))
    }
    /// Nothing to adjust: the program reads no variable at all (`minimize 3`), or every
    /// variable it reads is one of the data's `columns`.
    static func noParameters(columns: [String]) -> Message {
        Message("there are no parameters to minimize over",
                help: columns.isEmpty
                    ? "the program has no variables, so its value is a constant; write one to adjust, such as x in (x - 3)^2"
                    : "every variable is a data column (\(NameList.plain(columns))); the program needs a variable to adjust that no column sets")
    }
}
