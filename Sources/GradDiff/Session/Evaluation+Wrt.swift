extension Evaluation {
    /// Checks that every name in `wrt` is a variable of the program.
    public func validate(wrt: [String]?) throws(UserError) {
        for name in wrt ?? [] where tape.variableSlot(named: name) == nil {
            let suggestion = NameSuggestion.nearest(to: name, among: tape.variableNames)
            let isStep = program.names[name] != nil
            throw UserError(.error(
                isStep ? "--wrt names '\(name)', a step; gradients are reported for inputs"
                       : "--wrt names '\(name)', which is not a variable of the expression",
                help: suggestion.map { "did you mean '\($0)'?" } ?? "its variables are \(NameList.plain(tape.variableNames))"),
                in: nil)
        }
    }
}
