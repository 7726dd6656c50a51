/// The tensor shape: a dense network written with matrices, as the lecture notes do,
///
///     W1 = 0.05 * randn(128, d); b1 = zeros(128); W2 = 0.1 * randn(10, 128); b2 = zeros(10)
///     x = 0.5 + 0.25 * randn(d); t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
///     h = relu(W1 @ x + b1)
///     z = W2 @ h + b2
///     logsumexp(z) - dot(t, z)
///
/// (softmax cross-entropy on one example), its input width d chosen so the tape holds
/// about the nodes asked for: each input adds 128 weights, 128 products and 128 sums.
/// With d = 784 it is the 784-128-10 network of the targets (about 10^5 parameters).
enum TensorNetwork {
    static let hidden = 128
    static let imageWidth = 784

    static func text(nodes: Int) -> [UInt8] {
        program(inputs: max(1, nodes / (3 * hidden)))
    }

    static func program(inputs: Int) -> [UInt8] {
        var text = ExpressionText(reservingBytes: 512)
        text.append("W1 = 0.05 * randn(\(hidden), \(inputs)); b1 = zeros(\(hidden))\n")
        text.append("W2 = 0.1 * randn(10, \(hidden)); b2 = zeros(10)\n")
        text.append("x = 0.5 + 0.25 * randn(\(inputs)); t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]\n")
        text.append("h = relu(W1 @ x + b1)\nz = W2 @ h + b2\nlogsumexp(z) - dot(t, z)\n")
        return text.bytes
    }

    /// The 4-16-3 classifier of the minimize target, and its 150 rows (three classes of
    /// 50 around iris-like means, as scripts/make-classes.py makes docs/classes.csv).
    static let classifier = """
        W1 = 0.5 * randn(16, 4); b1 = zeros(16); W2 = 0.5 * randn(3, 16); b2 = zeros(3)
        x = [x1, x2, x3, x4]; t = [t1, t2, t3]
        h = tanh(W1 @ (x - [5.8, 3.1, 3.8, 1.2]) + b1)
        z = W2 @ h + b2
        logsumexp(z) - dot(t, z)

        """

    static func classes() -> String {
        let means = [[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]], spread = [0.35, 0.3, 0.45, 0.2]
        var state: UInt64 = 1
        func uniform() -> Double {
            state = (state &* 1_103_515_245 &+ 12_345) % (1 << 31)
            return Double(state) / Double(1 << 31)
        }
        var text = "x1,x2,x3,x4,t1,t2,t3\n"
        for k in 0..<150 {
            let features = (0..<4).map { f in means[k % 3][f] + (uniform() + uniform() + uniform() - 1.5) * 2 * spread[f] }
            text += features.map { "\($0)" }.joined(separator: ",") + "," + (0..<3).map { $0 == k % 3 ? "1" : "0" }.joined(separator: ",") + "\n"
        }
        return text
    }
}
