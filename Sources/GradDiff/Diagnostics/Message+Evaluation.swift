/// The catalogue: binding inputs, choosing what to differentiate and what to report,
/// and what the numbers turned out to be.
extension Message {
    static func boundTwice(_ name: String, first: String, second: String) -> Message {
        Message("'\(name)' is bound twice", help: "keep one of \(first) and \(second)")
    }
    static func stepBound(_ name: String) -> Message {
        Message("'\(name)' is a step the program computes, not an input", help: "bind the inputs it is computed from instead")
    }
    /// `suggestion` is a variable still without a value; `variables` are the expression's.
    static func boundButUnused(_ name: String, suggestion: String?, variables: [String]) -> Message {
        Message("'\(name)' is bound but not used",
                help: didYouMean(suggestion)
                    ?? (variables.isEmpty ? "the expression has no variables" : "the expression's variables are \(NameList.plain(variables))"))
    }
    /// The help of "no value for the variable 'x'" when `binding` (`X=1`) bound a near
    /// miss instead: the fix alone when `variable` is the only one missing, else after
    /// the general help.
    static func misspelledBinding(_ binding: String, binds name: String, not variable: String, fixed: String,
                                  alone: Bool, otherwise: String) -> String {
        let caseOnly = name.lowercased() == variable.lowercased()
        let note = "\(binding) binds '\(name)', not '\(variable)'" + (caseOnly ? " (names are case-sensitive)" : "")
        return alone ? "\(note): write \(fixed)" : "\(otherwise); \(note)"
    }
    /// `list` names the variables (quoted); `how` says how to give them values.
    static func missingValues(_ list: String, count: Int, how: String) -> Message {
        Message(count == 1 ? "no value for the variable \(list)" : "no values for the variables \(list)", help: how)
    }
    static let onlyFunctions = Message("there is nothing to differentiate: the program only defines functions",
                                       help: "end it with an expression that calls them")
    /// `--output NAME` (the same check for the main command and `graddiff diff`).
    static func outputUndefined(_ name: String, suggestion: String?, steps: [String]) -> Message {
        Message("--output names '\(name)', which the program does not define",
                help: didYouMean(suggestion) ?? (steps.isEmpty ? "the program has no named steps" : "its steps are \(NameList.plain(steps))"))
    }
    /// `--output f` naming a user function, which has no value of its own.
    static func outputNamesFunction(_ name: String) -> Message {
        Message("--output names '\(name)', a function; --output names a step", help: "name a call, as in p = \(name)(x), then --output p")
    }
    /// `--wrt NAME` or `:wrt NAME` (`option`) naming a step instead of an input.
    static func wrtNamesStep(_ name: String, option: String = "--wrt", help: String? = nil) -> Message {
        Message("\(option) names '\(name)', a step; gradients are reported for inputs", help: help)
    }
    /// `--wrt NAME` naming no variable (the same check for every command).
    static func wrtNamesTwice(_ element: String, option: String = "--wrt") -> Message {
        Message("\(option) names '\(element)' twice (a vector or matrix names each of its elements)",
                help: "name each variable or element once")
    }
    static func wrtNamesNoVariable(_ name: String, suggestion: String?, variables: [String]) -> Message {
        Message("--wrt names '\(name)', which is not a variable of the expression",
                help: didYouMean(suggestion) ?? (variables.isEmpty ? "the expression has no variables" : "its variables are \(NameList.plain(variables))"))
    }
    /// What becomes of a step the output does not use: the node table prints it, an
    /// output that prints no steps (-q, --batch, --hessian, ...) computes it without
    /// printing it, a Jacobian has no row for it, minimize leaves it out of what it
    /// minimizes.
    public enum UnusedStepFate: Sendable {
        case stillPrinted, notPrinted, drawnNotPrinted, noJacobianRow, notMinimized
    }
    static func unusedByOutput(_ what: String, _ fate: UnusedStepFate) -> Message {
        let help = switch fate {
        case .stillPrinted: "it is still computed and printed; --output NAME differentiates another step"
        case .notPrinted: "it is still computed, but not printed; --output NAME differentiates another step"
        case .drawnNotPrinted: "it is still computed and drawn, but not printed; --output NAME differentiates another step"
        case .noJacobianRow: "the Jacobian has no row for it; --output NAME differentiates another step"
        case .notMinimized: "what is minimized does not depend on it; --output NAME minimizes another step"
        }
        return Message("\(what) is not used by the output", help: help)
    }
    static func moreUnusedSteps(_ count: Int) -> Message { Message("\(count) more steps are not used by the output") }

