/// `f(a, b) = body`: a user function, its body read onto a tape of its own whose first
/// variables are the parameters.
extension ProgramParser {
    static func functionHeader(_ parser: Parser) throws(UserError) -> [(String, SourceSpan)]? {
        var lexer = parser.lexer
        guard try lexer.next().kind == .leftParen else { return nil }
        // Inside the parentheses a newline ends nothing, as in any group: `f(a,` then `b) = …`.
        func nextInside() throws(UserError) -> Token {
            var token = try lexer.next()
            while token.kind == .newline { token = try lexer.next() }
            return token
        }
        var parameters: [(String, SourceSpan)] = []
        var token = try nextInside()
        if token.kind == .rightParen { return try lexer.next().kind == .equals ? [] : nil }
        while token.kind == .identifier {
            parameters.append((parser.source.text(of: token.span), token.span))
            token = try nextInside()
            if token.kind == .rightParen { return try lexer.next().kind == .equals ? parameters : nil }
            guard token.kind == .comma else { return nil }
            token = try nextInside()
        }
        return nil
    }

    /// Built-in function names cannot be redefined; a built-in constant may be shadowed
    /// (micrograd's example names a step `e`), with a warning naming the constant.

    static func definition(
        _ name: String, nameSpan: SourceSpan, parameters: [(String, SourceSpan)],
        _ parser: inout Parser, _ program: inout Program
    ) throws(UserError) -> Statement {
        try checkNameIsFree(name, at: nameSpan, parser, &program)
        if parser.context.scope[name] != nil {
            throw parser.error(.functionNamedLikeStep(name), at: nameSpan)
        }
        for (index, (parameter, span)) in parameters.enumerated() {
            if Op.function(named: parameter) != nil {
                throw parser.error(.builtInFunctionAsParameter(parameter), at: span)
            }
            if Op.constant(named: parameter) != nil {
                program.warnings.append(.warning(.parameterShadowsConstant(parameter, in: name), at: span))
            }
            if parameters[..<index].contains(where: { $0.0 == parameter }) {
                throw parser.error(.parameterRepeated(parameter), at: span)
            }
        }
        // Skip the header: name ( params ) =
        while !parser.check(.equals) { try parser.advance() }
        try parser.advance()
        if parser.check(.semicolon) || parser.check(.newline) || parser.check(.end) {
            throw parser.error(.functionWithoutBody(name), at: parser.current.span)
        }
        var body = parser
        body.context = ParseContext()
        body.context.tensors.boundShapes = parser.context.tensors.shapesByName()
        body.nodeLimit = parser.nodeLimit
        for (parameter, span) in parameters {
            body.context.scope[parameter] = body.context.builder.variable(parameter, at: span)
        }
        body.context.functions = parser.context.functions
        body.recursionGuard = name
        body.deferredCalls = [:]
        let (output, bodySpan) = try body.parseExpression()
        let template = FunctionTemplate(name: name, parameters: parameters.map(\.0), body: body.context.builder.tape,
                                        output: output, calls: body.deferredCalls ?? [:])
        parser.replaceLexer(with: body)
        // Drop the body's copy of the table first, so adding to it does not copy it:
        // 10^5 definitions stay linear.
        body.context.functions = FunctionLibrary()
        parser.context.functions.define(template)
        return Statement(kind: .function, name: name, span: nameSpan.union(bodySpan), node: nil)
    }
}
