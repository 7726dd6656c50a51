/// Every operation a tape node can hold. The calculus of each lives in one row of the
/// rule table (`Op+Rules.swift`); this file says how each is spelled and shown.
public enum Op: UInt8, CaseIterable, Sendable, BitwiseCopyable {
    // Leaves.
    case constant, variable
    // Operators.
    case add, subtract, multiply, divide, power, negate
    // Functions of one argument.
    case sin, cos, tan, asin, acos, atan, sinh, cosh, tanh
    case exp, log, log2, log10, sqrt, cbrt, abs, relu, sigmoid, softplus
    // Functions of two arguments.
    case min, max, atan2, hypot
    /// Made by derivative rules (abs' = sign, relu' = step); users may call these two,
    /// so that printed derivatives (`graddiff diff`) can be pasted back in.
    /// sign(a) ∈ {-1, 0, 1}; step(a) = 1 if a > 0 else 0.
    /// Internal: used only by derivative rules, never spelled by users.
    /// lessOrEqual(a, b) = 1 if a ≤ b else 0; xlogy(a, b) = a·log(b), 0 when b is 0 or
    /// when a is 0 and b ≥ 0 (log(b) not nan: a negative base's ∂(a^b)/∂b stays nan);
    /// multiplyOrZero(a, b) = a·b, 0 when a = 0 (even if b is infinite).
    /// sechSquared(a) = 1/cosh(a)² (tanh'), powerDerivative(a, b) = b·a^(b−1) (∂(a^b)/∂a):
    /// ops of their own so that their values and derivatives avoid overflow (see the rules).
    case sign, step, lessOrEqual, xlogy, multiplyOrZero, sechSquared, powerDerivative
    /// Internal, made by the lowering of logsumexp and softmax. logsumexpShift(a, b) is
    /// the larger of a and b (nan if either is nan), carrying no derivative (partials 0,
    /// so no kink at a tie): logsumexp subtracts it from every element and adds it back.
    /// expDifference(a, b) = exp(a − b), and 1 when a = b even if both are ±inf (an
    /// element equal to the shift is exp(0)); no node holds a − b, which may overflow.
    /// logsumexpRest(a, b) is the one of a and b that shift(a, b) leaves (the smaller;
    /// b at a tie; nan if either is nan), so that a chain of shifts and rests has every
    /// element but one largest among its rests; no derivative, as the shift.
    /// logsumexpLog(a, b) = log(a) for a = 1 + b (a, Σ exp(x − c) with the largest's 1;
    /// b, the rests' Σ exp(x − c)), computed as log1p(b): a has lost b's digits below
    /// 2⁻⁵³. Its partials are log's in a and 0 in b, which carries no derivative.
    case logsumexpShift, expDifference, logsumexpRest, logsumexpLog
    /// Internal, made by atan's rule: atanDerivative(a) = 1/(1 + a²) (atan') and, for its
    /// derivative, atanDerivativeProduct(u, a) = u·a/(1 + a²): ops of their own so that
    /// neither is 0 where a² overflows or u/(1 + a²) underflows (see the rules).
    case atanDerivative, atanDerivativeProduct
    /// Internal, made by hypot's rule: hypotQuotient(a, b) = a/hypot(a, b) (hypot'), an op
    /// of its own so that its value keeps its digits where hypot is subnormal or overflows
    /// and its derivative b²/hypot³ does not cancel where |b| ≪ |a| (see the rules).
    case hypotQuotient

    /// Number of inputs: 0 for leaves, 1 or 2 otherwise.
    var arity: Int {
        switch self {
        case .constant, .variable: return 0
        case .add, .subtract, .multiply, .divide, .power, .min, .max, .atan2, .hypot, .lessOrEqual, .xlogy, .multiplyOrZero,
             .powerDerivative, .logsumexpShift, .expDifference, .logsumexpRest, .logsumexpLog, .atanDerivativeProduct,
             .hypotQuotient:
            return 2
        default: return 1
        }
    }

