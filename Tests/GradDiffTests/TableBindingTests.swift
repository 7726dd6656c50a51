import Testing
@testable import GradDiff

/// `W=@FILE`: a table of numbers read as a vector or matrix, by the same number reader
/// and with the same line and field ends as a batch table.
struct TableBindingTests {
    static func read(_ text: String) throws(UserError) -> (TensorValue, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let value = try TensorValue.parseTable(SourceText(name: "t.csv", text: text), warnings: &warnings)
        return (value, warnings)
    }

    static func error(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.diagnostics.first?.diagnostic.message
        }
    }

    @Test func crlfLinesAreLines() throws {
        let (matrix, warnings) = try Self.read("1,2\r\n3,4\r\n")
        #expect(matrix.dimensions == [2, 2] && matrix.values == [1, 2, 3, 4] && warnings.isEmpty)
        let (spaced, _) = try Self.read("# weights\r\n\r\n 1;2\t3 \r\n")
        #expect(spaced.dimensions == [3] && spaced.values == [1, 2, 3])
    }

    /// A file whose lines end in CR alone is refused: the CR read as a blank, so a 2×2
    /// matrix became a 4-element vector, silently.
    @Test func lineEndsOfCarriageReturnAloneAreRefused() {
        #expect(Self.error("1,2\r3,4\r") == "row 1 has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows")
        #expect(Self.error("1,2\n3\r4\n") == "row 2 has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows")
        // Behind a comment line, the rows were read as the comment ("holds no numbers").
        #expect(Self.error("# weights\r1,2\r3,4\r") == "row 1 has a carriage return inside it: lines that end in CR alone (an old Mac file) are not rows")
    }

    /// A comma followed by a combining mark still ends the field: the mark is a field
    /// of its own, and not a number (as a Character, the two were one and no field ended).
    @Test func aCombiningMarkAfterACommaIsAFieldOfItsOwn() {
        #expect(Self.error("1,\u{301}\n") == "'\u{301}' in row 1, column 2 is not a number")
    }

    @Test func hexadecimalIsRefusedAndOutOfRangeWarns() throws {
        #expect(Self.error("0x10,1\n2,3\n") == "'0x10' in row 1, column 1 is hexadecimal, which graddiff does not read")
        #expect(Self.error("1,0x1p-2\n") == "'0x1p-2' in row 1, column 2 is hexadecimal, which graddiff does not read")
        let (value, warnings) = try Self.read("1e400,-1e400\n1e-400,NaN\n")
        #expect(value.values[0] == .infinity && value.values[1] == -.infinity && value.values[2] == 0 && value.values[3].isNaN)
        #expect(warnings.map(\.message) == [
            "'1e400' in row 1, column 1 of 't.csv' is too large for a double and becomes inf",
            "'-1e400' in row 1, column 2 of 't.csv' is too large for a double and becomes inf",
            "'1e-400' in row 2, column 1 of 't.csv' is too small for a double and becomes 0",
        ])
    }

    /// An empty field is refused: `1,,2` was read as [1, 2], silently a narrower matrix.
    @Test func anEmptyFieldIsRefused() throws {
        #expect(Self.error("1,,2\n3,4\n") == "row 1, column 2 is empty")
        #expect(Self.error("1,2\n3,4,\n") == "row 2, column 3 is empty")
        #expect(Self.error(",1\n") == "row 1, column 1 is empty")
        #expect(Self.error("1;;2\n") == "row 1, column 2 is empty")
        // Blanks around a separator, or as the separator, are not fields.
        #expect(try Self.read("1 , 2\n3 ,4\n").0.values == [1, 2, 3, 4])
        #expect(try Self.read("1  2\n3\t4\n").0.values == [1, 2, 3, 4])
    }
}
