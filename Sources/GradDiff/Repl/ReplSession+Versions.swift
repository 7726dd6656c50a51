/// Versions of a name in what a session prints: `x = 5` after `y = x^2` makes `x#2`,
/// and `y` keeps the first `x`.
extension ReplSession {
    /// For each `:wrt` variable the expression does not read while it reads an earlier
    /// version of the same name (`y` reads `x`, `:wrt x` means `x#2`): a note that the
    /// gradient is 0 for that reason, keyed by the expression and the variable so that
    /// the session says it once.
    func earlierVersionNotes(wrt: [NodeID]?, cone: [NodeID], of node: NodeID, in program: Program,
                             span: SourceSpan) -> [(key: String, note: LocatedDiagnostic)] {
        let tape = program.tape
        let read = Set(cone)
        var notes: [(key: String, note: LocatedDiagnostic)] = []
        for variable in wrt ?? [] where !read.contains(variable) {
            let latest = tape.variableNames[Int(tape.first[Int(variable)])]
            let base = Self.baseName(latest)
            guard let earlier = cone.first(where: {
                tape.ops[Int($0)] == .variable && Self.baseName(tape.variableNames[Int(tape.first[Int($0)])]) == base
            }) else { continue }
            let used = tape.variableNames[Int(tape.first[Int(earlier)])]
            func definition(_ node: NodeID, _ name: String) -> String {
                program.defaults[Int(tape.first[Int(node)])].map { "\(name) = \(number($0))" } ?? name
            }
            let message = Message.wrtEarlierVersion(used: definition(earlier, used), latest: definition(variable, latest),
                                                    latestName: latest, name: base)
            notes.append(("\(node) \(variable)", LocatedDiagnostic(Diagnostic(.note, message.text, at: span, help: message.help),
                                                                    in: program.source)))
        }
        return notes
    }

    /// A name without its version: `x` for `x#2`.
    static func baseName(_ name: String) -> Substring {
        name.prefix(while: { $0 != "#" })
    }

    /// The tape of what a session prints as JSON, each variable and step named plainly
    /// (`x`, not `x#2`) when it is the only version of its name there: the keys a
    /// script reads. Two versions side by side keep their marks.
    static func plainNames(_ tape: Tape) -> Tape {
        var tape = tape
        var versions: [Substring: Int] = [:]
        let names = tape.variableNames + Array(tape.stepNames.values)
        for name in Set(names) { versions[baseName(name), default: 0] += 1 }
        func plain(_ name: String) -> String {
            versions[baseName(name)] == 1 ? String(baseName(name)) : name
        }
        tape.variableNames = tape.variableNames.map(plain)
        tape.variableSlots = Dictionary(uniqueKeysWithValues: tape.variableNames.enumerated().map { ($0.element, Int32($0.offset)) })
        tape.stepNames = tape.stepNames.mapValues(plain)
        return tape
    }
}
