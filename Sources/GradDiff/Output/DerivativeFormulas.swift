/// `graddiff diff`: the output's partial derivatives as formulas, built by
/// `SymbolicBackwardPass`, rewritten as a textbook prints them (`TextbookForm`) and
/// printed by `DerivativeText`, with their values when the program's variables are
/// bound. The values are the numeric gradient (for `order` 1 the backward pass itself,
/// for higher orders the exact derivative graph), never the rewritten formula's, so
/// they equal what `graddiff --wrt` and `--order` print, nan and inf included.
public struct DerivativeFormulas: Sendable {
    /// The variables differentiated against, in order.
    public let names: [String]
    public let text: DerivativeText
    /// The tape the derivatives were appended to, its versioned variables renamed
    /// (`pasteableNames`) unless printed as LaTeX, and each derivative's node on it.
    public let tape: Tape
    let roots: [NodeID]
    let maximumWidth: Int
    /// Each derivative's value, when bindings were given: the numeric gradient.
    public let values: [Double]?
    /// What each printed formula evaluates to at the bindings: the same as `values` up
    /// to rounding, except where an identity the textbook form uses fails (0·nan,
    /// a min or max tie) or one of its terms breaks (`formulaFaults`).
    public let formulaValues: [Double]?
    /// For each printed formula whose value parts from the gradient by more than
    /// rounding, its first term that is not a finite, normal double at the bindings (an
    /// overflow, an underflow, log(0)), if any: why.
    let formulaFaults: [FormulaFault?]?
    /// Whether a min or max partial prints as a step, which is 0 at a tie where
    /// graddiff's gradient goes to the first argument.
    public let usesTieForm: Bool
    /// How many times each variable was differentiated (`--order`).
    public let order: Int
    /// Each versioned variable (`x#2`) and the name the program text prints it as (`x_2`).
    let pasteableNames: [(from: String, to: String)]

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
        let (form, printedRoots) = TextbookForm.rewrite(algebra.tape, roots: roots)
        // LaTeX is read, not pasted: it keeps the versions' own names (`x\#2`).
        let printed = notation == .program ? form.tape.withPasteableVariableNames() : (tape: form.tape, renamings: [])
        pasteableNames = printed.renamings
        self.tape = printed.tape
        self.roots = printedRoots
        self.maximumWidth = maximumWidth
        usesTieForm = form.usesTieForm
        text = DerivativeText(printed.tape, roots: printedRoots, notation: notation, maximumWidth: maximumWidth)
        guard let variables else {
            values = nil
            formulaValues = nil
            formulaFaults = nil
            return
        }
        let values: [Double]
        if order == 1 {
            let nodeValues = ForwardPass.run(tape, variables: variables)
            let gradients = BackwardPass.run(tape, values: nodeValues, output: output)
            values = names.map { name in tape.variableSlot(named: name).map { gradients[Int(tape.variableNodes[$0])] } ?? 0 }
        } else {
            let nodeValues = ForwardPass.run(algebra.tape, variables: variables)
            values = roots.map { nodeValues[Int($0)] }
        }
        self.values = values
        let printedValues = ForwardPass.run(form.tape, variables: variables)
        let formulaValues = printedRoots.map { printedValues[Int($0)] }
        self.formulaValues = formulaValues
        // Each walks the formula's terms: only where the values part.
        formulaFaults = printedRoots.indices.map { index in
            guard Self.differs(formulaValues[index], values[index], faulted: true) else { return nil }
            return FormulaFault.first(in: form.tape, values: printedValues, root: printedRoots[index], powerLogs: form.powerLogs,
                                       powerSlopes: form.powerSlopes)
        }
    }

    /// One derivative alone, as a program of its own steps and then its expression
    /// joined by `separator` (`t1 = cos(x); 2 * t1`).
    public func program(of index: Int, separator: String = "; ") -> String {
        DerivativeText(tape, roots: [roots[index]], maximumWidth: maximumWidth).program(separator: separator)
    }
}