    static func atKink(_ node: String, _ what: String, derivatives: String) -> Message {
        Message("\(node) is evaluated at a kink: \(what)", help: derivatives)
    }
    static func moreKinks(_ count: Int) -> Message { Message("\(count) more nodes are evaluated at a kink") }
    /// `given` is the value as the user wrote it (`1/0`, `inf`).
    static func nonFiniteInput(_ name: String, value: String, given: String) -> Message {
        Message("'\(name)' is \(value)", help: "its value was given as \(given)")
    }
    /// `inputs` lists each input as `label = value`.
    static func nonFiniteNode(_ node: String, text: String, value: String, inputs: [String]) -> Message {
        Message("\(node) = \(text) is \(value)",
                help: "its input\(inputs.count == 1 ? " is" : "s are") \(inputs.joined(separator: ", "))")
    }
    static func moreNonFinite(_ count: Int) -> Message { Message("\(count) more nodes became nan or inf") }
    static func nonFiniteGradient(_ contribution: String, at node: String, text: String, received: String,
                                  partialName: String, partial: String, value: String, inputs: [String]) -> Message {
        Message("the backward pass first becomes \(contribution) at \(node) = \(text): "
                + "its gradient \(received) times \(partialName) = \(partial) = \(value)",
                help: "there \(inputs.joined(separator: ", ")); the value is finite but not differentiable here")
    }

    static func graphTooLarge(_ limit: Int) -> Message {
        Message("the graph has more than \(limit) nodes, the limit", help: "raise it with --max-nodes N, or write a smaller expression")
    }
    /// Calls of user functions that take more than `limit` steps to expand (each body
    /// node visited, each call made), whether or not they add nodes.
    static func expansionTooLong(_ limit: Int) -> Message {
        Message("expanding the calls of user functions takes more than \(limit) steps, the limit",
                help: "raise it with --max-nodes N, or call fewer functions")
    }
    static func derivativeTooLarge(_ limit: Int) -> Message {
        Message("the derivative's graph has more than \(limit) nodes, the limit",
                help: "raise it with --max-nodes N, or ask for a lower --order or fewer variables (--wrt)")
    }
    static let interrupted = Message("interrupted")

    /// `--check`: the gradients of `names` differ from the finite differences beyond
    /// the tolerance and beyond the differences' own error.
    static func checkFailed(_ names: String, tolerance: Double) -> Message {
        Message("the gradient check failed for \(names): relative error above \(NumberFormat.shortest(tolerance))")
    }
    /// `--check` cannot judge the gradient of `name` here: the output or it is not finite.
    static func cannotCheckNotFinite(_ name: String) -> Message {
        Message("cannot check \(name) here: the output or \(name) is not finite")
    }
    /// `--check`: no step gives differences that settle.
    static func cannotCheckUnsettled(_ name: String) -> Message {
        Message("cannot check \(name) here: no step gives a finite difference that settles",
                help: "a kink, pole or edge of the domain is near, or rounding in the expression swamps the differences")
    }
    /// `--check`: the output keeps its value, to the last bit, over every step.
    static func cannotCheckFlat(_ name: String) -> Message {
        Message("cannot check \(name) here: the output's value does not change over any step of \(name)",
                help: "its changes are below the rounding of its value, so a difference of 0 says nothing of its slope")
    }
    /// `--check`: the difference settled, uncertain by `error`, more than the tolerance allows.
    static func cannotCheckImprecise(_ name: String, error: Double, tolerance: Double) -> Message {
        Message("cannot check \(name) here: the finite difference is uncertain by \(NumberFormat.significant(error, digits: 3)), "
                + "more than --tol \(NumberFormat.shortest(tolerance)) allows")
    }
}
