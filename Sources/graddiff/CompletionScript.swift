import ArgumentParser

/// `graddiff --generate-completion-script SHELL`: swift-argument-parser's script, which
/// knows every option, its value list and where a file is expected, taught graddiff's
/// rule for subcommands (`Subcommand.requested(by:)`).
///
/// argument-parser finds a subcommand after the root command's positional arguments,
/// and graddiff's root takes any number of them (the expression and its bindings), so
/// its scripts would never reach `diff`'s or `minimize`'s options. graddiff chooses a
/// subcommand by the first word alone. Each edit below replaces one passage of the
/// generated script; `CompletionTests` runs the scripts in bash, zsh and fish, so a new
/// argument-parser that words them differently fails there, not at a user's Tab.
enum CompletionScript {
    /// The subcommands as the first word: `diff`, `minimize` and `help`.
    static var subcommands: [String] {
        Graddiff.configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
    }

    /// The shell `arguments` ask a script for, if they ask for one graddiff can patch
    /// (`--generate-completion-script bash`, `=bash`, or the login shell with no value).
    static func requestedShell(by arguments: [String]) -> CompletionShell? {
        let option = "--generate-completion-script"
        guard let index = arguments.firstIndex(where: { $0 == option || $0.hasPrefix(option + "=") }),
              !arguments[..<index].contains("--") else { return nil }
        if arguments[index].hasPrefix(option + "=") {
            return CompletionShell(rawValue: String(arguments[index].dropFirst(option.count + 1)))
        }
        let next = arguments.index(after: index)
        if next < arguments.endIndex, !arguments[next].hasPrefix("-") {
            return CompletionShell(rawValue: arguments[next])
        }
        return CompletionShell.autodetected()
    }

    /// The script for `shell`.
    static func script(for shell: CompletionShell) -> String {
        let generated = Graddiff.completionScript(for: shell)
        switch shell {
        case .bash: return bash(generated)
        case .zsh: return zsh(generated)
        default: return fish(generated)
        }
    }

    /// The words graddiff's help takes: `graddiff help diff`.
    private static var helpTopics: String {
        subcommands.filter { $0 != "help" }.joined(separator: " ")
    }

    private static func bash(_ script: String) -> String {
        var script = script
        script.insert(after: "    local -a unparsed_words=(\"${COMP_WORDS[@]:1:${COMP_CWORD}}\")\n", """

                # graddiff's rule: a subcommand is the first word, and only the first
                if [[ "${COMP_CWORD}" -gt 1 ]]; then
                    case "${COMP_WORDS[1]}" in
                    \(subcommands.joined(separator: "|")))
                        local -a repeating_flags non_repeating_flags repeating_options non_repeating_options
                        unparsed_words=("${COMP_WORDS[@]:2:${COMP_CWORD}-1}")
                        "_graddiff_${COMP_WORDS[1]}"
                        return
                        ;;
                    esac
                fi

            """)
        script.replace(from: "    # Offer subcommand / subcommand argument completions\n", through: "    esac\n}\n", with: """
                # Offer subcommand completions, as the first word
                if [[ "${COMP_CWORD}" -eq 1 && "${cur}" != -* ]]; then
                    COMPREPLY+=($(compgen -W '\(subcommands.joined(separator: " "))' -- "${cur}"))
                fi
            }

            """)
        script.replace(from: "_graddiff_help() {\n", through: "}\n", with: """
            _graddiff_help() {
                if [[ "${COMP_CWORD}" -eq 2 ]]; then
                    COMPREPLY+=($(compgen -W '\(helpTopics)' -- "${cur}"))
                fi
            }

            """)
        return script
    }

    private static func zsh(_ script: String) -> String {
        var script = script
        script.insert(after: "    local -ir current_word_index=\"$((CURRENT - 1))\"\n", """

                # graddiff's rule: a subcommand is the first word, and only the first
                if (( CURRENT > 2 )) && [[ "${words[2]}" = (\(subcommands.joined(separator: "|"))) ]]; then
                    local -r subcommand="${words[2]}"
                    shift words
                    (( CURRENT-- ))
                    "_graddiff_${subcommand}"
                    return
                fi

            """)
        // The first word is an expression or a subcommand; the rest are bindings.
        script.replace(from: "        '(-): :->command'\n", through: "        '(-)*:: :->arg'\n", with: "        '1: :->command'\n")
        script.replace(from: "    arg)\n", through: "        esac\n        ;;\n", with: "")
        script.replace(from: "_graddiff_help() {\n", through: "    )\n", with: """
            _graddiff_help() {
                local -i ret=1
                local -ar arg_specs=(
                    '1:subcommand:(\(helpTopics))'
                )

            """)
        return script
    }

    private static func fish(_ script: String) -> String {
        var script = script
        script.replace(from: "    case 'graddiff'\n", through: "        switch $unparsed_tokens[1]\n") { rootParse in """
                case 'graddiff'
                    if not contains -- "$unparsed_tokens[2]" \(subcommands.joined(separator: " "))
                \(rootParse)            return
                    end
                    set -a commands $unparsed_tokens[1]
                    set -e unparsed_tokens[1]
                    switch $unparsed_tokens[1]

            """ }
        // `graddiff help` takes a subcommand's name, and no --version.
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("complete -c 'graddiff' -n '__graddiff_should_offer_completions_for_flags_or_options \"graddiff help\"") }
        return lines.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
            + "complete -c 'graddiff' -n '__graddiff_should_offer_completions_for_positional \"graddiff help\" -eq 1' -fa '\(helpTopics)'\n"
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text.removeLast() }
        return String(text)
    }

    /// Inserts `text` after the first occurrence of `anchor`; unchanged if there is none.
    fileprivate mutating func insert(after anchor: String, _ text: String) {
        guard let range = firstRange(of: anchor) else { return }
        insert(contentsOf: text, at: range.upperBound)
    }

    /// Replaces the first passage from `start` through the first `end` after it by
    /// `text`; unchanged if there is none.
    fileprivate mutating func replace(from start: String, through end: String, with text: String) {
        replace(from: start, through: end) { _ in text }
    }

    /// As above, with the text made from what lies between `start` and `end`.
    fileprivate mutating func replace(from start: String, through end: String, with text: (String) -> String) {
        guard let head = firstRange(of: start), let tail = self[head.upperBound...].firstRange(of: end) else { return }
        replaceSubrange(head.lowerBound..<tail.upperBound, with: text(String(self[head.upperBound..<tail.lowerBound])))
    }
}
