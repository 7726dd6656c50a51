/// The catalogue: forward mode (`--tangent`, `--explain=forward-mode`) and the Jacobian
/// of several outputs (`--jacobian`).
extension Message {
    static func tangentNeedsDirection(_ variables: [String]) -> Message {
        Message("the expression has \(variables.count) variables (\(NameList.plain(variables))); forward mode needs a direction",
                help: "give one, such as --tangent \(variables.prefix(2).enumerated().map { "\($1)=\($0 == 0 ? 1 : 0)" }.joined(separator: ","))")
    }
    static func tangentNamesNoVariable(_ name: String, suggestion: String?, variables: [String]) -> Message {
        Message("--tangent names '\(name)', which is not a variable of the expression",
                help: didYouMean(suggestion) ?? (variables.isEmpty ? "the expression has no variables" : "its variables are \(NameList.plain(variables))"))
    }
    static func outputNamesTwice(_ label: String, as names: [String]) -> Message {
        Message("--output names the step \(label) twice" + (names[0] == names[1] ? "" : " (as '\(names[0])' and '\(names[1])')"),
                help: "name each step once; a name assigned more than once means its latest version")
    }
    static func tangentNamesTwice(_ name: String) -> Message {
        Message("--tangent gives '\(name)' twice", help: "give each variable's speed once, such as --tangent \(name)=1")
    }
    static func tangentShape(_ name: String) -> Message {
        Message("--tangent gives '\(name)' a value of another shape than its own",
                help: "give a scalar one number, and a vector or matrix one of its shape, such as u=[1, 0]")
    }
    static func badTangent(_ part: String) -> Message {
        Message("--tangent expects name=number pairs separated by commas, not '\(part)'", help: "such as --tangent x=1,y=0")
    }
}
