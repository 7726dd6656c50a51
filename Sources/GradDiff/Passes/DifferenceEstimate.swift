/// A derivative estimated by finite differences, with an estimate of its own error:
/// what `--check` compares each reverse-mode gradient with.
///
/// Steps are chosen per variable: h = 1e-3·max(1, |x|), then h/10, h/100, … down to
/// 1e-12·max(1, |x|), and for |x| < 1 the same again on the scale |x|. At each h, the
/// central difference D(s) = (f(x+s) − f(x−s))/2s is taken at s = h, h/2 and h/4; where
/// x−s or x+s leaves the domain (f is not finite there), the second-order one-sided
/// difference (−3f(x) + 4f(x±s) − f(x±2s))/±2s from the side that stays in it. Both
/// have an error c·s² + … for a smooth f, so D(h) − D(h/2) and D(h/2) − D(h/4) shrink
/// by 4: where they do (a ratio from 3 to 5.3), Richardson extrapolation (Romberg's
/// table) removes the s² term and the next (s⁴, or s³ one-sided), and the estimate's
/// error is taken as that last correction plus the rounding of f's values magnified by
/// the step. An f whose values all equal f(x) is flat in doubles: its estimate of 0 is
/// marked (`isFlat`), since rounding may hide a slope. That rounding is estimated from the graph, not from f's value alone:
/// ε·Σ|∂f/∂v·v| over its operations' values v (in (x + 1e10) − 1e10 the sum's rounding,
/// 2e-6, not ε·|f|). Where the differences and the bend of the values are at rounding
/// level, f is as good as straight there.
///
/// An estimate is confirmed when the next smaller step gives one that agrees with it
/// within their errors, both precise to three digits: one attempt can settle by chance
/// (sin(x) at x = 1e6 with a step of 1000), two in a row at tenfold steps do not. Where nothing settles (a kink, pole
/// or edge of the domain within the steps, or rounding inside f that swamps them), there
/// is no estimate.
struct DifferenceEstimate: Sendable {
    var value: Double
    /// An estimate of |value − f'(x)|.
    var error: Double
    /// The largest step the estimate used.
    var step: Double
    /// Whether f's value was exactly f(x) at every step: f is flat in doubles there, and
    /// the estimate 0 says only that f's changes are below its rounding (x^1e-20 near
    /// 1e-20 has slope 1, but over every step stays 1.0), not that its slope is 0.
    var isFlat = false

    /// Whether the estimate knows its own value to three digits (or to 1e-3 near 0):
    /// only such estimates confirm each other, since wide error bars agree with anything.
    var isPrecise: Bool { error <= 1e-3 * Swift.max(Swift.abs(value), 1) }

    /// What the steps found: the best estimate a next step confirmed, and the best of all.
    struct Found: Sendable {
        var confirmed: DifferenceEstimate?
        var best: DifferenceEstimate?
    }

    /// The smallest scale the steps for `x` are taken on: |x| for 0 < |x| < 1, else max(1, |x|).
    static func smallestScale(of x: Double) -> Double {
        Swift.abs(x) < 1 && x != 0 ? Swift.abs(x) : Swift.max(1, Swift.abs(x))
    }

    /// The first steps' size relative to the scale, and how many sizes are tried.
    static let firstStep = 1e-3
    static let attempts = 10

    /// The derivative of `f` at `x`, where f(x) = `fx` is finite and is computed with a
    /// rounding error of about `rounding`. Stops at the first confirmed estimate whose
    /// error is within `wanted`.
    static func derivative(of f: (Double) -> Double, at x: Double, fx: Double, rounding: Double,
                           wanted: Double) -> Found {
        var found = Found()
        guard x.isFinite, fx.isFinite else { return found }
        // Steps on the scale max(1, |x|), then, for a small x, on the scale |x| itself
        // (atan2 at 1e-200 varies on that scale: no step of 1e-12 settles there).
        let smallest = smallestScale(of: x)
        let scales = smallest < 1 ? [1, smallest] : [smallest]
        for scale in scales {
            var h = firstStep * scale
            var previous: DifferenceEstimate?
            for _ in 0..<attempts {
                defer { h /= 10 }
                guard x + h / 4 != x, x - h / 4 != x else { break }
                let estimate = settled(f, x, fx, h, rounding)
                if let estimate, found.best == nil || estimate.error < found.best!.error { found.best = estimate }
                if let estimate, let previous, estimate.isPrecise, previous.isPrecise,
                   Swift.abs(estimate.value - previous.value) <= 2 * (estimate.error + previous.error),
                   found.confirmed == nil || estimate.error < found.confirmed!.error {
                    found.confirmed = estimate
                    if estimate.error <= wanted { return found }
                }
                previous = estimate
            }
        }
        return found
    }

