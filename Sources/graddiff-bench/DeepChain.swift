/// The deep shape: a chain nested as deep as it is long,
///
///     sin(x*1.001 + 1.002*(tanh(y*1.003 + 1.004*(… x …) - x)) - y)
///
/// alternating function calls and parenthesised groups, so both kinds of entry on the
/// parser's explicit stack of pending operators are exercised; at 10^6 nodes the
/// nesting is about 285,000 levels, far past what a recursive parser's call stack
/// would survive. A call level adds four nodes (constant, product, sum, function),
/// a group level three (constant, product, difference).
enum DeepChain {
    static let nodesPerLevelPair = 7
    /// Bounded functions keep every value finite however deep the chain goes.
    private static let functions: [StaticString] = ["sin", "tanh", "cos", "sigmoid"]
    private static let variables: [StaticString] = ["x", "y"]

    static func text(nodes: Int) -> [UInt8] {
        let levels = max(2, 2 * nodes / nodesPerLevelPair)
        let digits = ExpressionText.digitCount(levels)
        var text = ExpressionText(reservingBytes: levels * (digits + 16))
        for level in 0..<levels {
            if level % 2 == 0 {
                text.append(functions[level / 2 % functions.count])
                text.append("(")
                text.append(variables[level / 2 % variables.count])
                text.append("*")
                text.appendFixedPoint(whole: 1, fraction: level + 1, digits: digits)
                text.append(" + ")
            } else {
                text.appendFixedPoint(whole: 1, fraction: level + 1, digits: digits)
                text.append("*(")
            }
        }
        text.append("x")
        for level in (0..<levels).reversed() {
            if level % 2 == 0 {
                text.append(")")
            } else {
                text.append(") - ")
                text.append(variables[level / 2 % variables.count])
            }
        }
        return text.bytes
    }
}
