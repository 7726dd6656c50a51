/// Central finite differences, the oracle gradients are checked against:
/// ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ with hᵢ = step·max(1, |xᵢ|), whose
/// truncation error is O(h²) for smooth f.
enum FiniteDifferences {
    static let defaultStep = 6.0555e-6  // ≈ cbrt(machine epsilon): balances truncation and rounding

    /// The step used for a variable whose value is `x`.
    static func step(for x: Double, relative: Double = defaultStep) -> Double {
        relative * Swift.max(1, Swift.abs(x))
    }

    /// The central difference of `output` in every variable of `tape` at `variables`.
    static func gradient(
        _ tape: Tape, variables: [Double], output: NodeID, relativeStep: Double = defaultStep
    ) -> [Double] {
        var values: [Double] = []
        var point = variables
        var result: [Double] = []
        for slot in variables.indices {
            let h = step(for: variables[slot], relative: relativeStep)
            point[slot] = variables[slot] + h
            ForwardPass.run(tape, variables: point, into: &values)
            let plus = values[Int(output)]
            point[slot] = variables[slot] - h
            ForwardPass.run(tape, variables: point, into: &values)
            let minus = values[Int(output)]
            point[slot] = variables[slot]
            result.append((plus - minus) / (2 * h))
        }
        return result
    }
}
