/// A command-line binding `name=value`, where the value is any constant expression
/// (`x=-3`, `r=2*pi`, `w=1e-3`).
public struct Binding: Sendable {
    public var name: String
    public var value: Double
    /// The binding as typed, for diagnostics that point into it.
    public var source: SourceText
    var nameSpan: SourceSpan
    /// Warnings about the value's literals (`x=1e400`: too large for a double), worded
    /// and counted as for a literal in an expression.
    public var warnings: [Diagnostic] = []

    /// Where the value was typed, after the `=` (nil for a batch column's binding).
    var valueSpan: SourceSpan?

    /// The value as typed (`1e400`, `2*pi`), for messages about it.
    var valueText: String {
        guard let valueSpan else { return NumberFormat.shortest(value) }
        return source.text(of: valueSpan).trimmingSpaces()
    }

    /// Parses and evaluates one `name=value` argument.
    public static func parse(_ argument: String) throws(UserError) -> Binding {
        let source = SourceText(name: "binding", text: argument)
        let bytes = source.bytes
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
            throw UserError(.error(.notABinding(argument), at: SourceSpan(start: 0, end: bytes.count)), in: source)
        }
        let nameSpan = SourceSpan(start: 0, end: equals)
        let name = source.text(of: nameSpan).trimmingSpaces()
        if name.isEmpty {
            throw UserError(.error(.bindingWithoutName(argument), at: SourceSpan(start: 0, end: 1)), in: source)
        }
        guard isIdentifier(name) else {
            throw UserError(.error(.invalidVariableName(name), at: nameSpan), in: source)
        }
        if Op.isBuiltIn(name) {
            throw UserError(.error(.builtInBound(name, isConstant: Op.constant(named: name) != nil), at: nameSpan), in: source)
        }
        let valueSpan = SourceSpan(start: equals + 1, end: bytes.count)
        if source.text(of: valueSpan).trimmingSpaces().isEmpty {
            throw UserError(.error(.bindingWithoutValue(argument, name: name), at: SourceSpan(start: equals, end: equals + 1)), in: source)
        }
        let (value, warnings) = try ConstantExpression.evaluate(source, from: equals + 1, naming: name)
        return Binding(name: name, value: value, source: source, nameSpan: nameSpan, warnings: warnings, valueSpan: valueSpan)
    }

    /// Whether `text` lexes as exactly one identifier.
    static func isIdentifier(_ text: String) -> Bool {
        var lexer = Lexer(SourceText(name: "", text: text))
        guard let token = try? lexer.next(), token.kind == .identifier,
              Int(token.span.start) == 0, Int(token.span.end) == text.utf8.count
        else { return false }
        return true
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
