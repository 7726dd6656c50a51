#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// THE rule table: for every op, its value (`value`) and its local partial derivatives
/// (`partials`), case by case in the same order. Everything that needs calculus reads
/// these two functions: the forward and backward passes, `--explain`'s formulas, the
/// op tests. A new function is one case in each.
///
/// Conventions at points where a derivative does not exist (documented in the man page):
/// abs'(0) = 0, relu'(0) = 0, min and max send the whole gradient to the first argument
/// on a tie, ∂(a^b)/∂a = b·a^(b−1) is 0 when b = 0, and ∂(a^b)/∂b = a^b·log(a) is 0
/// at a = 0 and nan for a < 0 (also where a^b underflows to 0).
///
/// The partials are written to keep full precision wherever the exact one is a finite
/// double (checked against mpmath by `PartialsOracleTests`): asin' divides by
/// sqrt((1−a)(1+a)), not sqrt(1−a²), which cancels near ±1; tanh' is sech², not 1−tanh²,
/// which is 0 once tanh rounds to ±1 (|a| > 19), an op of its own whose derivative
/// −2·sech²·tanh never meets cosh's overflow (0·inf past |a| = 710); ∂(a^b)/∂a is an op
/// of its own too (`powerDerivative`: a^(b−1) overflows where b·a^(b−1) does not); sigmoid' is σ(a)·σ(−a), not σ(1−σ);
/// atan2's partials divide by hypot(a, b) twice, not by a² + b², which overflows or
/// underflows (1e-200 or 1e200) where the partials are ordinary numbers; atan' is an op
/// of its own (`atanDerivative`: 1/(1 + a²) is 0 once a² overflows, past |a| = 1.3e154,
/// where the derivative is a subnormal number until |a| = 1e162), and so is the product
/// in atan'' = −2·a·atan'/(1 + a²) (`atanDerivativeProduct`: atan'/(1 + a²) underflows
/// past |a| = 1e77, where atan'' is a normal number until |a| = 1e102); hypot's partials
/// a/hypot(a, b) are an op of their own (`hypotQuotient`): computed from a and b scaled
/// by a power of two where hypot is subnormal or infinite (its rounding cost a/out 1.3e-4
/// of itself at a = b = 1e-320, and all of it, 0 for 1/√2, at 1.5e308), and with the
/// derivative b²/hypot³ = (b/hypot)²/hypot, where 1/hypot − (a/hypot)²/hypot cancels
/// when |b| ≪ |a| (1e-10 of ∂²/∂a² lost at b = 1e-3·a, all of it at 1e-8·a).
///
/// Three rows are deliberately not the derivatives of their values. logsumexpShift's
/// partials are 0: logsumexp(x) = c + log Σ exp(x − c) for every c, so its shift c is a
/// constant to the calculus, and gradients, tangents and Hessians through it are exact.
/// logsumexp's log is logsumexpLog(total, rest): log(total), total = 1 + rest, computed
/// as log1p(rest) from rest, the sum without the largest element's 1 (a total of 1 + 1e-17
/// is 1, and near logsumexp = 0 every digit counts), differentiated as log(total), with
/// partial 0 in rest and in rest's elements (logsumexpRest): the gradient stays
/// total's exp(x − c)/total, softmax, bit for bit.
extension Op {
    /// The op's value at `a` (and `b` for two-input ops). Leaves are not computed here.
    @inline(__always)
    public func value(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .constant, .variable: return .nan
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .power: return Glibc.pow(a, b)
        case .negate: return -a
        case .sin: return Glibc.sin(a)
        case .cos: return Glibc.cos(a)
        case .tan: return Glibc.tan(a)
        case .asin: return Glibc.asin(a)
        case .acos: return Glibc.acos(a)
        case .atan: return Glibc.atan(a)
        case .sinh: return Glibc.sinh(a)
        case .cosh: return Glibc.cosh(a)
        case .tanh: return Glibc.tanh(a)
        case .exp: return Glibc.exp(a)
        case .log: return Glibc.log(a)
        case .log2: return Glibc.log2(a)
        case .log10: return Glibc.log10(a)
        case .sqrt: return a.squareRoot()
        case .cbrt: return Glibc.cbrt(a)
        case .abs: return Swift.abs(a)
        case .relu: return a > 0 ? a : (a.isNaN ? a : 0)
        case .sigmoid: return a >= 0 ? 1 / (1 + Glibc.exp(-a)) : Glibc.exp(a) / (1 + Glibc.exp(a))
        case .softplus: return Swift.max(a, 0) + Glibc.log1p(Glibc.exp(-Swift.abs(a)))
        case .min: return a.isNaN || b.isNaN ? .nan : (a <= b ? a : b)
        case .max: return a.isNaN || b.isNaN ? .nan : (a >= b ? a : b)
        case .atan2: return Glibc.atan2(a, b)
        case .hypot: return Glibc.hypot(a, b)
        case .sign: return a > 0 ? 1 : (a < 0 ? -1 : (a.isNaN ? a : 0))
        case .step: return a > 0 ? 1 : (a.isNaN ? a : 0)
        case .lessOrEqual: return a.isNaN || b.isNaN ? .nan : (a <= b ? 1 : 0)
        case .xlogy: return (a == 0 && b >= 0) || (b == 0 && !a.isNaN) ? 0 : a * Glibc.log(b)
        case .multiplyOrZero: return a == 0 && !b.isNaN ? 0 : a * b
        case .sechSquared: return 1 / Glibc.cosh(a) / Glibc.cosh(a)
        case .powerDerivative: return Self.powerDerivative(a, b)
        case .logsumexpShift: return a.isNaN || b.isNaN ? .nan : (a >= b ? a : b)
        case .expDifference: return a == b ? 1 : Glibc.exp(a - b)
        case .logsumexpRest: return a.isNaN || b.isNaN ? .nan : (a >= b ? b : a)
        case .logsumexpLog: return Glibc.log1p(b)
        case .atanDerivative: return Self.atanDerivative(a)
        case .atanDerivativeProduct: return Self.atanDerivativeProduct(a, b)
        case .hypotQuotient: return Self.hypotQuotient(a, b)
        }
    }

    /// a/hypot(a, b); where hypot is subnormal or infinite (a and b finite), from a and b
    /// scaled by a power of two (exact) into the normal range or below overflow: the
    /// rounded hypot has lost the digits the quotient needs (a/hypot is 0.5, not 1/√5, at
    /// (5e-324, 1e-323)). Where hypot is a normal number or 0, a/hypot as written.
    private static func hypotQuotient(_ a: Double, _ b: Double) -> Double {
        let radius = Glibc.hypot(a, b)
        guard !radius.isNormal, radius != 0, a.isFinite, b.isFinite else { return a / radius }
        let scale = radius.isInfinite ? 0x1p-2 : 0x1p600
        return a * scale / Glibc.hypot(a * scale, b * scale)
    }

    /// 1/(1 + a²); as 1/a/a where a² overflows (|a| > 1.3e154), for which 1/(1 + a²) is 0
    /// but the derivative a subnormal number (2.5e-309 at a = 2e154).
    private static func atanDerivative(_ a: Double) -> Double {
        let sum = 1 + a * a
        return sum.isFinite ? 1 / sum : 1 / a / a
    }

    /// u·a/(1 + a²), as (u/(1 + a²))·a (atan'' as it was, -0.64 at 0.5) where that
    /// quotient is a normal number; else as u/(a + 1/a), where it overflows or underflows
    /// (u = atan'(a), a = 1e80: u/(1 + a²) = 1e-320 but the product 1e-240).
    private static func atanDerivativeProduct(_ u: Double, _ a: Double) -> Double {
        let sum = 1 + a * a
        let quotient = u / sum
        if sum.isFinite, quotient.isNormal || u == 0 { return quotient * a }
        return u / (a + 1 / a)
    }

    /// b·a^(b−1), 0 when b = 0 (a not nan). As written where b − 1 is exact and a^(b−1) a
    /// normal number (2·x for x^2, exactly); else as b·(a^b / a) where a^b is normal:
    /// b − 1 rounds (b = 0.1, a = 1e-200: 60 ulp), and a^(b−1) overflows where the product
    /// is finite (a = 1e-320, b = 1e-200: 1e320 times 1e-200). Elsewhere (a = 0, ±inf, a^b
    /// over- or underflowing) as written.
    private static func powerDerivative(_ a: Double, _ b: Double) -> Double {
        if b == 0 { return a.isNaN ? .nan : 0 }
        let exponent = b - 1
        let lower = Glibc.pow(a, exponent)
        if exponent + 1 == b, b - exponent == 1, lower.isNormal, (b * lower).isFinite { return b * lower }
        let power = Glibc.pow(a, b)
        if power.isNormal, a.isFinite, a != 0 {
            let quotient = power / a
            let slope = quotient.isFinite ? b * quotient : b * power / a
            if slope.isFinite { return slope }
        }
        return b * lower
    }

    /// ∂out/∂a and ∂out/∂b at inputs `a`, `b` whose result is `out`, written once in
    /// any `DerivativeAlgebra`. One-input ops return zero as the second partial.
    @inline(__always)
    func partials<A: DerivativeAlgebra>(
        _ a: A.Term, _ b: A.Term, output out: A.Term, in k: A
    ) -> (A.Term, A.Term) {
        switch self {
        case .constant, .variable: return (k.zero, k.zero)
        case .add: return (k.one, k.one)
        case .subtract: return (k.one, k.constant(-1))
        case .multiply: return (b, a)
        case .divide: return (k.divide(k.one, b), k.negate(k.divide(out, b)))
        case .power: return (k.apply(.powerDerivative, a, b), k.apply(.xlogy, out, a))
        case .negate: return (k.constant(-1), k.zero)
        case .sin: return (k.apply(.cos, a), k.zero)
        case .cos: return (k.negate(k.apply(.sin, a)), k.zero)
        case .tan: return (k.add(k.one, k.square(out)), k.zero)
        case .asin: return (k.divide(k.one, k.apply(.sqrt, k.multiply(k.subtract(k.one, a), k.add(k.one, a)))), k.zero)
        case .acos: return (k.negate(k.divide(k.one, k.apply(.sqrt, k.multiply(k.subtract(k.one, a), k.add(k.one, a))))), k.zero)
        case .atan: return (k.apply(.atanDerivative, a), k.zero)
        case .sinh: return (k.apply(.cosh, a), k.zero)
        case .cosh: return (k.apply(.sinh, a), k.zero)
        case .tanh: return (k.apply(.sechSquared, a), k.zero)
        case .exp: return (out, k.zero)
        case .log: return (k.divide(k.one, a), k.zero)
        case .log2: return (k.divide(k.one, k.multiply(a, k.constant(0.6931471805599453))), k.zero)
        case .log10: return (k.divide(k.one, k.multiply(a, k.constant(2.302585092994046))), k.zero)
        case .sqrt: return (k.divide(k.constant(0.5), out), k.zero)
        case .cbrt: return (k.divide(k.one, k.multiply(k.constant(3), k.square(out))), k.zero)
        case .abs: return (k.apply(.sign, a), k.zero)
        case .relu: return (k.apply(.step, a), k.zero)
        case .sigmoid: return (k.multiply(out, k.apply(.sigmoid, k.negate(a))), k.zero)
        case .softplus: return (k.apply(.sigmoid, a), k.zero)
        case .min:
            let first = k.apply(.lessOrEqual, a, b)
            return (first, k.subtract(k.one, first))
        case .max:
            let first = k.apply(.lessOrEqual, b, a)
            return (first, k.subtract(k.one, first))
        case .atan2:
            let radius = k.apply(.hypot, a, b)
            return (k.divide(k.divide(b, radius), radius), k.negate(k.divide(k.divide(a, radius), radius)))
        // hypot is symmetric, bit for bit: hypot(b, a) is out.
        case .hypot: return (k.apply(.hypotQuotient, a, b), k.apply(.hypotQuotient, b, a))
        case .sign, .step: return (k.zero, k.zero)
        case .lessOrEqual: return (k.zero, k.zero)
        case .xlogy: return (k.apply(.log, b), k.divide(a, b))
        case .multiplyOrZero: return (b, a)
        // -2·sech²·tanh: no cosh to overflow (0·inf at |a| > 710) or sech² to square.
        case .sechSquared: return (k.multiply(k.multiply(k.constant(-2), out), k.apply(.tanh, a)), k.zero)
        // b·(b−1)·a^(b−2), and a^(b−1) + b·a^(b−1)·log(a).
        case .powerDerivative:
            let lower = k.apply(.powerDerivative, a, k.subtract(b, k.one))
            return (k.apply(.multiplyOrZero, b, lower), k.add(k.power(a, k.subtract(b, k.one)), k.apply(.xlogy, out, a)))
        // Not the derivatives of their values: exact where they are used (above).
        case .logsumexpShift, .logsumexpRest: return (k.zero, k.zero)
        case .logsumexpLog: return (k.divide(k.one, a), k.zero)
        case .expDifference: return (out, k.negate(out))
        // b²/r³ and -ab/r³ (r = hypot(a, b)) as (b/r)²/r and -(a/r)(b/r)/r: no 1/r − a²/r³
        // to cancel, no b² or r³ to overflow.
        case .hypotQuotient:
            let radius = k.apply(.hypot, a, b)
            let other = k.apply(.hypotQuotient, b, a)
            return (k.divide(k.multiply(other, other), radius), k.negate(k.divide(k.multiply(out, other), radius)))
        // -2·a/(1 + a²)² = (-2·out)·a/(1 + a²).
        case .atanDerivative: return (k.apply(.atanDerivativeProduct, k.multiply(k.constant(-2), out), a), k.zero)
        // a/(1 + a²), and u·(1 − a²)/(1 + a²)² = u/(1 + a²) − 2·out·a/(1 + a²).
        case .atanDerivativeProduct:
            let ratio = k.apply(.atanDerivativeProduct, k.one, b)
            return (ratio, k.subtract(k.divide(a, k.add(k.one, k.square(b))), k.multiply(k.multiply(k.constant(2), out), ratio)))
        }
    }

    /// Where the op has a kink and (a, b) sits exactly on it: the partials from the left
    /// and from the right, each argument moved on its own with the other held; nil
    /// elsewhere. `KinkConvention` chooses among them, `KinkReport` prints them.
    @inline(__always)
    func oneSidedPartials(_ a: Double, _ b: Double) -> (left: (Double, Double), right: (Double, Double))? {
        switch self {
        case .abs where a == 0: return ((-1, 0), (1, 0))
        case .relu where a == 0: return ((0, 0), (1, 0))
        case .min where a == b: return ((1, 1), (0, 0))
        case .max where a == b: return ((0, 0), (1, 1))
        default: return nil
        }
    }

    /// Whether the op has a kink anywhere (abs, relu, min, max).
    var hasKink: Bool {
        switch self {
        case .abs, .relu, .min, .max: return true
        default: return false
        }
    }
}
