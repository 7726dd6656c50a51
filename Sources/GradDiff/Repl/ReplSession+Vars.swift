/// `:vars`: the session's definitions listed, as text or, in a json session, as one
/// JSON object:
///
///     {"inputs": {"x": 1, "W": [[1, 2], [3, 4]]},
///      "steps": {"p": {"text": "x + y", "value": 4}, "q": {"text": "x * z", "value": null, "needs": ["z"]}},
///      "functions": ["f(a, b) = a*b"], "no_value": ["z"]}
///
/// Numbers in JSON are exact (shortest round-trip), not rounded to the precision.
extension ReplSession {
    /// One input or step: where it was defined, its line of text and its JSON member.
    private struct Entry {
        var at: Int32
        var line: String
        var json: String
    }

    /// Inputs with values, steps with their expressions, functions, and the variables
    /// still without a value. Every version shows (`x`, `x#2`): earlier definitions may
    /// still use an old one.
    func variables() -> ReplReply {
        var reply = ReplReply()
        let tape = program.tape
        let values = SessionValues(program)
        // Each entry with where it was defined: scalars and vectors in the order typed.
        var inputs: [Entry] = []
        var steps: [Entry] = []
        func step(_ name: String, _ text: String, numbers: (text: String, json: String)?, needs missing: [String]) -> Entry {
            let json = "{\"text\": \(JSONFormatter.string(text)), \"value\": \(numbers?.json ?? "null")"
                + (missing.isEmpty ? "" : ", \"needs\": \(JSONFormatter.strings(missing))") + "}"
            return Entry(at: 0, line: "\(name) = \(text)" + (numbers.map { " = \($0.text)" } ?? "  (needs \(NameList.plain(missing)))"),
                         json: "\(JSONFormatter.string(name)): \(json)")
        }
        for definition in program.steps where !definition.name.isEmpty {
            let label = definition.name
            let node = Int(definition.node)
            var entry: Entry
            if tape.ops[node] == .variable, let value = program.defaults[Int(tape.first[node])] {
                // `w = x` names the input x again: a step, shown as what it names.
                let input = tape.variableNames[Int(tape.first[node])]
                let numbers = (number(value), JSONFormatter.number(value))
                if input == label {
                    inputs.append(Entry(at: definition.span.start, line: "\(label) = \(numbers.0)",
                                        json: "\(JSONFormatter.string(label)): \(numbers.1)"))
                    continue
                }
                entry = step(label, input, numbers: numbers, needs: [])
            } else {
                let missing = values.missingVariables(of: definition.node)
                let value = values.value(of: definition.node)
                entry = step(label, stepText(definition.node, span: definition.span, in: program, values: values),
                             numbers: missing.isEmpty ? (number(value), JSONFormatter.number(value)) : nil, needs: missing)
            }
            entry.at = definition.span.start
            steps.append(entry)
        }
        // Vectors and matrices: an input's numbers, a step's text and numbers.
        for definition in program.tensors.steps where !definition.name.isEmpty {
            let elements = program.tensors.elements(of: definition.node)
            let shape = program.tensors[definition.node].shape
            let missing = missingVariables(of: Array(elements), values)
            let numbers = elements.map { values.value(of: $0) }
            let isInput = elements.allSatisfy { tape.ops[Int($0)] == .variable && program.defaults[Int(tape.first[Int($0)])] != nil }
            if isInput {
                inputs.append(Entry(at: definition.span.start,
                                    line: definition.name + " = " + TensorValueText.oneLine(numbers, shape, number: number),
                                    json: "\(JSONFormatter.string(definition.name)): \(TensorValueText.json(numbers, shape))"))
            } else {
                let text = DefinitionText.oneLine(program.source.text(of: definition.span))
                let formula = text.firstIndex(of: "=").map { String(text[text.index(after: $0)...]).trimmingSpaces() } ?? text
                var entry = step(definition.name, formula, numbers: missing.isEmpty
                    ? (TensorValueText.oneLine(numbers, shape, number: number), TensorValueText.json(numbers, shape)) : nil,
                                 needs: missing)
                entry.at = definition.span.start
                steps.append(entry)
            }
        }
        inputs.sort { $0.at < $1.at }
        steps.sort { $0.at < $1.at }
        // Functions as typed (on one line), every definition: one a later one replaced is
        // still what the definitions between them call.
        // (JSON lists them as typed, in order: a later one of a name replaced the earlier.)
        var later = Set<String>()
        let typed = definitions.filter { $0.kind == .function }
        let functions = typed.reversed().map { definition in
            DefinitionText.oneLine(definition.text) + (later.insert(definition.name).inserted ? "" : "  (earlier version)")
        }.reversed().map { $0 }
        let unbound = tape.variableNames.indices.filter { program.defaults[$0] == nil }.map { tape.variableNames[$0] }
        if format == .json {
            func object(_ entries: [Entry]) -> String { "{" + entries.map(\.json).joined(separator: ", ") + "}" }
            reply.output = "{\"inputs\": \(object(inputs)), \"steps\": \(object(steps)), "
                + "\"functions\": \(JSONFormatter.strings(typed.map { DefinitionText.oneLine($0.text) })), \"no_value\": \(JSONFormatter.strings(unbound))}\n"
            return reply
        }
        for (title, lines) in [("inputs", inputs.map(\.line)), ("steps", steps.map(\.line)), ("functions", functions),
                               ("no value yet", unbound)] where !lines.isEmpty {
            reply.output += title + "\n" + lines.map { "  \($0)\n" }.joined()
        }
        if reply.output.isEmpty {
            reply.output = "nothing defined yet: x = 1 binds an input, p = x + y defines a step\n"
        }
        return reply
    }
}
