/// Text inside HTML or SVG (the page, the loss plot): `&`, `<`, `>` and `"` written as
/// entities, so any name or formula shows as written, in elements and attribute values.
enum MarkupText {
    static func escaped<Text: StringProtocol>(_ text: Text) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}
