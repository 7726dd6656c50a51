/// A command-line binding `name=value`, where the value is any constant expression
/// (`x=-3`, `r=2*pi`, `w=1e-3`).
public struct Binding: Sendable {
    public var name: String
    public var value: Double
    /// The vector or matrix a binding such as `W=[[1, 2], [3, 4]]` gives (then `value`
    /// is its first number); nil for a scalar. Boxed: a batch table of 10^5 columns makes
    /// a binding per column, each paying one pointer for this.
    public var tensor: TensorValue? {
        get { box?.value }
        set { box = newValue.map(TensorBox.init) }
    }
    private var box: TensorBox?

    init(name: String, value: Double, tensor: TensorValue? = nil, source: SourceText, nameSpan: SourceSpan) {
        self.name = name
        self.value = value
        self.source = source
        self.nameSpan = nameSpan
        self.box = tensor.map(TensorBox.init)
    }
    /// The binding as typed, for diagnostics that point into it.
    public var source: SourceText
    var nameSpan: SourceSpan
    /// Warnings about the value's literals (`x=1e400`: too large for a double), worded
    /// and counted as for a literal in an expression.
    public var warnings: [Diagnostic] = []

    /// Whether the value was read from a file (`W=@w.csv`), not typed.
    var isTable = false

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
        // The usual value, a plain number (`x=1`, `y=-0.25`), read at once: the value the
        // expression below would give, without a parser and the dictionaries it builds
        // (a tenth of the README example's start-up). Anything else goes the long way.
        if let value = plainNumber(bytes[(equals + 1)...]) {
            var binding = Binding(name: name, value: value, source: source, nameSpan: nameSpan)
            binding.valueSpan = valueSpan
            return binding
        }
        try checkForJoinedBindings(source, from: equals + 1, naming: name)
        let (value, tensor, warnings) = try ConstantExpression.evaluateValue(source, from: equals + 1, naming: name)
        var binding = Binding(name: name, value: value, tensor: tensor, source: source, nameSpan: nameSpan)
        binding.warnings = warnings
        binding.valueSpan = valueSpan
        return binding
    }

    /// The value of a number of digits, a point and a minus sign when the exact fast
    /// reader takes it whole (`PlainDecimal`: no warning can arise then); nil for
    /// anything else (an exponent, a blank, a name).
    private static func plainNumber(_ bytes: ArraySlice<UInt8>) -> Double? {
        guard bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else { return nil }
        return bytes.withUnsafeBufferPointer { PlainDecimal.parse($0) }
    }

    /// Several bindings in one argument: `x=-2,y=5` (commas) or `"x=-2 y=5"` (quoted
    /// together). Where each piece after a separator (a comma outside parentheses, or a
    /// blank) starts with `name=`, the error says to give them as separate words.
    private static func checkForJoinedBindings(_ source: SourceText, from start: Int, naming name: String) throws(UserError) {
        let bytes = source.bytes
        for separator in [UInt8(ascii: ","), UInt8(ascii: " ")] {
            var depth = 0
            var pieces: [Int] = []
            for index in start..<bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth -= 1
                case separator where depth == 0: pieces.append(index)
                default: break
                }
            }
            let starts = pieces.map { $0 + 1 }.filter { $0 < bytes.count && bytes[$0] != separator }
            guard let first = pieces.first, !starts.isEmpty, starts.allSatisfy({ startsWithName(source, at: $0) }) else { continue }
            let whole = source.text(of: SourceSpan(start: 0, end: bytes.count))
            let separated = whole.split(separator: Character(Unicode.Scalar(separator))).joined(separator: " ")
            let message: Message = separator == UInt8(ascii: ",") ? .bindingsJoinedByCommas(name, separated: separated)
                                                                     : .bindingsInOneArgument(whole, separated: separated)
            throw UserError(.error(message, at: SourceSpan(start: first, end: first + 1)), in: source)
        }
    }

    /// Whether the text at `offset` is `name=` (blanks allowed before the '=').
    private static func startsWithName(_ source: SourceText, at offset: Int) -> Bool {
        var lexer = Lexer(source, startingAt: offset)
        guard let name = try? lexer.next(), name.kind == .identifier, let equals = try? lexer.next() else { return false }
        return equals.kind == .equals
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

/// A binding's vector or matrix, behind one pointer.
private final class TensorBox: Sendable {
    let value: TensorValue
    init(_ value: TensorValue) { self.value = value }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
