/// A parsed program: statements run in order, like a script.
///
///     p = x + y        # a named step
///     g = p * z        # the last statement is the output
///     w = 0.5          # a constant: declares the input w with default 0.5
///     f(a, b) = a*b    # a user function, inlined at each call
///
/// Reassigning a name makes a new version (`c`, `c#2`, `c#3`) that later statements
/// see, while earlier uses keep the old one.
public struct Program: Sendable {
    public var source: SourceText
    /// The tape with its index of nodes, kept so that the next statements (a REPL entry)
    /// merge with it without rebuilding the index.
    var builder: TapeBuilder
    public var tape: Tape { builder.tape }
    /// The node of the last statement's value (nil for a program of definitions only).
    public var output: NodeID?
    /// Inputs declared with a default value (`w = 0.5`), by variable slot.
    public var defaults: [Int: Double] = [:]
    /// Where each input was declared, by variable slot.
    public var declarations: [Int: SourceSpan] = [:]
    /// The latest version of every named step and input: name → node.
    public var names: [String: NodeID] = [:]
    /// Every statement's name and node, in order (for `--output` and unused-step warnings).
    public var steps: [(name: String, node: NodeID, span: SourceSpan)] = []
    public var functions = FunctionLibrary()
    /// How many versions of each assigned name exist (for `c#2`, `c#3`).
    public var versionCounts: [String: Int] = [:]
    public var warnings: [Diagnostic] = []

    public init(source: SourceText, tape: Tape = Tape()) {
        self.source = source
        self.builder = TapeBuilder(continuing: tape, indexed: false)
    }
}

/// Reads a program's statements one by one onto a tape.
public struct ProgramParser {
    /// Parses the whole of `source` as a program.
    public static func parse(_ source: SourceText, nodeLimit: Int = Parser.defaultNodeLimit) throws(UserError) -> Program {
        var program = Program(source: SourceText(name: source.name, bytes: []))
        try parse(source, into: &program, nodeLimit: nodeLimit)
        // Nothing more will be merged into it unless someone parses more, who pays for the index then.
        program.builder.dropIndex()
        return program
    }

