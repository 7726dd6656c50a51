/// The update rules `minimize` offers.
public enum OptimizerKind: String, CaseIterable, Sendable {
    case sgd, momentum, adam
}

/// An optimiser's hyper-parameters. The defaults are the usual ones (Adam's from
/// Kingma & Ba, 2015).
public struct OptimizerSettings: Sendable {
    public var kind: OptimizerKind = .sgd
    /// η, the learning rate.
    public var learningRate: Double = 0.01
    /// μ, momentum's decay of the velocity.
    public var momentum: Double = 0.9
    /// β₁ and β₂, Adam's decay rates of the first and second moments.
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    /// ε, Adam's guard against dividing by a zero second moment.
    public var epsilon: Double = 1e-8

    public init(kind: OptimizerKind = .sgd, learningRate: Double = 0.01) {
        self.kind = kind
        self.learningRate = learningRate
    }
}

/// One optimiser's state across steps. Its buffers are sized once, on the first step.
///
/// - sgd:      θ ← θ − η g
/// - momentum: v ← μ v + g;  θ ← θ − η v   (heavy ball)
/// - adam:     m ← β₁ m + (1−β₁) g;  s ← β₂ s + (1−β₂) g²;
///             θ ← θ − η m̂ / (√ŝ + ε), with m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ)
struct Optimizer: Sendable {
    let settings: OptimizerSettings
    private var velocity: [Double] = []
    private var secondMoment: [Double] = []
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    init(_ settings: OptimizerSettings) {
        self.settings = settings
    }

    /// Moves `parameters` one step against `gradient`.
    mutating func update(_ parameters: inout [Double], gradient: [Double]) {
        let η = settings.learningRate
        if velocity.count != parameters.count {
            velocity = Array(repeating: 0, count: parameters.count)
            secondMoment = Array(repeating: 0, count: parameters.count)
        }
        switch settings.kind {
        case .sgd:
            for i in parameters.indices { parameters[i] -= η * gradient[i] }
        case .momentum:
            for i in parameters.indices {
                velocity[i] = settings.momentum * velocity[i] + gradient[i]
                parameters[i] -= η * velocity[i]
            }
        case .adam:
            beta1Power *= settings.beta1
            beta2Power *= settings.beta2
            for i in parameters.indices {
                let g = gradient[i]
                velocity[i] = settings.beta1 * velocity[i] + (1 - settings.beta1) * g
                secondMoment[i] = settings.beta2 * secondMoment[i] + (1 - settings.beta2) * g * g
                let mean = velocity[i] / (1 - beta1Power)
                let square = secondMoment[i] / (1 - beta2Power)
                parameters[i] -= η * mean / (square.squareRoot() + settings.epsilon)
            }
        }
    }
}
