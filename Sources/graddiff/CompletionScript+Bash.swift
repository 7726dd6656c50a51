/// The bash script: `_graddiff`, registered with `complete -o filenames`, reads
/// COMP_WORDS and COMP_CWORD and fills COMPREPLY.
extension CompletionScript {
    static var bash: String {
        var script = """
            #!/bin/bash
            # graddiff's completion for bash: source it, or install it as
            # share/bash-completion/completions/graddiff.

            # Files and directories (the completed word's), read a line at a time: a name
            # with '*' or '[' in it is not a pattern.
            __graddiff_files() {
                local word
                while IFS= read -r word; do COMPREPLY+=("${word}"); done < <(compgen -f -- "${cur}")
            }

            # Directories, and files ending in one of the extensions given, in any case.
            __graddiff_files_ending() {
                local word extension case_rule
                case_rule=$(shopt -p nocasematch)
                shopt -s nocasematch
                while IFS= read -r word; do
                    if [[ -d "${word}" ]]; then
                        COMPREPLY+=("${word}")
                        continue
                    fi
                    for extension in "$@"; do
                        if [[ "${word}" == *."${extension}" ]]; then
                            COMPREPLY+=("${word}")
                            break
                        fi
                    done
                done < <(compgen -f -- "${cur}")
                eval "${case_rule}"
            }

            _graddiff() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="" command=graddiff
                [[ "${COMP_CWORD}" -gt 0 ]] && prev="${COMP_WORDS[COMP_CWORD-1]}"
                COMPREPLY=()
                # `--format=js`: bash splits the word at '=' (COMP_WORDBREAKS); the value
                # after it is completed as the option's.
                if [[ "${prev}" == "=" && "${COMP_CWORD}" -gt 1 ]]; then
                    prev="${COMP_WORDS[COMP_CWORD-2]}"
                fi
                # After '--' come the expression and bindings, no options.
                local word
                for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
                    [[ "${word}" == -- ]] && return
                done
                # graddiff's rule: a subcommand is the first word, and only the first
                if [[ "${COMP_CWORD}" -gt 1 ]]; then
                    case "${COMP_WORDS[1]}" in
                    \(subcommands.map(\.name).joined(separator: "|"))) command="${COMP_WORDS[1]}" ;;
                    esac
                fi
                case "${command}" in
                help)
                    [[ "${COMP_CWORD}" -eq 2 ]] && COMPREPLY=($(compgen -W '\(helpTopics.joined(separator: " "))' -- "${cur}"))
                    return
                    ;;

            """
        for command in commands {
            script += "    \(command.name))\n"
            script += bashValues(command.options)
            script += "        if [[ \"${cur}\" == -* ]]; then\n"
            let spellings = command.options.flatMap { [$0.shortName, $0.longName].compactMap { $0 } }
            script += "            COMPREPLY=($(compgen -W '\(spellings.joined(separator: " "))' -- \"${cur}\"))\n"
            if command.name == "graddiff" {
                script += "        elif [[ \"${COMP_CWORD}\" -eq 1 ]]; then\n"
                script += "            COMPREPLY=($(compgen -W '\(subcommands.map(\.name).joined(separator: " "))' -- \"${cur}\"))\n"
            }
            script += "        fi\n        ;;\n"
        }
        script += """
                esac
            }

            complete -o filenames -F _graddiff graddiff

            """
        return script
    }

    /// The `case "${prev}"` that completes an option's value, for each option that takes one.
    private static func bashValues(_ options: [OptionDescription]) -> String {
        var cases = ""
        for option in options where option.valueName != nil {
            let pattern = ([option.shortName, option.longName].compactMap { $0 }).joined(separator: "|")
            let action: String
            switch option.completion {
            case .nothing: action = ""
            case .choices: action = "COMPREPLY=($(compgen -W '\(option.choices.joined(separator: " "))' -- \"${cur}\")); "
            case .files: action = "__graddiff_files; "
            case .filesEnding(let extensions): action = "__graddiff_files_ending \(extensions.joined(separator: " ")); "
            }
            // An optional value (--explain) may be left out: the expression can follow instead.
            if case .optional = option.value, !action.isEmpty {
                cases += "        \(pattern)) \(action.dropLast(2)) ;;\n"
                continue
            }
            cases += "        \(pattern)) \(action)return ;;\n"
        }
        return "        case \"${prev}\" in\n" + cases + "        esac\n"
    }
}
