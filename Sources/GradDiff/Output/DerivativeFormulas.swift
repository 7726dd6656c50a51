/// `graddiff diff`: the output's partial derivatives as formulas, built by
/// `SymbolicBackwardPass` and printed by `DerivativeText`, with their values when the
/// program's variables are bound.
public struct DerivativeFormulas: Sendable {
    /// The variables differentiated against, in order.
    public let names: [String]
    public let text: DerivativeText
    /// The tape the derivatives were appended to, and each derivative's node on it.
    public let tape: Tape
    let roots: [NodeID]
    let maximumWidth: Int
    /// Each derivative's value, when bindings were given.
    public let values: [Double]?
    /// How many times each variable was differentiated (`--order`).
    public let order: Int

    /// Differentiates `program`'s output with respect to `wrt` (every variable when
    /// nil), `order` times; `variables` (by slot) gives the values, if bound. Throws
    /// once the derivatives' graph would hold more than `nodeLimit` nodes.
    public init(_ program: Program, output: NodeID, wrt: [String]?, order: Int = 1, variables: [Double]?,
                notation: DerivativeText.Notation = .program, maximumWidth: Int = DerivativeText.defaultMaximumWidth,
                nodeLimit: Int = .max) throws(UserError) {
        let tape = program.tape
        self.order = order
        names = wrt ?? tape.variableNames
        let algebra = NodeAlgebra(continuing: tape, nodeLimit: nodeLimit)
        var roots: [NodeID] = []
        if order == 1 {
            let gradients = try SymbolicBackwardPass.variableGradients(algebra, output: output)
            roots = names.map { name in tape.variableSlot(named: name).map { gradients[$0] } ?? algebra.zero }
        } else {
            for name in names {
                guard let slot = tape.variableSlot(named: name) else {
                    roots.append(algebra.zero)
                    continue
                }
                roots.append(try Hessian.derivativeNode(algebra, output: output, slot: slot, order: order))
            }
        }
        self.tape = algebra.tape
        self.roots = roots
        self.maximumWidth = maximumWidth
        text = DerivativeText(algebra.tape, roots: roots, notation: notation, maximumWidth: maximumWidth)
        if let variables {
            let nodeValues = ForwardPass.run(algebra.tape, variables: variables)
            values = roots.map { nodeValues[Int($0)] }
        } else {
            values = nil
        }
    }

    /// One derivative alone, as a program of its own steps and then its expression
    /// joined by `separator` (`t1 = cos(x); 2 * t1`).
    public func program(of index: Int, separator: String = "; ") -> String {
        DerivativeText(tape, roots: [roots[index]], maximumWidth: maximumWidth).program(separator: separator)
    }
}
