/// Printing operators with the one precedence table (`Precedence`): an operand gets
/// parentheses only where the parser would otherwise read a different tree. Shared by
/// the node table's expressions (`NodeText`) and the derivative formulas
/// (`FormulaAlgebra`), so both print `a - (b - c)` and `-x^2` the same way.
enum InfixText {
    /// A printed operand and the precedence it prints at.
    typealias Operand = (text: String, precedence: Int)

    /// `left op right` for + - * / ^ (`^` groups to the right, the others to the left).
    static func binary(_ op: Op, _ left: Operand, _ right: Operand) -> String {
        let (leftNeedsParentheses, rightNeedsParentheses) = parentheses(op, left.precedence, right.precedence)
        let l = leftNeedsParentheses ? "(\(left.text))" : left.text
        let r = rightNeedsParentheses ? "(\(right.text))" : right.text
        switch op {
        case .add: return "\(l) + \(r)"
        case .subtract: return "\(l) - \(r)"
        case .multiply: return "\(l) * \(r)"
        case .divide: return "\(l) / \(r)"
        default: return "\(l)^\(r)"
        }
    }

    /// Which operands of `left op right` need parentheses, by the precedences they print at.
    static func parentheses(_ op: Op, _ left: Int, _ right: Int) -> (left: Bool, right: Bool) {
        let mine = Precedence.of(op)
        let groupsRight = op == .power
        // A prefix minus binds more loosely than ^ on its left (-x^2 is -(x^2)), and a
        // right operand starting with '-' is parenthesized to keep `a - (-b)` legible.
        let leftNeedsParentheses = left < mine || (left == mine && groupsRight)
            || (op == .power && left == Precedence.prefix)
        let rightNeedsParentheses = right < mine || (right == mine && !groupsRight)
            || (op != .power && right == Precedence.prefix)
        return (leftNeedsParentheses, rightNeedsParentheses)
    }

    /// The spelling of a binary operator between its operands: " + ", " - ", " * ", " / ", "^".
    static func separator(_ op: Op) -> StaticString {
        switch op {
        case .add: return " + "
        case .subtract: return " - "
        case .multiply: return " * "
        case .divide: return " / "
        default: return "^"
        }
    }

    /// `-operand`, parenthesized unless the operand binds tighter than a prefix minus.
    static func negate(_ operand: Operand) -> String {
        "-" + (operand.precedence <= Precedence.prefix ? "(\(operand.text))" : operand.text)
    }

    /// `name(a, b)`.
    static func call(_ name: String, _ arguments: [String]) -> String {
        "\(name)(\(arguments.joined(separator: ", ")))"
    }

    /// Whether `op` prints as an infix operator (+ - * / ^) rather than a call.
    static func isInfix(_ op: Op) -> Bool {
        [.add, .subtract, .multiply, .divide, .power].contains(op)
    }
}
