/// The zsh script: `_graddiff`, found on fpath by compinit (or sourced), one
/// `_arguments` specification per option, each with its help.
extension CompletionScript {
    static var zsh: String {
        var script = """
            #compdef graddiff
            # graddiff's completion for zsh: put it on fpath as _graddiff.

            _graddiff() {
                # graddiff's rule: a subcommand is the first word, and only the first
                if (( CURRENT > 2 )) && [[ "${words[2]}" = (\(subcommands.map(\.name).joined(separator: "|"))) ]]; then
                    local -r subcommand="${words[2]}"
                    shift words
                    (( CURRENT-- ))
                    "_graddiff_${subcommand}"
                    return
                fi
                _graddiff_graddiff
            }

            _graddiff_help() {
                _arguments -s -S : '1:subcommand:(\(helpTopics.joined(separator: " ")))'
            }

            """
        for command in commands {
            script += "\n_graddiff_\(command.name)() {\n"
            script += "    local context state state_descr line\n    local -A opt_args\n    local -i ret=1\n"
            script += "    local -ar arg_specs=(\n"
            for option in command.options {
                script += "        " + zshSpecification(option) + "\n"
            }
            script += "        '*:EXPRESSION name=value:'\n"
            if command.name == "graddiff" {
                script += "        '1: :->command'\n"
            }
            script += "    )\n    _arguments -w -s -S : \"${arg_specs[@]}\" && ret=0\n"
            if command.name == "graddiff" {
                // A subcommand is the first word only: after an option it would be the expression.
                script += "    if [[ \"${state}\" = command ]] && (( CURRENT == 2 )); then\n        local -ar subcommands=(\n"
                for subcommand in subcommands {
                    script += "            " + zshQuoted(subcommand.name + ":" + zshEscaped(subcommand.abstract)) + "\n"
                }
                script += "        )\n        _describe -V subcommand subcommands && ret=0\n    fi\n"
            }
            script += "    return \"${ret}\"\n}\n"
        }
        script += """

            if [[ "${funcstack[1]}" = _graddiff ]]; then
                _graddiff "$@"
            else
                compdef _graddiff graddiff
            fi

            """
        return script
    }

    /// `'--format[help]:FORMAT:(table json ...)'`, `'(-q --quiet)'{-q,--quiet}'[help]'`.
    private static func zshSpecification(_ option: OptionDescription) -> String {
        var names = zshQuoted(option.longName)
        if let short = option.shortName {
            names = zshQuoted("(\(short) \(option.longName))") + "{\(short),\(option.longName)}"
        }
        var tail = "[" + zshEscaped(option.helpWithDefault) + "]"
        if let valueName = option.valueName {
            // A value, even an optional one (--explain's): zsh would otherwise offer the
            // subcommands after it, which are no expression.
            tail += ":" + valueName + ":"
            switch option.completion {
            case .nothing: break
            case .choices: tail += "(" + option.choices.joined(separator: " ") + ")"
            case .files: tail += "_files"
            case .filesEnding(let extensions):
                // One extension without parentheses: `*.(svg)` would be a glob qualifier.
                let pattern = extensions.count == 1 ? extensions[0] : "(" + extensions.joined(separator: "|") + ")"
                tail += "_files -g \"*." + pattern + "\""
            }
        }
        // The names' quotes close before the braces; the rest is one quoted word of its own.
        return option.shortName == nil ? zshQuoted(option.longName + tail) : names + zshQuoted(tail)
    }

    /// Brackets and colons escaped, as `_arguments` reads a description.
    private static func zshEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == ":" || character == "[" || character == "]" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// `text` in single quotes, for the shell.
    static func zshQuoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }
}
