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
    public var tape: Tape
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
    public var functions: [String: FunctionTemplate] = [:]
    public var warnings: [Diagnostic] = []

    public init(source: SourceText, tape: Tape = Tape()) {
        self.source = source
        self.tape = tape
    }
}

/// Reads a program's statements one by one onto a tape.
public struct ProgramParser {
    /// Parses the whole of `source` as a program.
    public static func parse(_ source: SourceText) throws(UserError) -> Program {
        var program = Program(source: source)
        try parse(source, into: &program)
        return program
    }

    /// Parses `source` as more statements of `program` (a REPL line, a loaded file).
    /// On error `program` is unchanged.
    public static func parse(_ source: SourceText, into program: inout Program) throws(UserError) {
        var working = program
        working.source = source
        var parser = try Parser(source: source, builder: TapeBuilder(continuing: program.tape))
        parser.functions = program.functions
        while true {
            while parser.check(.semicolon) || parser.check(.newline) { try parser.advance() }
            if parser.check(.end) { break }
            try statement(&parser, &working)
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
        working.tape = parser.builder.tape
        working.functions = parser.functions
        working.warnings += parser.lexer.warnings
        program = working
    }

    private static func statement(_ parser: inout Parser, _ program: inout Program) throws(UserError) {
        let start = parser.current
        if start.kind == .identifier {
            let name = parser.source.text(of: start.span)
            let next = try parser.peek()
            if next.kind == .equals {
                try parser.advance()
                try parser.advance()
                try assignment(name, nameSpan: start.span, &parser, &program)
                return
            }
            if next.kind == .leftParen, let parameters = try functionHeader(parser) {
                try definition(name, nameSpan: start.span, parameters: parameters, &parser, &program)
                return
            }
        }
        parser.environment = program.names
        let (node, span) = try parser.parseExpression()
        program.steps.append((name: "", node: node, span: span))
        program.output = node
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
        if Op.constant(named: name) != nil, program.names[name] == nil {
            program.warnings.append(.warning("'\(name)' shadows the built-in constant \(name); later statements mean this definition",
                                             at: span, help: "rename it to keep the constant"))
        }
        if Op.function(named: name) != nil {
            throw parser.error("'\(name)' is a built-in function and cannot be redefined", at: span, help: "use another name")
        }
    }

    private static func assignment(_ name: String, nameSpan: SourceSpan, _ parser: inout Parser, _ program: inout Program) throws(UserError) {
        try checkNameIsFree(name, at: nameSpan, parser, &program)
        if program.functions[name] != nil {
            throw parser.error("'\(name)' is already a function", at: nameSpan, help: "use another name for the step")
        }
        if parser.check(.semicolon) || parser.check(.newline) || parser.check(.end) {
            throw parser.error("expected an expression after '\(name) ='", at: parser.current.span,
                               help: "write \(name) = expression")
        }
        let versioned = versionedName(name, program)
        parser.environment = program.names
        let countBefore = parser.builder.tape.count
        let (node, span) = try parser.parseExpression()
        if let constantNodes = constantSubgraph(parser.builder.tape, node) {
            // A constant declares an input with that default; its nodes are dropped.
            let value = evaluate(parser.builder.tape, constantNodes, node)
            parser.builder.truncate(to: countBefore)
            let variable = parser.builder.variable(versioned, at: nameSpan)
            let slot = Int(parser.builder.tape.first[Int(variable)])
            program.defaults[slot] = value
            program.declarations[slot] = nameSpan.union(span)
            program.names[name] = variable
            program.steps.append((name: name, node: variable, span: nameSpan.union(span)))
        } else {
            parser.builder.name(node, versioned)
            program.names[name] = node
            program.steps.append((name: name, node: node, span: nameSpan.union(span)))
        }
        program.output = program.names[name]
    }

    /// The nodes `node` depends on, in tape order, if none of them is a variable.
    private static func constantSubgraph(_ tape: Tape, _ node: NodeID) -> [NodeID]? {
        var stack = [node]
        var seen = Set<NodeID>()
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            if tape.ops[Int(id)] == .variable { return nil }
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

    /// `name` for its first definition, `name#2`, `name#3`, … after.
    private static func versionedName(_ name: String, _ program: Program) -> String {
        guard program.names[name] != nil else { return name }
        let count = program.steps.filter { $0.name == name }.count
        return "\(name)#\(count + 1)"
    }

    private static func definition(
        _ name: String, nameSpan: SourceSpan, parameters: [(String, SourceSpan)],
        _ parser: inout Parser, _ program: inout Program
    ) throws(UserError) {
        try checkNameIsFree(name, at: nameSpan, parser, &program)
        if program.names[name] != nil {
            throw parser.error("'\(name)' is already a step or input", at: nameSpan, help: "use another name for the function")
        }
        for (index, (parameter, span)) in parameters.enumerated() {
            try checkNameIsFree(parameter, at: span, parser, &program)
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
        body.environment = [:]
        for (parameter, span) in parameters {
            body.environment[parameter] = body.builder.variable(parameter, at: span)
        }
        body.functions = parser.functions
        body.recursionGuard = name
        let (output, _) = try body.parseExpression()
        let tape = body.builder.tape
        var captures: [NodeID?] = []
        for slot in parameters.count..<tape.variableNames.count {
            captures.append(program.names[tape.variableNames[slot]])
        }
        parser.replaceLexer(with: body)
        parser.functions[name] = FunctionTemplate(
            name: name, parameters: parameters.map(\.0), body: tape, output: output, captures: captures)
        program.functions = parser.functions
    }
}
