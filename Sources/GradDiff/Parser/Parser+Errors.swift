/// The parser's errors, each said the way a person thinks of the problem, with the
/// span to underline and a fix where one is plain.
extension Parser {

    func nodeLimitError() -> UserError {
        Parser.nodeLimitError(nodeLimit, at: current.span, in: source)
    }

    static func nodeLimitError(_ limit: Int, at span: SourceSpan, in source: SourceText) -> UserError {
        UserError(.error("the graph has more than \(limit) nodes, the limit", at: span,
                         help: "raise it with --max-nodes N, or write a smaller expression"), in: source)
    }

    func arityError(_ name: String, _ callee: Callee, given: Int, at span: SourceSpan) -> UserError {
        let wanted = callee.arity
        let noun = wanted == 1 ? "argument" : "arguments"
        let verb = given == 1 ? "was" : "were"
        return error("\(name) takes \(wanted) \(noun), but \(given) \(verb) given", at: span,
                     help: "call it as \(signature(name, arity: wanted))")
    }

    private func signature(_ name: String, arity: Int) -> String {
        let names = arity == 1 ? ["x"] : (arity == 2 ? ["a", "b"] : (0..<arity).map { "x\($0 + 1)" })
        return "\(name)(\(names.joined(separator: ", ")))"
    }

    func missingOperand(after previous: Pending?) -> UserError {
        let at = current.kind == .end || current.kind == .newline
            ? SourceSpan(start: Int(current.span.start), end: Int(current.span.start)) : current.span
        switch previous {
        case .binary(_, _, let span)?, .prefix(_, let span)?:
            return error("expected an expression after '\(source.text(of: span))', found \(current.describe(in: source))",
                         at: at, also: [span])
        case .group(let open)?:
            return error("expected an expression after '(', found \(current.describe(in: source))", at: at, also: [open])
        case .call(_, let nameSpan, let count)?:
            return error("expected an argument for \(source.text(of: nameSpan)), found \(current.describe(in: source))", at: at,
                         help: count > 0 ? "remove the extra ','" : nil)
        case nil:
            if current.kind == .end { return error("the expression is empty", at: at, help: "write an expression such as (x+y)*z") }
            return error("expected an expression, found \(current.describe(in: source))", at: at)
        }
    }

    func unclosed(_ open: Pending) -> UserError {
        let at = current.kind == .end || current.kind == .newline
            ? SourceSpan(start: Int(current.span.start), end: Int(current.span.start)) : current.span
        switch open {
        case .group(let span):
            let column = source.location(of: Int(span.start)).column
            return error("expected ')' to close the '(' at column \(column), found \(current.describe(in: source))",
                         at: at, help: "add ')'", also: [span])
        case .call(_, let nameSpan, _):
            return error("expected ')' to close the call to \(source.text(of: nameSpan)), found \(current.describe(in: source))",
                         at: at, help: "add ')'", also: [nameSpan])
        default:
            preconditionFailure("only groups and calls are unclosed")
        }
    }

    func shortened(_ text: String) -> String {
        text.count <= 12 ? text : String(text.prefix(10)) + "…"
    }
}
