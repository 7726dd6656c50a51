/// The commands about the session's definitions: `:unset`, `:clear`, `:load` and
/// `:save` (`:vars` is `ReplSession+Vars.swift`).
extension ReplSession {
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
            tell("unset \(name)\(removed == 1 ? "" : " (\(removed) versions)")\n", in: &reply)
        }
        return reply
    }

    /// `:clear`: forgets every definition; format, precision and :wrt stay.
    mutating func clear() -> ReplReply {
        var reply = ReplReply()
        if confirmsDefinitions { tell("cleared \(definitions.count) definition\(definitions.count == 1 ? "" : "s")\n", in: &reply) }
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
            tell("loaded \(count) definition\(count == 1 ? "" : "s") from \(path)\n", in: &reply)
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
            tell("saved \(definitions.count) definition\(definitions.count == 1 ? "" : "s") to \(path)\n", in: &reply)
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