    /// Parses `source` as more statements of `program` (a REPL line, a loaded file).
    /// The program's text grows by a line holding `source`, so every node's span still
    /// points into `program.source`. On error `program` is unchanged. With
    /// `recordingStatements` (a REPL's "what did this line define?") it returns the
    /// statements in order, their spans in `program.source` too; otherwise nothing, so
    /// that a program of a million statements does not keep a million records.
    @discardableResult
    public static func parse(_ source: SourceText, into program: inout Program, nodeLimit: Int = Parser.defaultNodeLimit,
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
    public static func parse(_ source: SourceText, into program: inout Program, journal: inout ProgramJournal,
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
        // The parser works on the program's own builder, names and functions, moved in
        // and out (a copy would make every entry cost the whole session).
        swap(&parser.builder, &program.builder)
        swap(&parser.environment, &program.names)
        swap(&parser.functions, &program.functions)
        parser.nodeLimit = nodeLimit
        defer {
            swap(&parser.builder, &program.builder)
            swap(&parser.environment, &program.names)
            swap(&parser.functions, &program.functions)
        }
        var statements: [Statement] = []
        while true {
            while parser.check(.semicolon) || parser.check(.newline) { try parser.advance() }
            if parser.check(.end) { break }
            let statement = try statement(&parser, &program, &journal)
            if recordingStatements { statements.append(statement) }
            if parser.builder.tape.count > nodeLimit {
                throw parser.error("the graph has more than \(nodeLimit) nodes, the limit", at: parser.current.span,
                                   help: "raise it with --max-nodes N, or write a smaller expression")
            }
            switch parser.current.kind {
            case .semicolon, .newline, .end:
                break
            case .equals:
                throw parser.error("unexpected '='", at: parser.current.span,
                                   help: "only a name can be assigned: write name = expression")
            case .rightParen:
                throw parser.error("unmatched ')'", at: parser.current.span, help: "remove it, or add '(' before it")
            default:
                throw parser.error("unexpected \(parser.current.describe(in: source)) after the expression",
                                   at: parser.current.span,
                                   help: parser.current.kind == .comma ? "',' separates function arguments" : "separate statements with ';' or a newline")
            }
        }
        program.warnings += parser.lexer.warnings
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
        let (node, span) = try parser.parseExpression()
        program.steps.append((name: "", node: node, span: span))
        program.output = node
        return Statement(kind: .expression, name: "", span: span, node: node)
    }

    /// If the tokens at the cursor read `name(a, b, …) =`, the parameter names and spans.
    private static func functionHeader(_ parser: Parser) throws(UserError) -> [(String, SourceSpan)]? {
        var lexer = parser.lexer
        guard try lexer.next().kind == .leftParen else { return nil }
        var parameters: [(String, SourceSpan)] = []
        var token = try lexer.next()
        if token.kind == .rightParen { return try lexer.next().kind == .equals ? [] : nil }
        while token.kind == .identifier {
            parameters.append((parser.source.text(of: token.span), token.span))
            token = try lexer.next()
            if token.kind == .rightParen { return try lexer.next().kind == .equals ? parameters : nil }
            guard token.kind == .comma else { return nil }
            token = try lexer.next()
        }
        return nil
    }

    /// Built-in function names cannot be redefined; a built-in constant may be shadowed
    /// (micrograd's example names a step `e`), with a warning naming the constant.
    private static func checkNameIsFree(_ name: String, at span: SourceSpan, _ parser: Parser, _ program: inout Program) throws(UserError) {
        if Op.constant(named: name) != nil, parser.environment[name] == nil {
            program.warnings.append(.warning("'\(name)' shadows the built-in constant \(name); later statements mean this definition",
                                             at: span, help: "rename it to keep the constant"))
        }
        if Op.function(named: name) != nil {
            throw parser.error("'\(name)' is a built-in function and cannot be redefined", at: span, help: "use another name")
        }
    }

    private static func assignment(_ name: String, nameSpan: SourceSpan, _ parser: inout Parser, _ program: inout Program,
                                   _ journal: inout ProgramJournal) throws(UserError) -> Statement {
        try checkNameIsFree(name, at: nameSpan, parser, &program)
        if parser.functions[name] != nil {
            throw parser.error("'\(name)' is already a function", at: nameSpan, help: "use another name for the step")
        }
        if parser.check(.semicolon) || parser.check(.newline) || parser.check(.end) {
            throw parser.error("expected an expression after '\(name) ='", at: parser.current.span,
                               help: "write \(name) = expression")
        }
        let countBefore = parser.builder.tape.count
        let (node, span) = try parser.parseExpression()
        let versioned = versionedName(name, &program, &journal, parser.builder)
        if let constantNodes = constantSubgraph(parser.builder.tape, node, firstNew: countBefore) {
            // A constant declares an input with that default; its nodes are dropped.
            let value = evaluate(parser.builder.tape, constantNodes, node)
            parser.builder.truncate(to: countBefore)
            let variable = parser.builder.variable(versioned, at: nameSpan)
            let slot = Int(parser.builder.tape.first[Int(variable)])
            program.defaults[slot] = value
            program.declarations[slot] = nameSpan.union(span)
            journal.willRebind(name, from: parser.environment[name])
            parser.environment[name] = variable
            program.steps.append((name: versioned, node: variable, span: nameSpan.union(span)))
            program.output = variable
            return Statement(kind: .input, name: name, version: versioned, span: nameSpan.union(span), node: variable)
        }
        // `q = x` or `q = p` makes an alias: the node keeps the name it has.
        if parser.builder.tape.ops[Int(node)] != .variable, parser.builder.tape.stepNames[node] == nil {
            journal.willRename(node, from: parser.builder.tape.stepNames[node])
            parser.builder.name(node, versioned)
        }
        journal.willRebind(name, from: parser.environment[name])
        parser.environment[name] = node
        program.steps.append((name: versioned, node: node, span: nameSpan.union(span)))
        program.output = node
        return Statement(kind: .step, name: name, version: versioned, span: nameSpan.union(span), node: node)
    }

    /// The nodes `node` depends on, in tape order, if none of them is a variable. The
    /// search stops at any older node other than a constant, so a long program costs
    /// linear time: such a node was made by an earlier statement that read a variable
    /// (a rare older node of constants only, reused by merging, makes a step instead).
    private static func constantSubgraph(_ tape: Tape, _ node: NodeID, firstNew: Int) -> [NodeID]? {
        var stack = [node]
        var seen = Set<NodeID>()
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            let op = tape.ops[Int(id)]
            if op == .variable || (Int(id) < firstNew && op != .constant) { return nil }
            stack += tape.inputs(of: id)
        }
        return seen.sorted()
    }

