extension LocatedDiagnostic {
    /// Whether the text this diagnostic underlines uses any of `names` as a name (not as
    /// part of a longer one): a problem there may follow from a binding of that name that
    /// failed (`W=@bad.csv` refused, so W parses as a free scalar and `sum(W)` says
    /// "W is a scalar"), and is not news beside the binding's own error.
    public func uses(anyOf names: Set<String>) -> Bool {
        guard !names.isEmpty, let source else { return false }
        let spans = (diagnostic.span.map { [$0] } ?? []) + diagnostic.otherSpans
        return spans.contains { span in
            Lexer.readsName(in: source, from: Int(span.start), to: Int(span.end), where: names.contains)
        }
    }
}
