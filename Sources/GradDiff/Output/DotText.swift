/// Text inside Graphviz DOT: quoted strings and record labels, so any name, number or
/// formula (quotes, backslashes, braces, Unicode) reaches the picture as written.
enum DotText {
    /// A DOT double-quoted string: `"` and `\` escaped (Graphviz would otherwise read
    /// `\N` as the node's name), `&` written `&amp;` (Graphviz decodes HTML entities in
    /// labels), a newline as Graphviz's `\n`, other control characters as spaces.
    static func quoted(_ text: String) -> String {
        "\"" + escaped(text, recordSpecials: false) + "\""
    }

    /// One field of a record label: as `quoted`, and `{ } | < >` escaped too, since in a
    /// record they split fields and name ports. A space right after a non-ASCII
    /// character is written `&#32;`: Graphviz's record parser (2.43 at least) moves such
    /// a space to the end of the field, and decodes entities only after parsing.
    static func recordField(_ text: String) -> String {
        escaped(text, recordSpecials: true)
    }

    private static func escaped(_ text: String, recordSpecials: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case " " where recordSpecials && !previous.isASCII:
                output += "&#32;"
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "&": output += "&amp;"
            case "\n": output += "\\n"
            case _ where recordSpecials && "{}|<>".unicodeScalars.contains(scalar):
                output += "\\"
                output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                output += " "
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
