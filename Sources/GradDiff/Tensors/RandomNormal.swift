#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard normal numbers for `randn`, from a seeded SplitMix64 stream by the
/// Box–Muller transform: z = √(−2 ln u₁) · cos(2π u₂), u₁ in (0, 1], u₂ in [0, 1). The
/// same seed gives the same numbers on every machine and every run, so a program whose
/// weights start as `0.5 * randn(16, 4)` is a fixed program; `--seed` picks another.
struct RandomNormal: Sendable {
    static let defaultSeed: UInt64 = 1

    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private mutating func nextBits() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 random bits.
    private mutating func unit() -> Double {
        Double(nextBits() >> 11) * 0x1p-53
    }

    /// One standard normal number (each draw uses two uniforms; the sine half is not kept,
    /// so that the i-th number depends on nothing but the seed and i).
    mutating func next() -> Double {
        let u1 = 1 - unit()
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    mutating func numbers(_ count: Int) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(next()) }
        return values
    }
}
