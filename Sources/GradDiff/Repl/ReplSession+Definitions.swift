/// The commands about the session's definitions: `:vars`, `:unset`, `:clear`, `:load`
/// and `:save`.
extension ReplSession {
    /// `:vars`: inputs with values, steps with their expressions, functions, and the
    /// variables still without a value. Every version shows (`x`, `x#2`): earlier
    /// definitions may still use an old one.
    func variables() -> ReplReply {
        var reply = ReplReply()
        let tape = program.tape
        let values = SessionValues(program)
        // Each line with where it was defined: scalars and vectors in the order typed.
        var inputs: [(at: Int32, line: String)] = []
        var steps: [(at: Int32, line: String)] = []
        for step in program.steps where !step.name.isEmpty {
            let label = step.name
            let node = Int(step.node)
            if tape.ops[node] == .variable, let value = program.defaults[Int(tape.first[node])] {
                // `w = x` names the input x again: a step, shown as what it names.
                let input = tape.variableNames[Int(tape.first[node])]
                if input == label {
                    inputs.append((step.span.start, "\(label) = \(number(value))"))
                } else {
                    steps.append((step.span.start, "\(label) = \(input) = \(number(value))"))
                }
            } else {
                let missing = values.missingVariables(of: step.node)
                steps.append((step.span.start, "\(label) = \(stepText(step.node, span: step.span, in: program, values: values))"
                              + (missing.isEmpty ? " = \(number(values.value(of: step.node)))" : "  (needs \(NameList.plain(missing)))")))
            }
        }
        // Vectors and matrices: an input's numbers, a step's text and numbers.
        for step in program.tensors.steps where !step.name.isEmpty {
            let elements = program.tensors.elements(of: step.node)
            let shape = program.tensors[step.node].shape
            let missing = elements.flatMap { values.missingVariables(of: $0) }
            let numbers = missing.isEmpty
                ? " = " + TensorValueText.oneLine(elements.map { values.value(of: $0) }, shape, number: number) : ""
            let isInput = elements.allSatisfy { tape.ops[Int($0)] == .variable && program.defaults[Int(tape.first[Int($0)])] != nil }
            if isInput {
                inputs.append((step.span.start, step.name + numbers))
            } else {
                let text = DefinitionText.oneLine(program.source.text(of: step.span))
                let formula = text.firstIndex(of: "=").map { String(text[text.index(after: $0)...]).trimmingSpaces() } ?? text
                steps.append((step.span.start, "\(step.name) = \(formula)"
                              + (missing.isEmpty ? numbers : "  (needs \(NameList.plain(Array(Set(missing)).sorted())))")))
            }
        }
        // Functions as typed (on one line), every definition: one a later one replaced is
        // still what the definitions between them call.
        var later = Set<String>()
        let functions = definitions.reversed().filter { $0.kind == .function }.map { definition in
            DefinitionText.oneLine(definition.text) + (later.insert(definition.name).inserted ? "" : "  (earlier version)")
        }.reversed().map { $0 }
        let unbound = tape.variableNames.indices.filter { program.defaults[$0] == nil }.map { tape.variableNames[$0] }
        let (inputLines, stepLines) = (inputs.sorted { $0.at < $1.at }.map(\.line), steps.sorted { $0.at < $1.at }.map(\.line))
        for (title, lines) in [("inputs", inputLines), ("steps", stepLines), ("functions", functions), ("no value yet", unbound)]
            where !lines.isEmpty {
            reply.output += title + "\n" + lines.map { "  \($0)\n" }.joined()
        }
        if reply.output.isEmpty {
            reply.output = "nothing defined yet: x = 1 binds an input, p = x + y defines a step\n"
        }
        return reply
    }

