import GradDiff

/// The bindings of a command line, and what was wrong with the others.
struct ParsedBindings {
    var bindings: [Binding] = []
    var errors: [LocatedDiagnostic] = []
    /// The names whose bindings were refused: each now reads as a free scalar.
    var failedNames: Set<String> = []

    /// Every problem to report when the program's parse or run also failed with `error`:
    /// the bindings' errors, then the program's, less those that only follow from a
    /// refused binding (with `W=@bad.csv` refused, `sum(W)` "takes a vector, but W is a
    /// scalar").
    func diagnostics(adding error: UserError) -> [LocatedDiagnostic] {
        if errors.isEmpty || error.diagnostics.elementsEqual(errors, by: { $0.diagnostic == $1.diagnostic }) {
            return error.diagnostics
        }
        return errors + error.diagnostics.filter { !$0.uses(anyOf: failedNames) }
    }
}
