import ArgumentParser
import GradDiff

/// The options about vectors and matrices, checked with the others.
extension CommandOptions {
    func validateTensorOptions() throws {
        if elements && startsSession {
            throw ValidationError("--elements applies to one EXPRESSION or -f FILE, not to a session")
        }
        if jacobian && (elements || batch != nil) {
            throw ValidationError("--jacobian prints one table; it cannot be combined with --elements or --batch")
        }
        if jacobian && startsSession {
            throw ValidationError("--jacobian applies to one EXPRESSION or -f FILE, not to a session")
        }
    }

    /// `--wrt` names split at commas outside brackets, so `--wrt 'W[1,2],b'` names two.
    func wrtNames(_ text: String) -> [String] {
        NameListArgument.split(text)
    }
}

/// A list of names given to an option, `--wrt x,y` or `--over 'W[1,2],b'`.
enum NameListArgument {
    /// The names, split at commas outside brackets and trimmed.
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "[" { depth += 1 }
            if character == "]" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        names.append(current)
        return names.map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
    }
}
