/// The parser's errors, each said the way a person thinks of the problem, with the
/// span to underline and a fix where one is plain.
extension Parser {
    func nodeLimitError() -> UserError {
        Parser.nodeLimitError(nodeLimit, at: current.span, in: source)
    }

    static func nodeLimitError(_ limit: Int, at span: SourceSpan, in source: SourceText) -> UserError {
        UserError(.error(.graphTooLarge(limit), at: span), in: source)
    }

    func arityError(_ name: String, _ callee: Callee, given: Int, at span: SourceSpan) -> UserError {
        if case .tensor(let function) = callee, function.arities.count > 1 {
            let wants = "\(function.arities.lowerBound) or \(function.arities.upperBound) arguments"
            return error(.arity(name, wants: wants, given: given, signature: function.usage), at: span)
        }
        let arity = arity(of: callee, named: name)
        // A user function is called with its own parameters' names, as it was defined.
        if case .user = callee, let template = context.functions[name] {
            return error(.arity(name, wants: arity, given: given, signature: "\(name)(\(template.parameters.joined(separator: ", ")))"),
                         at: span)
        }
        return error(.arity(name, wants: arity, given: given, signature: signature(name, arity: arity)), at: span)
    }

    private func signature(_ name: String, arity: Int) -> String {
        let names = arity == 1 ? ["x"] : (arity == 2 ? ["a", "b"] : (0..<arity).map { "x\($0 + 1)" })
        return "\(name)(\(names.joined(separator: ", ")))"
    }

    func missingOperand(after previous: Pending?) -> UserError {
        let at = current.kind == .end || current.kind == .newline
            ? SourceSpan(start: Int(current.span.start), end: Int(current.span.start)) : current.span
        switch previous {
        case .binary(_, _, let span)?, .prefix(_, let span)?, .matmul(let span)?:
            return error(.operandMissing(after: source.text(of: span), found: current.describe(in: source)), at: at, also: [span])
        case .group(let open)?:
            return error(.operandMissing(after: "(", found: current.describe(in: source)), at: at, also: [open])
        case .bracket(let open, 0)? where current.kind == .rightBracket:
            return error(.emptyLiteral, at: open.union(current.span))
        case .bracket(let open, _)?, .index(let open, _)?:
            return error(.operandMissing(after: source.text(of: open), found: current.describe(in: source)), at: at, also: [open])
        case .call(let nameSpan, let count, _)?:
            return error(.argumentMissing(for: source.text(of: nameSpan), found: current.describe(in: source), afterComma: count > 0),
                         at: at)
        case nil:
            if current.kind == .end { return error(.emptyExpression, at: at) }
            return error(.expressionMissing(found: current.describe(in: source)), at: at)
        }
    }

    func unclosed(_ open: Pending) -> UserError {
        let at = current.kind == .end || current.kind == .newline
            ? SourceSpan(start: Int(current.span.start), end: Int(current.span.start)) : current.span
        switch open {
        case .group(let span):
            let column = source.location(of: Int(span.start)).column
            return error(.groupUnclosed(column: column, found: current.describe(in: source)), at: at, also: [span])
        case .call(let nameSpan, _, _):
            return error(.callUnclosed(source.text(of: nameSpan), found: current.describe(in: source)), at: at, also: [nameSpan])
        case .bracket(let span, _), .index(let span, _):
            let column = source.location(of: Int(span.start)).column
            return error(.bracketUnclosed(column: column, found: current.describe(in: source)), at: at, also: [span])
        default:
            preconditionFailure("only groups and calls are unclosed")
        }
    }
}
