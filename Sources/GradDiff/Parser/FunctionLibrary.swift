/// Every user function a program has defined, in order of definition; a name means its
/// latest definition. A function's body refers to the functions it calls by their index
/// here, so a redefinition leaves earlier callers as they were, and a chain of 10^5
/// functions each calling the one before is a flat list, not 10^5 nested values
/// (whose release alone would recurse once per level).
struct FunctionLibrary: Sendable {
    private(set) var templates: [FunctionTemplate] = []
    private var latest: [String: Int] = [:]
    /// For each template, the definition of its name it replaced (for `truncate`).
    private var replaced: [Int?] = []

    init() {}

    var isEmpty: Bool { latest.isEmpty }
    /// The names that can be called.
    var names: Dictionary<String, Int>.Keys { latest.keys }

    /// The latest definition of `name`.
    subscript(name: String) -> FunctionTemplate? {
        latest[name].map { templates[$0] }
    }

    /// The index of the latest definition of `name`.
    func index(of name: String) -> Int? { latest[name] }

    subscript(index: Int) -> FunctionTemplate { templates[index] }

    /// Whether the latest definition of `name` replaced an earlier one.
    func redefines(_ name: String) -> Bool {
        latest[name].map { replaced[$0] != nil } ?? false
    }

    /// Adds `template`, which from now on is what its name calls.
    mutating func define(_ template: FunctionTemplate) {
        replaced.append(latest[template.name])
        latest[template.name] = templates.count
        templates.append(template)
    }

    /// Forgets the definitions from the `count`-th on, so each name means what it
    /// meant before them.
    mutating func truncate(to count: Int) {
        while templates.count > count {
            let template = templates.removeLast()
            latest[template.name] = replaced.removeLast()
        }
    }
}
