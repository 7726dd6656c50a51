/// Tables whose lines end in CR alone (an old Mac file): every line of it is read as one,
/// the header or a row, and the error it would get otherwise (a misspelt column, a row
/// too wide) names the CR instead.
extension DelimitedText {
    /// The error for a header line holding a carriage return with text after it, outside
    /// quotes, pointed at the CR: the table's lines end in CR alone (an old Mac file), and
    /// the whole table was read as its header (the last row's field blamed as a column
    /// that names no variable). A CR in a quoted field is data; one at the line's end (CRLF)
    /// is a blank.
    public static func carriageReturnLineEnds(inHeader line: Substring, lineNumber: Int = 1, name: String,
                                              delimiter: Character) -> LocatedDiagnostic? {
        carriageReturnLineEnds(in: line, described: "the header", lineNumber: lineNumber, name: name, delimiter: delimiter)
    }

    /// `carriageReturnLineEnds(inHeader:…)` for any line, named in the message as `described`.
    static func carriageReturnLineEnds(in line: Substring, described: String, lineNumber: Int, name: String,
                                       delimiter: Character) -> LocatedDiagnostic? {
        let bytes = Array(line.utf8)
        let carriageReturn = UInt8(ascii: "\r")
        var found: Int?
        forEachUnquoted(bytes, separator: delimiter.asciiValue ?? UInt8(ascii: ",")) { index, byte in
            guard byte == carriageReturn, bytes[(index + 1)...].contains(where: { !isBlank($0) && $0 != UInt8(ascii: "\t") }) else { return true }
            found = index
            return false
        }
        if let found {
            return LocatedDiagnostic(.error(.carriageReturnInside(described), at: SourceSpan(start: found, end: found + 1)),
                                     in: SourceText(name: name, bytes: bytes, firstLine: lineNumber))
        }
        return nil
    }
}
