/// `:explain`, `:diff`, `:hessian`, `:check` and `:render`: what the command line's
/// `--explain`, `graddiff diff`, `--hessian`, `--check` and `--render` print, for the
/// last expression typed or for one given after the command.
extension ReplSession {
    mutating func analyze(_ command: ReplCommand, _ argument: Argument) -> ReplReply {
        var words = Substring(argument.text)
        func takeWord() -> String {
            let word = words.prefix(while: { $0 != " " && $0 != "\t" })
            words = words.dropFirst(word.count).drop(while: { $0 == " " || $0 == "\t" })
            return String(word)
        }
        var pass = ExplainPass.backward
        var path: String?
        if command.name == .explain {
            let word = String(words.prefix(while: { $0 != " " && $0 != "\t" }))
            if let chosen = ExplainPass(rawValue: word) {
                pass = chosen
                _ = takeWord()
            } else if let near = NameSuggestion.nearest(to: word, among: ExplainPass.allCases.map(\.rawValue)),
                      program.names[word] == nil && program.tape.variableSlot(named: word) == nil {
                return argument.error(.unknownPass(word, suggestion: near))
            }
        }
        if command.name == .render {
            path = takeWord()
            if path!.isEmpty {
                return argument.error(.commandNeedsArgument("render", what: "a file name", usage: ":render FILE.html [EXPR] (or .svg, .png, .pdf)"))
            }
        }
        var reply = ReplReply()
        // The session as it was: a command that fails leaves it so, the expression it
        // was given included (a refused :render made its expression the last one).
        let before = self
        var given = ReplReply()
        if !words.isEmpty {
            // The expression given runs as an entry of its own (so its errors point into it)
            // and becomes the last expression; its table is not printed.
            lastExpression = nil
            let (text, shown, span) = typedInPlace(words, of: argument)
            given = runStatements(text, printing: false, shown: shown)
            if given.failed {
                self = before
                return given
            }
            guard lastExpression != nil else {
                // Only definitions (`:check p = x*2`), or a vector or matrix (`:check [x, 2*x]`),
                // which has no single gradient: the command must not go on with the
                // expression before it.
                let defined = definitions[before.definitions.count...].map(\.name)
                self = before
                if given.vectorsAndMatrices == 0, !defined.isEmpty {
                    return argument.error(.commandNeedsExpression(":\(command.name.rawValue)", String(words), defines: defined), at: span)
                }
                return argument.error(.commandNeedsScalar(String(words)), at: span)
            }
        }
        guard let last = lastExpression else {
            return argument.error(.noExpressionYet(command.usage))
        }
        do throws(UserError) {
            let prepared = try prepare(last.node, in: program, span: last.span, entryStart: program.source.bytes.count,
                                       journal: ProgramJournal(program))
            try Interruption.check()
            try show(command.name, prepared, pass: pass, path: path, into: &reply)
        } catch {
            reply.fail(error)
        }
        // The given expression's own are in its line already: moved again, they pointed
        // as many bytes too early as the session's text before it held.
        reply.diagnostics = given.diagnostics + reply.diagnostics.map { sourceMap.relocate($0) }
        if reply.failed {
            let diagnostics = reply.diagnostics
            self = before
            reply.diagnostics = diagnostics
        }
        return reply
    }

    private func show(_ command: ReplCommand.Name, _ prepared: PreparedExpression, pass: ExplainPass, path: String?,
                      into reply: inout ReplReply) throws(UserError) {
        let result = prepared.evaluation.result
        let options = prepared.options
        let json = format == .json
        switch command {
        case .explain:
            let explanation = ExplainFormatter(result, options)
            reply.output += format == .markdown ? explanation.renderMarkdown(pass) : explanation.render(pass)
        case .diff:
            let formulas = try DerivativeFormulas(prepared.program, output: result.output, wrt: options.wrt,
                                                  variables: prepared.evaluation.variableValues, notation: .program,
                                                  nodeLimit: nodeLimit)
            reply.output += json ? formulas.jsonReport() : formulas.programReport()
        case .hessian:
            let variables = result.reportedVariables(options)
            guard variables.count <= nodeLimit / max(1, variables.count) else {
                throw UserError(.error(.hessianTooLarge(variables.count, limit: nodeLimit)), in: nil)
            }
            let hessian = try Hessian.compute(result, slots: variables.map(\.slot), nodeLimit: nodeLimit)
            let names = variables.map(\.name)
            reply.output += json ? DerivativeReport.hessianJSON(names, hessian)
                                 : DerivativeReport.hessianTable(names, hessian, digits: options.precision)
        case .check:
            let tolerance = GradientCheck.defaultTolerance
            // Only the :wrt variables, as :hessian and :diff take them.
            let slots = options.wrt == nil ? nil : result.reportedVariables(options).map(\.slot)
            let check = GradientCheck(result, slots: slots, tolerance: tolerance)
            reply.output += json ? DerivativeReport.checkJSON(check, tolerance: tolerance)
                                 : DerivativeReport.checkTable(check, digits: options.precision)
            if !check.passed {
                let failed = check.rows.filter { $0.verdict == .fail }.map(\.name)
                reply.diagnostics.append(LocatedDiagnostic(.warning(.checkFailed(failed, tolerance: tolerance)), in: nil))
            }
        case .render:
            guard let path else { return }
            do throws(ReplFileError) {
                reply.diagnostics += try files.render(prepared.evaluation, options: options, to: unquoted(path))
                    .map { LocatedDiagnostic($0, in: nil) }
            } catch {
                throw UserError(.error(Message(error.message, help: error.help)), in: nil)
            }
            if confirmsDefinitions {
                let count = prepared.evaluation.tape.count
                tell("drew the last expression's graph (\(count) node\(count == 1 ? "" : "s")) into \(unquoted(path))\n", in: &reply)
            }
        default:
            break
        }
    }

    /// The expression given after a command, as the text to run: blanks in place of
    /// what precedes it on the line (one a character, so the columns its messages name,
    /// such as "the '(' at column 8", are the typed line's), shown against the line as
    /// typed; and its span in that line.
    private func typedInPlace(_ words: Substring, of argument: Argument) -> (SourceText, shown: (line: SourceText, offset: Int), span: SourceSpan) {
        let start = Int(argument.span.start) + argument.text.utf8.distance(from: argument.text.startIndex, to: words.startIndex)
        let bytes = argument.source.bytes
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let blanks = String(repeating: " ", count: String(decoding: bytes[lineStart..<start], as: UTF8.self).count)
        let text = SourceText(name: argument.source.name, text: blanks + words,
                              firstLine: argument.source.location(of: start).line)
        return (text, (argument.source, start - blanks.utf8.count), SourceSpan(start: start, end: start + words.utf8.count))
    }
}