    /// The value of `node` computed over just `nodes` (its constant subgraph).
    private static func evaluate(_ tape: Tape, _ nodes: [NodeID], _ node: NodeID) -> Double {
        var values: [NodeID: Double] = [:]
        for id in nodes {
            let index = Int(id)
            let op = tape.ops[index]
            if op == .constant {
                values[id] = tape.constants[Int(tape.first[index])]
            } else {
                let b = tape.second[index] >= 0 ? values[tape.second[index]]! : 0
                values[id] = op.value(values[tape.first[index]]!, b)
            }
        }
        return values[node]!
    }

    /// `name` for its first definition, `name#2`, `name#3`, … after. A free variable
    /// read before the first assignment counts as the first version.
    private static func versionedName(_ name: String, _ program: inout Program, _ journal: inout ProgramJournal,
                                      _ builder: TapeBuilder) -> String {
        journal.willCount(name, from: program.versionCounts[name])
        var earlier = program.versionCounts[name] ?? 0
        if earlier == 0, builder.existingVariable(name) != nil { earlier = 1 }
        program.versionCounts[name] = earlier + 1
        return earlier == 0 ? name : "\(name)#\(earlier + 1)"
    }

    private static func definition(
        _ name: String, nameSpan: SourceSpan, parameters: [(String, SourceSpan)],
        _ parser: inout Parser, _ program: inout Program
    ) throws(UserError) -> Statement {
        try checkNameIsFree(name, at: nameSpan, parser, &program)
        if parser.environment[name] != nil {
            throw parser.error("'\(name)' is already a step or input", at: nameSpan, help: "use another name for the function")
        }
        for (index, (parameter, span)) in parameters.enumerated() {
            if Op.function(named: parameter) != nil {
                throw parser.error("'\(parameter)' is a built-in function and cannot name a parameter", at: span,
                                   help: "use another name")
            }
            if Op.constant(named: parameter) != nil {
                program.warnings.append(.warning("the parameter '\(parameter)' shadows the built-in constant \(parameter) inside \(name)",
                                                 at: span, help: "rename it to use the constant in the body"))
            }
            if parameters[..<index].contains(where: { $0.0 == parameter }) {
                throw parser.error("the parameter '\(parameter)' appears twice", at: span, help: "give each parameter its own name")
            }
        }
        // Skip the header: name ( params ) =
        while !parser.check(.equals) { try parser.advance() }
        try parser.advance()
        if parser.check(.semicolon) || parser.check(.newline) || parser.check(.end) {
            throw parser.error("expected the body of \(name) after '='", at: parser.current.span)
        }
        var body = parser
        body.builder = TapeBuilder()
        body.nodeLimit = parser.nodeLimit
        body.environment = [:]
        for (parameter, span) in parameters {
            body.environment[parameter] = body.builder.variable(parameter, at: span)
        }
        body.functions = parser.functions
        body.recursionGuard = name
        body.deferredCalls = [:]
        let (output, bodySpan) = try body.parseExpression()
        let template = FunctionTemplate(name: name, parameters: parameters.map(\.0), body: body.builder.tape,
                                        output: output, calls: body.deferredCalls ?? [:])
        parser.replaceLexer(with: body)
        // Drop the body's copy of the table first, so adding to it does not copy it:
        // 10^5 definitions stay linear.
        body.functions = FunctionLibrary()
        parser.functions.define(template)
        return Statement(kind: .function, name: name, span: nameSpan.union(bodySpan), node: nil)
    }
}
