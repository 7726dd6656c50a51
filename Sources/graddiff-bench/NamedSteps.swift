/// The steps shape (opt-in): a deep dense network written as a program of named steps,
/// one statement per unit, each layer reading the one before:
///
///     h1_1 = tanh(0.123456*x1 - 0.654321*x2 + 0.308642*x3 + 0.962963*x4 + 0.271605)
///     …
///     h2_1 = sigmoid(0.580247*h1_1 + … + 0.419753)
///     …
///     0.135802*h40_1 + 0.444444*h40_2 + 0.753086*h40_3 - 0.061728*h40_4
///
/// Not in the default run: the cost of parsing a statement currently grows with the
/// program before it (see the README's benchmark section), so 10^5 nodes take many
/// seconds and 10^6 far longer. It is here so that the fix can be measured.
enum NamedSteps {
    private static let width = 4
    private static let inputs: [StaticString] = ["x1", "x2", "x3", "x4"]
    private static let activations: [StaticString] = ["tanh", "sigmoid"]
    /// Per unit: fan-in weights and products, fan-in - 1 sums, a bias, its sum, the activation.
    static let nodesPerLayer = width * (3 * width + 2)

    static func text(nodes: Int) -> [UInt8] {
        let layers = max(1, nodes / nodesPerLayer)
        var text = ExpressionText(reservingBytes: (layers + 1) * width * 128)
        var weight = 0
        for layer in 1...layers {
            for unit in 1...width {
                appendName(layer: layer, unit: unit, to: &text)
                text.append(" = ")
                text.append(activations[(layer - 1) % activations.count])
                text.append("(")
                appendWeightedSum(readingLayer: layer - 1, weight: &weight, to: &text)
                WeightLiteral.appendTerm(weight, isFirstTerm: false, to: &text)
                weight += 1
                text.append(")\n")
            }
        }
        appendWeightedSum(readingLayer: layers, weight: &weight, to: &text)
        text.append("\n")
        return text.bytes
    }

    /// `w1*a1 + w2*a2 + …` over the units of `layer` (layer 0 being the inputs).
    private static func appendWeightedSum(readingLayer layer: Int, weight: inout Int, to text: inout ExpressionText) {
        for unit in 1...width {
            WeightLiteral.appendTerm(weight, isFirstTerm: unit == 1, to: &text)
            weight += 1
            text.append("*")
            if layer == 0 {
                text.append(inputs[unit - 1])
            } else {
                appendName(layer: layer, unit: unit, to: &text)
            }
        }
    }

    private static func appendName(layer: Int, unit: Int, to text: inout ExpressionText) {
        text.append("h")
        text.appendInteger(layer)
        text.append("_")
        text.appendInteger(unit)
    }
}