    /// Romberg's table over the steps h, h/2, h/4 at one size, if the differences shrink
    /// as they do for a smooth f (or are rounding noise alone).
    private static func settled(_ f: (Double) -> Double, _ x: Double, _ fx: Double, _ h: Double,
                                _ rounding: Double) -> DifferenceEstimate? {
        let steps = [h, h / 2, h / 4]
        // The next term of the error after s²: s⁴ for central differences, s³ one-sided.
        var next = 16.0
        var samples: Samples
        if let central = centralDifferences(f, x, fx, steps) {
            samples = central
        } else if let forward = oneSidedDifferences(f, x, fx, steps, direction: 1) {
            samples = forward
            next = 8
        } else if let backward = oneSidedDifferences(f, x, fx, steps, direction: -1) {
            samples = backward
            next = 8
        } else {
            return nil
        }
        // The rounding of f's values (a few units in the last place of the largest one,
        // or of the graph's values), and as magnified by the smallest step.
        let roundingOfValues = 8 * Swift.max(8 * Double.ulpOfOne * samples.magnitude, rounding)
        let noise = roundingOfValues / steps[2]
        let (d1, d2, d4) = (samples.differences[0], samples.differences[1], samples.differences[2])
        let first = d1 - d2, second = d2 - d4
        // Exact to within rounding: the differences agree, and f bends over the steps as
        // a smooth function does (by f''·s², a quarter of it at s/2), or less than it
        // climbs. (1/x at x = 1e-150 probed 1e-3 away does neither.)
        let bends = samples.bends
        let bendsSmoothly = bends[0] <= roundingOfValues || bends[0] <= Swift.abs(d4) * h
            || (bends[0] >= 10 * bends[2] && bends[0] <= 25 * bends[2])
        if Swift.abs(first) <= noise && Swift.abs(second) <= noise && bendsSmoothly {
            return DifferenceEstimate(value: d4, error: noise + Swift.abs(second), step: h, isFlat: samples.isFlat)
        }
        let ratio = first / second
        guard ratio >= 3, ratio <= 5.3 else { return nil }
        let r1 = d2 + (d2 - d1) / 3, r2 = d4 + (d4 - d2) / 3
        let value = r2 + (r2 - r1) / (next - 1)
        guard value.isFinite else { return nil }
        return DifferenceEstimate(value: value, error: Swift.abs(r2 - r1) / (next - 1) + 4 * noise, step: h)
    }

    /// One attempt's differences at the steps h, h/2, h/4, the second difference of the
    /// values at each (how much f bends over the step) and the largest |f| seen.
    private struct Samples {
        var differences: [Double] = []
        var bends: [Double] = []
        var magnitude: Double
        /// Whether every value seen was exactly f(x).
        var isFlat = true
    }

    /// D(s) = (f(x+s) − f(x−s))/2s for each step, if every value is finite.
    private static func centralDifferences(_ f: (Double) -> Double, _ x: Double, _ fx: Double,
                                           _ steps: [Double]) -> Samples? {
        var samples = Samples(magnitude: Swift.abs(fx))
        for s in steps {
            let plus = f(x + s), minus = f(x - s)
            guard plus.isFinite, minus.isFinite else { return nil }
            samples.magnitude = Swift.max(samples.magnitude, Swift.abs(plus), Swift.abs(minus))
            samples.isFlat = samples.isFlat && plus == fx && minus == fx
            samples.bends.append(Swift.abs(plus + minus - 2 * fx))
            samples.differences.append((plus - minus) / ((x + s) - (x - s)))
        }
        return samples
    }

    /// (−3f(x) + 4f(x+ds) − f(x+2ds))/2ds for each step s, d = ±1, if every value is finite.
    private static func oneSidedDifferences(_ f: (Double) -> Double, _ x: Double, _ fx: Double, _ steps: [Double],
                                            direction: Double) -> Samples? {
        var samples = Samples(magnitude: Swift.abs(fx))
        for s in steps {
            let near = f(x + direction * s), far = f(x + direction * 2 * s)
            guard near.isFinite, far.isFinite else { return nil }
            samples.magnitude = Swift.max(samples.magnitude, Swift.abs(near), Swift.abs(far))
            samples.isFlat = samples.isFlat && near == fx && far == fx
            samples.bends.append(Swift.abs(far - 2 * near + fx))
            samples.differences.append((-3 * fx + 4 * near - far) / (2 * direction * s))
        }
        return samples
    }
}
