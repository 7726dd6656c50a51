/// Prints derivative graphs (from `SymbolicBackwardPass`) as a graddiff program that
/// can be pasted back in: one loop up the tape, minimal parentheses (`InfixText`).
///
/// A subexpression used more than once is named once as a step (`t1 = cos(x * y)`), so
/// shared structure prints once instead of growing exponentially; so is any
/// subexpression whose text would exceed `maximumWidth` characters, so that a huge
/// derivative prints as many short lines rather than as megabytes on one line.
///
/// A product of a node with itself prints as a square (`(x + y)^2`), also where the
/// user wrote it as a product; pow(a, 2) and a·a are the same number.
///
/// Ops without a user spelling print as equivalents: `a * b` for the zero-absorbing
/// product (they differ only at 0·inf), `a * log(b)` for xlogy (they differ only at
/// a = 0), `1 - step(a - b)` for [a ≤ b], `1 / cosh(a)^2` for sechSquared and
/// `b * a^(b - 1)` for powerDerivative, `1 / (1 + a^2)` and `u * a / (1 + a^2)` for
/// atan's two, and `a / hypot(a, b)` for hypot's quotient (the same numbers but where
/// those overflow or underflow); logsumexp's `max(a, b)`, `min(a, b)` and `log(a)` (its
/// log of 1 + b, the same but for rounding).
public struct DerivativeText: Sendable {
    public static let defaultMaximumWidth = 200

    /// The named steps, in order: their names and expressions.
    public private(set) var stepNames: [String] = []
    public private(set) var stepExpressions: [String] = []
    /// Each step as `name = expression`.
    public var steps: [String] { zip(stepNames, stepExpressions).map { "\($0) = \($1)" } }
    /// Each root's expression, in the order given.
    public private(set) var expressions: [String] = []
    /// How many operations (non-leaf nodes) the derivatives hold, shared ones once.
    public private(set) var size = 0

    /// Graddiff's own syntax (to paste back in), or LaTeX.
    public enum Notation: Sendable { case program, latex }

    public let notation: Notation

    public init(_ tape: Tape, roots: [NodeID], notation: Notation = .program, maximumWidth: Int = defaultMaximumWidth) {
        self.notation = notation
        guard let top = roots.max(), top >= 0 else { return }
        var uses = [Int](repeating: 0, count: Int(top) + 1)
        var reached = [Bool](repeating: false, count: Int(top) + 1)
        for root in roots {
            reached[Int(root)] = true
            uses[Int(root)] += 1
        }
        for i in stride(from: Int(top), through: 0, by: -1) where reached[i] {
            if tape.ops[i].arity > 0 { size += 1 }
            for input in tape.inputs(of: NodeID(i)) {
                uses[Int(input)] += 1
                reached[Int(input)] = true
            }
        }
        var printed = [InfixText.Operand](repeating: ("", Precedence.atom), count: Int(top) + 1)
        var stepNumber = 0
        let taken = Set(tape.variableNames)
        for i in 0...Int(top) where reached[i] {
            let id = NodeID(i)
            var operand = notation == .latex ? Self.renderLaTeX(tape, id, printed) : Self.render(tape, id, printed)
            if tape.ops[i].arity > 0, uses[i] > 1 || (!roots.contains(id) && operand.text.count > maximumWidth) {
                var name: String
                repeat {
                    stepNumber += 1
                    name = notation == .latex ? "t_{\(stepNumber)}" : "t\(stepNumber)"
                } while taken.contains(name)
                stepNames.append(name)
                stepExpressions.append(operand.text)
                operand = (name, Precedence.atom)
            }
            printed[i] = operand
        }
        expressions = roots.map { $0 >= 0 ? printed[Int($0)].text : "0" }
    }

