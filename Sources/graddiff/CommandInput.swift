import GradDiff

/// What every command reads from its arguments: the program (from `-f FILE` or the first
/// argument) and the bindings after it, all of whose errors are reported at once.
enum CommandInput {
    /// The program text: FILE ('-' for standard input) if given, else the first of
    /// `arguments`, which is removed so that the rest are bindings. A file that is not
    /// UTF-8 text fails with status 65 and is not quoted.
    static func source(file: String?, arguments: inout [String]) throws(InputFile.Failure) -> SourceText {
        if let path = file {
            return SourceText(name: path == "-" ? "<stdin>" : path, bytes: try InputFile.readText(path))
        }
        return SourceText(name: "expression", text: arguments.removeFirst())
    }

    /// Every `name=value` argument parsed, and the diagnostics of those that are not.
    static func bindings(_ arguments: [String]) -> (bindings: [Binding], errors: [LocatedDiagnostic]) {
        if let spaced = CommandLineHints.spacedBindings(arguments) { return ([], [spaced]) }
        var bindings: [Binding] = []
        var errors: [LocatedDiagnostic] = []
        for argument in arguments {
            do throws(UserError) { bindings.append(try Binding.parse(argument)) } catch { errors += error.diagnostics }
        }
        return (bindings, errors)
    }
}
