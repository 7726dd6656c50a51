/// "Did you mean …?": the candidate closest to a misspelled name, if it is close enough
/// to be a plausible typo (an edit distance of at most a third of the name, and at most 2).
public enum NameSuggestion {
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = Swift.min(2, Swift.max(1, name.count / 3))
        let typed = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        // The distance is at least the difference in length: a name far longer than every
        // candidate (10^6 characters) is compared with none of them.
        for candidate in candidates where candidate != name && abs(candidate.count - typed.count) <= limit {
            let distance = editDistance(typed, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Whether `candidate` is close enough to `typed` to be suggested for it: a
    /// suggestion made elsewhere held to this rule.
    public static func isPlausible(_ candidate: String, for typed: String) -> Bool {
        nearest(to: typed, among: [candidate]) != nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// swaps of two neighbours each cost 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
