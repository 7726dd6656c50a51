/// What the rule table's partial derivatives are written in. One table, several
/// interpretations: `Double` for the numeric backward pass, text for `--explain`'s
/// formulas, new tape nodes for derivatives of derivatives.
protocol DerivativeAlgebra {
    associatedtype Term
    func constant(_ value: Double) -> Term
    func apply(_ op: Op, _ a: Term) -> Term
    func apply(_ op: Op, _ a: Term, _ b: Term) -> Term
}

extension DerivativeAlgebra {
    @inline(__always) var zero: Term { constant(0) }
    @inline(__always) var one: Term { constant(1) }
    @inline(__always) func add(_ a: Term, _ b: Term) -> Term { apply(.add, a, b) }
    @inline(__always) func subtract(_ a: Term, _ b: Term) -> Term { apply(.subtract, a, b) }
    @inline(__always) func multiply(_ a: Term, _ b: Term) -> Term { apply(.multiply, a, b) }
    @inline(__always) func divide(_ a: Term, _ b: Term) -> Term { apply(.divide, a, b) }
    @inline(__always) func power(_ a: Term, _ b: Term) -> Term { apply(.power, a, b) }
    @inline(__always) func negate(_ a: Term) -> Term { apply(.negate, a) }
    @inline(__always) func square(_ a: Term) -> Term { apply(.multiply, a, a) }
}

/// Plain numbers: the numeric backward pass.
struct NumericAlgebra: DerivativeAlgebra {
    init() {}
    @inline(__always) func constant(_ value: Double) -> Double { value }
    @inline(__always) func apply(_ op: Op, _ a: Double) -> Double { op.value(a, 0) }
    @inline(__always) func apply(_ op: Op, _ a: Double, _ b: Double) -> Double { op.value(a, b) }
}
