/// The REPL's commands (`:help`, `:format json`, …): parsing a command entry and the
/// commands that change settings. The table of commands is `ReplCommand.all`.
extension ReplSession {
    mutating func runCommand(_ source: SourceText) -> ReplReply {
        let bytes = source.bytes
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        var end = start + 1
        while end < bytes.count, !isBlank(bytes[end]) { end += 1 }
        let wordSpan = SourceSpan(start: start, end: end)
        let word = String(source.text(of: wordSpan).dropFirst())
        var argumentStart = end
        while argumentStart < bytes.count, isBlank(bytes[argumentStart]) { argumentStart += 1 }
        var argumentEnd = bytes.count
        while argumentEnd > argumentStart, isBlank(bytes[argumentEnd - 1]) { argumentEnd -= 1 }
        let argument = Argument(text: source.text(of: SourceSpan(start: argumentStart, end: argumentEnd)),
                                span: SourceSpan(start: argumentStart, end: max(argumentEnd, argumentStart + 1)), source: source)

        guard let command = ReplCommand.named(word) else {
            var reply = ReplReply()
            let names = ReplCommand.all.map(\.name.rawValue)
            reply.fail(.error(.unknownCommand(word, suggestion: NameSuggestion.nearest(to: word, among: names)), at: wordSpan),
                       in: source)
            return reply
        }
        // A command whose output the format cannot carry is refused, as its option is.
        if let formats = command.name.printableFormats, !formats.contains(format) {
            return argument.error(.commandCannotPrint(command.usage, in: format.rawValue, formats: formats.map(\.rawValue)))
        }
        switch command.name {
        case .help: return help(argument)
        case .vars: return noArgument(command, argument) ?? variables()
        case .unset: return unset(argument)
        case .clear: return noArgument(command, argument) ?? clear()
        case .format: return setFormat(argument)
        case .precision: return setPrecision(argument)
        case .wrt: return setWrt(argument)
        case .explain, .diff, .hessian, .check, .render: return analyze(command, argument)
        case .load: return load(argument)
        case .save: return save(argument, replacing: false)
        case .saveReplacing: return save(argument, replacing: true)
        case .quit:
            var reply = noArgument(command, argument) ?? ReplReply()
            reply.quits = !reply.failed
            return reply
        }
    }

    /// What follows a command's name, with its place for diagnostics.
    struct Argument {
        var text: String
        var span: SourceSpan
        var source: SourceText

        /// A failed reply with `message`, under the whole argument or under `part` of it.
        func error(_ message: Message, at part: SourceSpan? = nil) -> ReplReply {
            var reply = ReplReply()
            reply.fail(.error(message, at: part ?? span), in: source)
            return reply
        }
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private func noArgument(_ command: ReplCommand, _ argument: Argument) -> ReplReply? {
        guard !argument.text.isEmpty else { return nil }
        return argument.error(.commandTakesNoArgument(command.name.rawValue, usage: command.usage))
    }

    private func help(_ argument: Argument) -> ReplReply {
        var reply = ReplReply()
        if argument.text.isEmpty {
            tell(ReplCommand.overview, in: &reply)
        } else if let text = ReplCommand.help(argument.text) {
            tell(text, in: &reply)
        } else {
            let suggestion = NameSuggestion.nearest(to: argument.text, among: ReplCommand.topicNames)
            return argument.error(.noHelpTopic(argument.text, suggestion: suggestion, topics: ReplCommand.topicNames))
        }
        return reply
    }

    private mutating func setFormat(_ argument: Argument) -> ReplReply {
        let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        var reply = ReplReply()
        if argument.text.isEmpty {
            tell("format \(format.rawValue) (one of \(names))\n", in: &reply)
        } else if let chosen = OutputFormat(rawValue: argument.text.lowercased()) {
            if options.wrt != nil && !chosen.honoursWrt { return argument.error(.wrtIgnoredByFormat(chosen.rawValue)) }
            format = chosen
        } else {
            return argument.error(.unknownFormat(argument.text, formats: names))
        }
        return reply
    }

    private mutating func setPrecision(_ argument: Argument) -> ReplReply {
        var reply = ReplReply()
        if argument.text.isEmpty {
            tell("precision \(options.precision) significant digits\n", in: &reply)
        } else if let digits = Int(argument.text), (1...17).contains(digits) {
            options.precision = digits
        } else {
            return argument.error(.precisionOutOfRange(argument.text))
        }
        return reply
    }

    /// `:wrt x,y` (commas or blanks between names, as `--wrt` a vector or matrix whole or
    /// an element, `W[1,2]`); `:wrt` alone goes back to every node.
    private mutating func setWrt(_ argument: Argument) -> ReplReply {
        var depth = 0
        let separated = String(argument.text.map { character -> Character in
            if character == "[" { depth += 1 } else if character == "]" { depth = Swift.max(0, depth - 1) }
            return depth == 0 && (character == " " || character == "\t") ? "," : character
        })
        let names = CommaList.names(separated)
        // Commas alone name nothing: an error, as with --wrt, not every node again.
        if names.isEmpty, separated.contains(",") { return argument.error(.wrtNotAName(argument.text)) }
        if let repeated = CommaList.repeatedName(names) { return argument.error(.wrtNamesTwice(repeated, option: ":wrt")) }
        guard !names.isEmpty else {
            options.wrt = nil
            var reply = ReplReply()
            if confirmsDefinitions { tell("expressions print every node again\n", in: &reply) }
            return reply
        }
        if let bad = names.first(where: { !Binding.isIdentifier(String($0.prefix { $0 != "[" })) }) {
            return argument.error(.wrtNotAName(bad))
        }
        if !format.honoursWrt { return argument.error(.wrtIgnoredByFormat(format.rawValue)) }
        options.wrt = names
        var reply = ReplReply()
        if confirmsDefinitions {
            tell("expressions print only the gradients with respect to \(names.joined(separator: ", ")) (:wrt alone: every node)\n",
                 in: &reply)
        }
        let tape = program.tape
        for name in names where program.names[name] == nil && tape.variableSlot(named: name) == nil
            && program.tensors.input(named: name) == nil {
            reply.diagnostics.append(LocatedDiagnostic(.warning(.wrtNotYetAVariable(name), at: argument.span), in: argument.source))
        }
        return reply
    }
}
