/// The wide shape: one long sum of products, `x*1.001 + y*1.002 + z*1.003 + …`.
///
/// It stresses the tape's length with no nesting at all. Every constant is different,
/// so hash-consing merges nothing but the four variables: each term adds three nodes
/// (constant, product, sum).
enum WideSum {
    static let nodesPerTerm = 3
    private static let variables: [StaticString] = ["x", "y", "z", "w"]

    static func text(nodes: Int) -> [UInt8] {
        let terms = max(2, nodes / nodesPerTerm)
        let digits = ExpressionText.digitCount(terms)
        var text = ExpressionText(reservingBytes: terms * (digits + 8))
        for term in 0..<terms {
            if term > 0 { text.append(" + ") }
            text.append(variables[term % variables.count])
            text.append("*")
            text.appendFixedPoint(whole: 1, fraction: term + 1, digits: digits)
        }
        return text.bytes
    }
}