    /// The short name in the node table's `op` column and in JSON.
    public var name: String {
        switch self {
        case .constant: return "const"
        case .variable: return "var"
        case .add: return "add"
        case .subtract: return "sub"
        case .multiply: return "mul"
        case .divide: return "div"
        case .power: return "pow"
        case .negate: return "neg"
        case .lessOrEqual: return "le"
        case .multiplyOrZero: return "mul0"
        case .logsumexpShift: return "shift"
        case .expDifference: return "expdiff"
        case .logsumexpRest: return "rest"
        case .logsumexpLog: return "logtotal"
        // Spelled out: "\(self)" reflects on the enum, and every table's first run names
        // every op (a million instructions at start-up).
        case .sechSquared: return "sech2"
        case .powerDerivative: return "dpow"
        case .atanDerivative: return "datan"
        case .atanDerivativeProduct: return "datanmul"
        case .hypotQuotient: return "hquot"
        default: return functionSpelling ?? "op\(rawValue)"
        }
    }

    /// How a user calls the op as a function (`sin`, `atan2`), or nil for operators,
    /// leaves and internal ops.
    var functionSpelling: String? {
        switch self {
        case .sin: return "sin"
        case .cos: return "cos"
        case .tan: return "tan"
        case .asin: return "asin"
        case .acos: return "acos"
        case .atan: return "atan"
        case .sinh: return "sinh"
        case .cosh: return "cosh"
        case .tanh: return "tanh"
        case .exp: return "exp"
        case .log: return "log"
        case .log2: return "log2"
        case .log10: return "log10"
        case .sqrt: return "sqrt"
        case .cbrt: return "cbrt"
        case .abs: return "abs"
        case .relu: return "relu"
        case .sigmoid: return "sigmoid"
        case .softplus: return "softplus"
        case .min: return "min"
        case .max: return "max"
        case .atan2: return "atan2"
        case .hypot: return "hypot"
        case .power: return "pow"
        case .sign: return "sign"
        case .step: return "step"
        case .xlogy: return "xlogy"
        default: return nil
        }
    }

    /// Whether users may call it (internal ops are spelled only in derivative formulas).
    var isUserFunction: Bool {
        functionSpelling != nil && self != .xlogy
    }

    /// Every function name a user may write, with its op: the list `--help`, the man
    /// page, the parser and completion all read. `ln` is another spelling of `log`.
    public static let userFunctions: [(name: String, op: Op)] = {
        var list: [(String, Op)] = []
        for op in Op.allCases where op.isUserFunction {
            list.append((op.functionSpelling!, op))
            if op == .log { list.append(("ln", .log)) }
        }
        return list
    }()

    private static let functionsByName: [String: Op] = Dictionary(
        userFunctions.map { ($0.name, $0.op) }, uniquingKeysWith: { first, _ in first })

    public static func function(named name: String) -> Op? {
        // A name shorter than every function's (`x`, `y`) is none: no dictionary built
        // for it, which the README example would otherwise pay at start-up.
        guard name.utf8.count >= shortestFunctionName else { return nil }
        return functionsByName[name]
    }

    /// `ln`'s length, written out: computing it built `userFunctions` (an array of tuples
    /// whose generic metadata is instantiated at first use) in every run, the README
    /// example's included. `FunctionNamesTests` checks it against the list.
    static let shortestFunctionName = 2

    /// The built-in constants, by every spelling.
    static let constants: [(name: String, value: Double)] = [
        ("pi", Double.pi), ("π", Double.pi), ("e", 2.718281828459045),
    ]

    public static func constant(named name: String) -> Double? {
        constants.first(where: { $0.name == name })?.value
    }

    /// The name a constant's value is written back as (`pi`, `e`; the first spelling),
    /// or nil for any other number.
    static func constantName(of value: Double) -> String? {
        constants.first(where: { $0.value == value })?.name
    }

    /// Whether `name` is taken by a built-in function or constant.
    static func isBuiltIn(_ name: String) -> Bool {
        function(named: name) != nil || constant(named: name) != nil
    }
}
