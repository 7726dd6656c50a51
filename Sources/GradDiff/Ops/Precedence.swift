/// The one precedence table: how tightly each operator binds and which way it groups.
///
///     + -      1  left        a - b - c  = (a - b) - c
///     * /      2  left        a / b / c  = (a / b) / c
///     unary -  3  prefix      -x * y     = (-x) * y
///     ^ **     4  right       2^3^2      = 2^(3^2);  -x^2 = -(x^2);  2^-1 = 2^(-1)
enum Precedence {
    static let sum = 1
    static let product = 2
    static let prefix = 3
    static let power = 4
    /// Leaves and calls: never need parentheses.
    static let atom = 5

    /// The precedence at which a node prints, for minimal parentheses.
    static func of(_ op: Op) -> Int {
        switch op {
        case .add, .subtract: return sum
        case .multiply, .divide: return product
        case .negate: return prefix
        case .power: return power
        default: return atom
        }
    }
}
