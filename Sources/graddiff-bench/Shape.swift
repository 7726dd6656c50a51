/// The kinds of expression the benchmark generates, each sized by a target node count
/// (the tape ends up near it; the table reports the real count).
enum Shape: String, CaseIterable {
    case wide, deep, network, steps, tensor

    /// What a plain run measures; `steps` is asked for by name (see `NamedSteps`).
    static let defaultShapes: [Shape] = [.wide, .deep, .network, .tensor]

    func text(nodes: Int) -> [UInt8] {
        switch self {
        case .wide: return WideSum.text(nodes: nodes)
        case .deep: return DeepChain.text(nodes: nodes)
        case .network: return NeuralNetwork.text(nodes: nodes)
        case .steps: return NamedSteps.text(nodes: nodes)
        case .tensor: return TensorNetwork.text(nodes: nodes)
        }
    }
}
