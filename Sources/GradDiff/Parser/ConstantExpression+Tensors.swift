/// Constant values that may be vectors or matrices: a binding's `[[1, 2], [3, 4]]`,
/// `0.5 * randn(2, 3)` or `ones(3)`.
extension ConstantExpression {
    /// The value of the text from `offset` on: a scalar, or a vector or matrix (then the
    /// scalar is its first number), and the warnings of its literals.
    static func evaluateValue(_ source: SourceText, from offset: Int, naming name: String,
                              seed: UInt64 = RandomNormal.defaultSeed) throws(UserError)
        -> (value: Double, tensor: TensorValue?, warnings: [Diagnostic]) {
        var parser = try Parser(source: source, startingAt: offset)
        parser.context.tensors.random = RandomNormal(seed: seed)
        let operand = try parser.parseOperand()
        guard operand.tensor >= 0 else {
            let (value, warnings) = try evaluate(source, from: offset, naming: name)
            return (value, nil, warnings)
        }
        if parser.current.kind != .end {
            throw UserError(.error(.unexpectedInValue(parser.current.describe(in: source), of: name), at: parser.current.span), in: source)
        }
        guard parser.context.builder.tape.variableNames.isEmpty,
              let values = ProgramParser.constantValues(operand.tensor, parser.context) else {
            throw UserError(.error(.tensorValueUsesVariables(name), at: operand.span), in: source)
        }
        let value = TensorValue(shape: parser.context.tensors[operand.tensor].shape, values: values)
        return (values[0], value, parser.lexer.warnings)
    }
}

extension Binding {
    /// `name=@FILE`: the vector or matrix read from the table of numbers `table` (a
    /// file the command has read; `argument` is the binding as typed).
    public static func table(_ argument: String, name: String, table: SourceText) throws(UserError) -> Binding {
        let source = SourceText(name: "binding", text: argument)
        var warnings: [Diagnostic] = []
        let value = try TensorValue.parseTable(table, warnings: &warnings)
        var binding = Binding(name: name, value: value.values[0], tensor: value, source: source,
                              nameSpan: SourceSpan(start: 0, end: name.utf8.count))
        binding.warnings = warnings
        binding.isTable = true
        return binding
    }
}
