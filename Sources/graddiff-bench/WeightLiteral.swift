/// Weights and biases written as numeric literals, the way a trained network is
/// pasted in: six scattered decimals, about a third of them negative.
enum WeightLiteral {
    /// Writes weight number `index` as a term of a sum: `-0.123456` or `0.123456` when
    /// it starts the sum, then ` - 0.123456` or ` + 0.123456`. The same index always
    /// gives the same literal, so repeated text stays identical.
    static func appendTerm(_ index: Int, isFirstTerm: Bool, to text: inout ExpressionText) {
        // A Weyl sequence: 618,033 (about 10^6 / golden ratio) is prime to 10^6, so the
        // first 10^6 indices give distinct digits, evenly scattered over (0, 1), and no
        // two weights merge into one constant node.
        let digits = (index + 1) &* 618_033 % 1_000_000
        let isNegative = index % 3 == 1
        switch (isFirstTerm, isNegative) {
        case (true, true): text.append("-")
        case (true, false): break
        case (false, true): text.append(" - ")
        case (false, false): text.append(" + ")
        }
        text.appendFixedPoint(whole: 0, fraction: digits, digits: 6)
    }
}
