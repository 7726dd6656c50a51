/// The settings of one run; the defaults are the ones `--help` documents.
public struct MinimizeSettings: Sendable {
    public var optimizer = OptimizerSettings()
    /// Updates to make at most.
    public var stepLimit = 1000
    /// Converged when both the loss change and the gradient norm are below this.
    public var tolerance = 1e-10
    /// Rows per mini-batch; nil for the whole table.
    public var batchSize: Int?
    public var seed: UInt64 = 1
    /// Record a history row every this many steps (and always the last).
    public var logEvery = 10
    /// Whether to keep the logged steps (for `--history` and `--plot`); the last step is
    /// always kept.
    public var keepsHistory = true

    public init() {}
}

/// A step's figures, as the progress display needs them.
public struct ProgressReport: Sendable {
    public var step: Int
    public var stepLimit: Int
    public var loss: Double
    public var gradientNorm: Double
}

/// Gradient descent on an `Objective`: evaluate the loss and gradient on a mini-batch,
/// check the stopping rules (`StopReason`), update the parameters, repeat. Batches are
/// drawn from a fresh shuffle of the rows each epoch (seeded); with the whole table as
/// the batch nothing is shuffled. Nothing is allocated per step.
public struct Minimizer {
    public var objective: Objective
    public let settings: MinimizeSettings

    public init(objective: Objective, settings: MinimizeSettings) {
        self.objective = objective
        self.settings = settings
    }

    /// Steps in one epoch: the batches that cover the table once.
    public var batchesPerEpoch: Int {
        let size = batchSize
        return (objective.rowCount + size - 1) / size
    }

    private var batchSize: Int { min(max(settings.batchSize ?? objective.rowCount, 1), objective.rowCount) }

    /// Runs until a stopping rule holds. `progress` sees every step before its update and
    /// returns false to stop (`interrupted`).
    public mutating func run(progress: (ProgressReport) -> Bool = { _ in true }) -> MinimizeResult {
        var parameters = objective.initialParameters
        var previousParameters = parameters
        var gradient = Array(repeating: 0.0, count: parameters.count)
        var optimizer = Optimizer(settings.optimizer)
        var generator = SplitMix64(seed: settings.seed)
        var order = Array(0..<objective.rowCount)
        let size = batchSize
        let shuffles = size < objective.rowCount
        var history: [HistoryRecord] = []
        var previousLoss: Double?
        var step = 0
        var reason = StopReason.stepLimit
        var lossDiverged = false
        while true {
            let start = (step % batchesPerEpoch) * size
            if shuffles && start == 0 { generator.shuffle(&order) }
            let rows = order[start..<min(start + size, order.count)]
            let loss = objective.evaluate(at: parameters, rows: objective.data == nil ? nil : rows, gradient: &gradient)
            let gradientNorm = Minimizer.norm(gradient)
            if !loss.isFinite || !gradientNorm.isFinite {
                reason = .diverged(step: step)
                lossDiverged = !loss.isFinite
                parameters = previousParameters
                break
            }
            if settings.keepsHistory, step % max(settings.logEvery, 1) == 0 {
                history.append(HistoryRecord(step: step, loss: loss, gradientNorm: gradientNorm, parameters: parameters))
            }
            if let previousLoss, abs(loss - previousLoss) < settings.tolerance, gradientNorm < settings.tolerance {
                reason = .converged
                break
            }
            if step >= settings.stepLimit { break }
            if !progress(ProgressReport(step: step, stepLimit: settings.stepLimit, loss: loss, gradientNorm: gradientNorm)) {
                reason = .interrupted
                break
            }
            for k in parameters.indices { previousParameters[k] = parameters[k] }
            optimizer.update(&parameters, gradient: gradient)
            previousLoss = loss
            step += 1
        }
        let steps = { if case .diverged(let at) = reason { return max(at - 1, 0) } else { return step } }()
        let loss = objective.evaluate(at: parameters, gradient: &gradient)
        if history.last?.step != steps {
            history.append(HistoryRecord(step: steps, loss: loss, gradientNorm: Minimizer.norm(gradient), parameters: parameters))
        }
        return MinimizeResult(reason: reason, steps: steps, parameterNames: objective.parameterNames,
                              parameters: parameters, loss: loss, gradient: gradient, lossDiverged: lossDiverged, history: history)
    }

    /// The Euclidean norm √(Σ gᵢ²).
    public static func norm(_ vector: [Double]) -> Double {
        var sum = 0.0
        for value in vector { sum += value * value }
        return sum.squareRoot()
    }
}
