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
    /// `name=@FILE` binds a vector or matrix read from FILE (see `tables`).
    static func bindings(_ arguments: [String], tables: [String: SourceText] = [:]) -> ParsedBindings {
        if let spaced = CommandLineHints.spacedBindings(arguments) { return ParsedBindings(errors: [spaced]) }
        var parsed = ParsedBindings()
        for argument in arguments {
            do throws(UserError) {
                if let (name, path) = tableBinding(argument), let table = tables[path] {
                    parsed.bindings.append(try Binding.table(argument, name: name, table: table))
                } else {
                    parsed.bindings.append(try Binding.parse(argument))
                }
            } catch {
                parsed.errors += error.diagnostics
                if let equals = argument.firstIndex(of: "=") {
                    parsed.failedNames.insert(String(argument[..<equals]).trimmingCharacters())
                }
            }
        }
        return parsed
    }

    /// The files that `name=@FILE` arguments name, read (status 66 for one that cannot
    /// be read, 65 for one that is not text).
    static func tables(_ arguments: [String]) throws(InputFile.Failure) -> [String: SourceText] {
        var tables: [String: SourceText] = [:]
        for argument in arguments {
            guard let (_, path) = tableBinding(argument), tables[path] == nil else { continue }
            tables[path] = SourceText(name: path == "-" ? "<stdin>" : path, bytes: try InputFile.readText(path))
        }
        return tables
    }

    /// `W=@weights.csv` as ("W", "weights.csv").
    static func tableBinding(_ argument: String) -> (String, String)? {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let value = argument[argument.index(after: equals)...].drop(while: { $0 == " " })
        guard value.hasPrefix("@"), value.count > 1 else { return nil }
        return (String(argument[..<equals]).trimmingCharacters(), String(value.dropFirst()))
    }
}