    /// Node `id` as text, its inputs already printed.
    private static func render(_ tape: Tape, _ id: NodeID, _ printed: [InfixText.Operand]) -> InfixText.Operand {
        let index = Int(id)
        let op = tape.ops[index]
        switch op {
        case .variable:
            return (tape.variableNames[Int(tape.first[index])], Precedence.atom)
        case .constant:
            let text = NodeText.constantText(tape.constants[Int(tape.first[index])])
            return (text, text.hasPrefix("-") ? Precedence.prefix : Precedence.atom)
        default:
            break
        }
        let a = printed[Int(tape.first[index])]
        let b: InfixText.Operand = op.arity == 2 ? printed[Int(tape.second[index])] : ("", Precedence.atom)
        if op == .multiply && tape.first[index] == tape.second[index] {
            return (InfixText.binary(.power, a, ("2", Precedence.atom)), Precedence.power)  // a·a as written: a^2
        }
        switch op {
        case .negate:
            return (InfixText.negate(a), Precedence.prefix)
        case .add, .subtract, .multiply, .divide, .power:
            return (InfixText.binary(op, a, b), Precedence.of(op))
        case .multiplyOrZero:
            return (InfixText.binary(.multiply, a, b), Precedence.product)
        case .xlogy:
            let log = (InfixText.call("log", [b.text]), Precedence.atom)
            return (InfixText.binary(.multiply, a, log), Precedence.product)
        case .sechSquared:
            let cosh = (InfixText.call("cosh", [a.text]), Precedence.atom)
            let square = (InfixText.binary(.power, cosh, ("2", Precedence.atom)), Precedence.power)
            return (InfixText.binary(.divide, ("1", Precedence.atom), square), Precedence.product)
        case .powerDerivative:
            let exponent = (InfixText.binary(.subtract, b, ("1", Precedence.atom)), Precedence.sum)
            let power = (InfixText.binary(.power, a, exponent), Precedence.power)
            return (InfixText.binary(.multiply, b, power), Precedence.product)
        case .atanDerivative:
            return (InfixText.binary(.divide, ("1", Precedence.atom), onePlusSquare(a)), Precedence.product)
        case .atanDerivativeProduct:
            let product = (InfixText.binary(.multiply, a, b), Precedence.product)
            return (InfixText.binary(.divide, product, onePlusSquare(b)), Precedence.product)
        case .hypotQuotient:
            let radius = (InfixText.call("hypot", [a.text, b.text]), Precedence.atom)
            return (InfixText.binary(.divide, a, radius), Precedence.product)
        case .expDifference:
            return (InfixText.call("exp", [InfixText.binary(.subtract, a, b)]), Precedence.atom)
        case .logsumexpShift:
            return (InfixText.call("max", [a.text, b.text]), Precedence.atom)
        case .logsumexpRest:
            return (InfixText.call("min", [a.text, b.text]), Precedence.atom)
        case .logsumexpLog:
            return (InfixText.call("log", [a.text]), Precedence.atom)
        case .lessOrEqual:
            let difference = (InfixText.binary(.subtract, a, b), Precedence.sum)
            let step = (InfixText.call("step", [difference.0]), Precedence.atom)
            return (InfixText.binary(.subtract, ("1", Precedence.atom), step), Precedence.sum)
        default:
            let arguments = op.arity == 2 ? [a.text, b.text] : [a.text]
            return (InfixText.call(op.functionSpelling ?? op.name, arguments), Precedence.atom)
        }
    }

    /// `1 + a^2`, for atan's derivatives.
    private static func onePlusSquare(_ a: InfixText.Operand) -> InfixText.Operand {
        let square = (InfixText.binary(.power, a, ("2", Precedence.atom)), Precedence.power)
        return (InfixText.binary(.add, ("1", Precedence.atom), square), Precedence.sum)
    }

    /// A variable's name in LaTeX (`x`, `\\mathit{rate}`).
    public static func latexName(_ name: String) -> String { LaTeXText.name(name) }

    /// Node `id` as LaTeX, its inputs already printed.
    private static func renderLaTeX(_ tape: Tape, _ id: NodeID, _ printed: [InfixText.Operand]) -> InfixText.Operand {
        let index = Int(id)
        let op = tape.ops[index]
        switch op {
        case .variable: return (LaTeXText.name(tape.variableNames[Int(tape.first[index])]), Precedence.atom)
        case .constant: return LaTeXText.constant(tape.constants[Int(tape.first[index])])
        default: break
        }
        let a = printed[Int(tape.first[index])]
        if op == .multiply && tape.first[index] == tape.second[index] {
            return LaTeXText.binary(.power, a, ("2", Precedence.atom))
        }
        return op.arity == 2 ? LaTeXText.binary(op, a, printed[Int(tape.second[index])]) : LaTeXText.unary(op, a)
    }

    /// The whole as a program: the steps, then one line per root (`name = expression`
    /// when `names` are given, else the bare expression).
    public func program(names: [String]? = nil, separator: String = "\n") -> String {
        var lines = steps
        for (index, expression) in expressions.enumerated() {
            if let names { lines.append("\(names[index]) = \(expression)") } else { lines.append(expression) }
        }
        return lines.joined(separator: separator)
    }
}
