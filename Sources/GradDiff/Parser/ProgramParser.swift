/// Reads a program's statements one by one onto a tape.
public struct ProgramParser {
    /// Parses the whole of `source` as a program.
    /// `bindings` give the shapes of free names bound to a vector or matrix (`x=[1, 2]`),
    /// and `seed` the numbers `randn` draws.
    public static func parse(_ source: SourceText, nodeLimit: Int = Parser.defaultNodeLimit, bindings: [Binding] = [],
                             seed: UInt64 = 1) throws(UserError) -> Program {
        var program = Program(source: SourceText(name: source.name, bytes: []))
        program.prepareTensors(bindings: bindings, seed: seed)
        // Sized from the text: a node takes 4 to 10 bytes of it in practice, a distinct
        // constant 13 to 30. The tape's arrays are only reserved (no memory until
        // written); the constants' hash table is written at once, but growing it costs
        // more (every constant placed again, and both tables held meanwhile), so it
        // starts at the guess for the densest literals, a term of a sum: `x*1.001 + `.
        program.context.builder.reserveCapacity(Swift.min(source.bytes.count / 4, nodeLimit),
                                                constants: Swift.min(source.bytes.count / 13, nodeLimit))
        try parsePrefaulting(source, into: &program, nodeLimit: nodeLimit)
        // Nothing more will be merged into it unless someone parses more, who pays for the index then.
        program.builder.dropIndex()
        return program
    }

    /// `parse(_:into:nodeLimit:)`, with the tape's next pages faulted in on another core
    /// when the text is large (`PagePrefaulter`).
    private static func parsePrefaulting(_ source: SourceText, into program: inout Program, nodeLimit: Int) throws(UserError) {
        guard source.bytes.count >= PagePrefaulter.smallestText, Threads.available > 1, let prefaulter = PagePrefaulter.make() else {
            try parse(source, into: &program, nodeLimit: nodeLimit)
            return
        }
        var failure: UserError?
        Threads.perform(2, others: { _ in prefaulter.run() }, here: { started in
            defer { prefaulter.finish() }
            if started > 0 { program.context.builder.prefault(with: prefaulter) }
            do throws(UserError) { try parse(source, into: &program, nodeLimit: nodeLimit) } catch { failure = error }
            program.context.builder.prefault(with: nil)
        })
        if let failure { throw failure }
    }

    /// Parses `source` as more statements of `program` (a REPL line, a loaded file).
    /// The program's text grows by a line holding `source`, so every node's span still
    /// points into `program.source`. On error `program` is unchanged. With
    /// `recordingStatements` (a REPL's "what did this line define?") it returns the
    /// statements in order, their spans in `program.source` too; otherwise nothing, so
    /// that a program of a million statements does not keep a million records.
    @discardableResult
    static func parse(_ source: SourceText, into program: inout Program, nodeLimit: Int = Parser.defaultNodeLimit,
                             recordingStatements: Bool = false) throws(UserError) -> [Statement] {
        var journal = ProgramJournal(program)
        do {
            return try parse(source, into: &program, journal: &journal, nodeLimit: nodeLimit,
                             recordingStatements: recordingStatements)
        } catch {
            program.restore(journal)
            throw error
        }
    }

    /// `parse(_:into:nodeLimit:recordingStatements:)` for a caller that may undo the
    /// entry later (a REPL whose expression then fails): `program.restore(journal)` puts
    /// back what the program was when `journal` was made. The program is changed in
    /// place, so an entry costs its own length, not the session's.
    static func parse(_ source: SourceText, into program: inout Program, journal: inout ProgramJournal,
                             nodeLimit: Int = Parser.defaultNodeLimit,
                             recordingStatements: Bool = false) throws(UserError) -> [Statement] {
        let offset: Int
        if program.source.bytes.isEmpty {
            program.source = source
            offset = 0
        } else {
            offset = program.source.appendLine(source.bytes)
        }
        var parser = try Parser(source: program.source, startingAt: offset)
        // The parser works on the program's own context, moved in and out (a copy would
        // make every entry cost the whole session).
        swap(&parser.context, &program.context)
        parser.nodeLimit = nodeLimit
        parser.context.expansionWork = 0
        parser.context.recentNames.forget()
        defer { swap(&parser.context, &program.context) }
        var statements: [Statement] = []
        while true {
            while parser.check(.semicolon) || parser.check(.newline) { try parser.advance() }
            if parser.check(.end) { break }
            let statement = try statement(&parser, &program, &journal)
            if recordingStatements { statements.append(statement) }
            if parser.context.builder.tape.count > nodeLimit {
                throw parser.error(.graphTooLarge(nodeLimit), at: parser.current.span)
            }
            switch parser.current.kind {
            case .semicolon, .newline, .end:
                break
            case .equals:
                throw parser.error(.misplacedEquals, at: parser.current.span)
            case .rightParen:
                throw parser.error(.unmatchedParenthesis, at: parser.current.span)
            case .rightBracket:
                throw parser.error(.bracketOutsideLiteral, at: parser.current.span)
            default:
                throw parser.error(.unexpectedAfterExpression(parser.current.describe(in: parser.source), isComma: parser.current.kind == .comma),
                                   at: parser.current.span)
            }
        }
        program.warnings += parser.lexer.warnings
        if parser.lexer.unshownWarnings > 0 {
            program.warnings.append(.warning(.moreOutOfRange(parser.lexer.unshownWarnings)))
        }
        return statements
    }

    private static func statement(_ parser: inout Parser, _ program: inout Program,
                                  _ journal: inout ProgramJournal) throws(UserError) -> Statement {
        let start = parser.current
        if start.kind == .identifier {
            let name = parser.source.text(of: start.span)
            let next = try parser.peek()
            if next.kind == .equals {
                try parser.advance()
                try parser.advance()
                return try assignment(name, nameSpan: start.span, &parser, &program, &journal)
            }
            if next.kind == .leftParen, let parameters = try functionHeader(parser) {
                return try definition(name, nameSpan: start.span, parameters: parameters, &parser, &program)
            }
        }
        let operand = try parser.parseOperand()
        if operand.tensor >= 0 { return tensorExpression(operand, &parser, &program) }
        let (node, span) = (parser.materialize(operand), operand.span)
        parser.context.tensors.scalarStatement(named: nil)
        program.steps.append((name: "", node: node, span: span))
        program.output = node
        return Statement(kind: .expression, name: "", span: span, node: node)
    }

    /// If the tokens at the cursor read `name(a, b, …) =`, the parameter names and spans.

    static func checkNameIsFree(_ name: String, at span: SourceSpan, _ parser: Parser, _ program: inout Program) throws(UserError) {
        if Op.constant(named: name) != nil, parser.context.scope[name] == nil {
            program.warnings.append(.warning(.constantShadowed(name), at: span))
        }
        if Op.function(named: name) != nil {
            throw parser.error(.builtInFunctionRedefined(name), at: span)
        }
    }
}
