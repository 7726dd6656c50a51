/// A command line's list of names or `name=value` pairs, split at its commas: those
/// outside brackets, so that an element's name (`W[1,2]`) or a vector's value
/// (`x=[1, 0]`) stays whole.
public enum CommaList {
    public static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var part = ""
        var depth = 0
        for character in text {
            switch character {
            case "[": depth += 1
            case "]": depth = Swift.max(0, depth - 1)
            case "," where depth == 0:
                parts.append(part.trimmingSpaces())
                part = ""
                continue
            default: break
            }
            part.append(character)
        }
        parts.append(part.trimmingSpaces())
        return parts
    }

    /// The names of a list given to an option (`--wrt x,W[1, 2]`, `--over`), each as the
    /// tape writes it, empty ones left out.
    public static func names(_ text: String) -> [String] {
        split(text).map(elementName).filter { !$0.isEmpty }
    }

    /// The first name given twice, if any (`--wrt x,x` would print x's gradient twice).
    public static func repeatedName(_ names: [String]) -> String? {
        var seen: Set<String> = []
        return names.first { !seen.insert($0).inserted }
    }

    /// An element's name as the tape writes it (`W[1, 2]` → `W[1,2]`).
    public static func elementName(_ name: String) -> String {
        name.contains("[") ? String(name.filter { $0 != " " }) : name.trimmingSpaces()
    }
}
