import ArgumentParser
import GradDiff

extension Graddiff {
    /// The entry point: checks `--explain=PASS` before parsing, then runs as usual.
    ///
    /// `--explain` takes an optional value (swift-argument-parser's `defaultAsFlag`),
    /// and a value that does not parse makes it a bare flag, so that `--explain "x*y"`
    /// leaves the expression alone. An attached value cannot be an expression, though:
    /// `--explain=froward` is a typo, and would otherwise silently mean backward.
    static func main() {
        // `graddiff diff ...` is the diff command when something other than bindings
        // follows; `graddiff diff` and `graddiff diff diff=2` still evaluate an
        // expression that is a variable named diff.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "diff", arguments.dropFirst().contains(where: { (try? Binding.parse($0)) == nil }) {
            DiffCommand.main(Array(arguments.dropFirst()))
            return
        }
        if MinimizeCommand.isRequested(by: CommandLine.arguments) {
            MinimizeCommand.main(Array(CommandLine.arguments.dropFirst(2)))
            return
        }
        for argument in CommandLine.arguments.dropFirst() {
            if argument == "--" { break }
            guard argument.hasPrefix("--explain=") else { continue }
            let value = argument.dropFirst("--explain=".count)
            if ExplainPass(rawValue: String(value)) == nil {
                let passes = ExplainPass.allCases.map(\.rawValue).joined(separator: ", ")
                exit(withError: ValidationError("--explain=\(value) is not a pass; use one of \(passes)"))
            }
        }
        main(nil)
    }
}
