import GradDiff

/// The one check of an option's list of names (`--wrt x,y`, `--output p,q`), before any
/// program is read: no name empty (a comma at an end, or two together) and none twice,
/// which would print its row or line twice.
enum NameListCheck {
    /// `noun` says what the names are (variable, step); `example` is a list of two.
    static func validate(_ text: String?, option: String, noun: String, example: String) throws {
        guard let text else { return }
        // Commas inside brackets are an element's (`--wrt W[1,2],b`).
        let names = CommaList.split(text).map(CommaList.elementName)
        if names.allSatisfy(\.isEmpty) {
            throw ValidationError("\(option) needs \(noun) names separated by commas, such as \(option) \(example)")
        }
        if names.contains(where: \.isEmpty) {
            throw ValidationError("\(option) '\(text)' has an empty name; separate \(noun) names with single commas, such as \(option) \(example)")
        }
        if let name = CommaList.repeatedName(names) {
            throw ValidationError("\(option) names '\(name)' twice; name each \(noun) once")
        }
    }
}