    /// `:unset NAME`: drops every definition of NAME (every version) and replays the
    /// others. Refused while a later definition is written in terms of NAME.
    mutating func unset(_ argument: Argument) -> ReplReply {
        let name = argument.text
        guard !name.isEmpty else { return argument.error(.commandNeedsArgument("unset", what: "a name", usage: ":unset NAME")) }
        guard let first = definitions.firstIndex(where: { $0.name == name }) else {
            let suggestion = NameSuggestion.nearest(to: name, among: definitions.map(\.name))
            let isFree = program.tape.variableSlot(named: name) != nil
            return argument.error(.unsetUndefined(name, isFree: isFree, suggestion: suggestion))
        }
        let drawsRandomNumbers = definitions.contains { $0.name == name && Self.reads($0.text, name: "randn") }
        var replayed = Program(source: SourceText(name: sourceName, text: ""))
        var replayedText = SessionText()
        for (index, definition) in definitions.enumerated() where definition.name != name {
            let source = SourceText(name: definition.sourceName, text: definition.text, firstLine: definition.line)
            let piece = SessionText.piece(source, after: replayed.source)
            let wasFree = replayed.tape.variableSlot(named: name) != nil
            do throws(UserError) {
                try ProgramParser.parse(source, into: &replayed, nodeLimit: nodeLimit)
            } catch {
                return argument.error(.unsetInUse(name, by: definition.name))
            }
            if index > first, !wasFree, replayed.tape.variableSlot(named: name) != nil {
                return argument.error(.unsetInUse(name, by: definition.name))
            }
            // A constant's name (`pi = 3`) read later would silently mean the constant again.
            if index > first, Op.constant(named: name) != nil, Self.reads(definition.text, name: name) {
                return argument.error(.unsetInUse(name, by: definition.name))
            }
            // Draws come from one stream in order: a later randn would get the unset one's numbers.
            if index > first, drawsRandomNumbers, Self.reads(definition.text, name: "randn") {
                return argument.error(.unsetRedraws(name, by: definition.name))
            }
            replayedText.append(piece)
        }
        let removed = definitions.count(where: { $0.name == name })
        replayed.warnings = []
        program = replayed
        sourceMap = replayedText
        lastExpression = nil
        definitions.removeAll { $0.name == name }
        var reply = ReplReply()
        if confirmsDefinitions {
            reply.output = "unset \(name)\(removed == 1 ? "" : " (\(removed) versions)")\n"
        }
        return reply
    }

    /// `:clear`: forgets every definition; format, precision and :wrt stay.
    mutating func clear() -> ReplReply {
        var reply = ReplReply()
        if confirmsDefinitions { reply.output = "cleared \(definitions.count) definition\(definitions.count == 1 ? "" : "s")\n" }
        program = Program(source: SourceText(name: sourceName, text: ""))
        sourceMap = SessionText()
        definitions = []
        lastExpression = nil
        return reply
    }

    /// `:load FILE`: the file's statements as one entry (all or nothing); its
    /// expressions print their tables.
    mutating func load(_ argument: Argument) -> ReplReply {
        guard !argument.text.isEmpty else { return argument.error(.commandNeedsArgument("load", what: "a file name", usage: ":load FILE")) }
        let path = unquoted(argument.text)
        let bytes: [UInt8]
        do throws(ReplFileError) {
            bytes = try files.read(path)
        } catch {
            return argument.error(Message(error.message, help: error.help))
        }
        let before = definitions.count
        var reply = runStatements(SourceText(name: path, bytes: bytes), confirming: false)
        if reply.failed {
            // A file that does not load may be anything the user can read (a key, a
            // .env file): its diagnostics name it, the line and the column, and quote
            // none of its lines, whoever typed or piped in the :load.
            for index in reply.diagnostics.indices { reply.diagnostics[index].quotesSource = false }
        } else if confirmsDefinitions {
            let count = definitions.count - before
            reply.output += "loaded \(count) definition\(count == 1 ? "" : "s") from \(path)\n"
        }
        return reply
    }

    /// `:save FILE`: the definitions as typed, one statement a line, which `-f` and
    /// `:load` read back into the same inputs, steps, functions and versions. FILE must
    /// not exist yet unless `replacing` (`:save! FILE`).
    func save(_ argument: Argument, replacing: Bool) -> ReplReply {
        let command = replacing ? "save!" : "save"
        guard !argument.text.isEmpty else {
            return argument.error(.commandNeedsArgument(command, what: "a file name", usage: ":\(command) FILE"))
        }
        let path = unquoted(argument.text)
        let text = "# graddiff session: inputs, steps and functions in the order they were defined\n"
            + definitions.map { $0.text + "\n" }.joined()
        do throws(ReplFileError) {
            try files.write(text, to: path, replacing: replacing)
        } catch {
            return argument.error(Message(error.message, help: error.fileExists ? "write :save! \(argument.text) to replace it" : error.help))
        }
        var reply = ReplReply()
        if confirmsDefinitions {
            reply.output = "saved \(definitions.count) definition\(definitions.count == 1 ? "" : "s") to \(path)\n"
        }
        return reply
    }

    /// A file name as typed, without one level of surrounding quotes.
    func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Whether `text` reads `name` as a name (not as part of a longer one).
    static func reads(_ text: String, name: String) -> Bool {
        Lexer.readsName(in: SourceText(name: "", text: text)) { $0 == name }
    }
}
