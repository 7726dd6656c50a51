/// A message or help line made safe to print: a word longer than `maximumWordLength`
/// characters (an echoed 10^6-character name, field or binding; long enough for any
/// reasonable file path) is cut in the middle,
/// and control characters are shown as their Unicode pictures (␀ for NUL, ␛ for ESC;
/// � for the C1 and bidirectional controls, which have none),
/// so that no diagnostic repeats a huge input or sends raw control bytes to a terminal.
enum MessageText {
    static let maximumWordLength = 120

    static func printable(_ text: String) -> String {
        var result = ""
        var word = ""
        for character in text {
            if character == " " || character == "\n" {
                result += shortened(word)
                result.append(character)
                word = ""
            } else {
                word.append(picture(of: character))
            }
        }
        return result + shortened(word)
    }

    /// `character` itself, or its control picture (one column wide, like the character
    /// it replaces, so carets under a source line stay in place).
    static func picture(of character: Character) -> Character {
        guard character != "\t", let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        switch scalar.value {
        case 0x00...0x1F: return Character(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        // C1 controls have no pictures; raw, U+009B is a terminal's CSI. Bidirectional
        // controls would reorder the line shown around them (U+202E reverses it).
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return character
        }
    }

    private static func shortened(_ word: String) -> String {
        guard word.count > maximumWordLength else { return word }
        return String(word.prefix(maximumWordLength - 8)) + "…" + String(word.suffix(4))
    }
}
