/// The network shape: a small dense network written out as one expression, and an
/// ensemble of such networks (each with its own weights) summed to reach the size:
///
///     v·sigmoid(W2·tanh(W1·x + b1) + b2),   x = (x1, x2, x3, x4),
///     4 tanh units, then 3 sigmoid units, then one linear output.
///
/// One expression has no names for hidden units, so each tanh unit is written out again
/// inside every sigmoid unit that reads it, as a person would have to; hash-consing
/// merges the copies back into one node. The parser thus reads about twice the text per
/// node of the other shapes, and that cost is part of this shape's figures.
enum NeuralNetwork {
    private static let inputs: [StaticString] = ["x1", "x2", "x3", "x4"]
    private static let hiddenWidth = 4
    private static let secondWidth = 3
    /// Per unit: fan-in weights and products, fan-in - 1 sums, a bias, its sum and the
    /// activation; then the output's weights, products and sums, and one sum joining
    /// this network to the ensemble.
    static let nodesPerNetwork = hiddenWidth * (3 * 4 + 2) + secondWidth * (3 * hiddenWidth + 2) + (3 * secondWidth - 1) + 1

    static func text(nodes: Int) -> [UInt8] {
        let networks = max(1, nodes / nodesPerNetwork)
        var text = ExpressionText(reservingBytes: networks * 1_600)
        for network in 0..<networks {
            if network > 0 { text.append(" + ") }
            appendNetwork(network, to: &text)
        }
        return text.bytes
    }

    private static func appendNetwork(_ network: Int, to text: inout ExpressionText) {
        for unit in 0..<secondWidth {
            appendWeight(network, outputWeightSlot + unit, isFirstTerm: unit == 0, to: &text)
            text.append("*sigmoid(")
            for hidden in 0..<hiddenWidth {
                appendWeight(network, secondWeightSlot(unit, hidden), isFirstTerm: hidden == 0, to: &text)
                text.append("*tanh(")
                for input in 0..<inputs.count {
                    appendWeight(network, hiddenWeightSlot(hidden, input), isFirstTerm: input == 0, to: &text)
                    text.append("*")
                    text.append(inputs[input])
                }
                appendWeight(network, hiddenWeightSlot(hidden, inputs.count), isFirstTerm: false, to: &text)
                text.append(")")
            }
            appendWeight(network, secondWeightSlot(unit, hiddenWidth), isFirstTerm: false, to: &text)
            text.append(")")
        }
    }

    // Each network numbers its weights and biases 0..<weightsPerNetwork: a unit's
    // fan-in weights, then its bias (as input number fan-in).
    private static let weightsPerNetwork = outputWeightSlot + secondWidth
    private static let outputWeightSlot = hiddenWidth * (inputs.count + 1) + secondWidth * (hiddenWidth + 1)

    private static func hiddenWeightSlot(_ unit: Int, _ input: Int) -> Int {
        unit * (inputs.count + 1) + input
    }

    private static func secondWeightSlot(_ unit: Int, _ input: Int) -> Int {
        hiddenWidth * (inputs.count + 1) + unit * (hiddenWidth + 1) + input
    }

    private static func appendWeight(_ network: Int, _ slot: Int, isFirstTerm: Bool, to text: inout ExpressionText) {
        WeightLiteral.appendTerm(network * weightsPerNetwork + slot, isFirstTerm: isFirstTerm, to: &text)
    }
}
