/// The fish script: one `complete` line per option of each command, conditioned on
/// which command the line runs.
extension CompletionScript {
    static var fish: String {
        var script = """
            # graddiff's completion for fish: put it in vendor_completions.d as graddiff.fish.

            # The command the line runs: a subcommand is the first word, and only the first.
            function __graddiff_command
                set -l tokens (commandline -opc)
                if test (count $tokens) -ge 2; and contains -- $tokens[2] \(subcommands.map(\.name).joined(separator: " "))
                    echo $tokens[2]
                else
                    echo graddiff
                end
            end

            # Directories, and files ending in one of the extensions given, in any case.
            # The word as typed may be `--render=NAME`, and quoted or escaped.
            function __graddiff_files_ending
                set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))
                set token (string unescape --style=script -- "$token")
                for path in "$token"*
                    if test -d $path
                        echo $path/
                        continue
                    end
                    for extension in $argv
                        if string match -qi -- "*.$extension" $path
                            echo $path
                            break
                        end
                    end
                end
            end

            complete -c graddiff -f
            complete -c graddiff -n 'test (count (commandline -opc)) -eq 2; and test (__graddiff_command) = help' -a '\(helpTopics.joined(separator: " "))'

            """
        for subcommand in subcommands {
            script += "complete -c graddiff -n 'test (count (commandline -opc)) -eq 1' -a \(subcommand.name) -d \(fishQuoted(subcommand.abstract))\n"
        }
        for command in commands {
            let condition = fishQuoted("test (__graddiff_command) = \(command.name)")
            for option in command.options {
                var line = "complete -c graddiff -n \(condition)"
                if let short = option.short { line += " -s \(short)" }
                line += " -l \(option.long) -d \(fishQuoted(option.helpWithDefault))"
                if option.valueName != nil {
                    // Even an optional value (--explain's): fish offers values only for -r.
                    line += " -r"
                    switch option.completion {
                    case .nothing: line += " -f"
                    case .choices: line += " -f -a \(fishQuoted(option.choices.joined(separator: " ")))"
                    case .files: line += " -F"
                    case .filesEnding(let extensions):
                        line += " -f -a \(fishQuoted("(__graddiff_files_ending \(extensions.joined(separator: " ")))"))"
                    }
                }
                script += line + "\n"
            }
        }
        return script
    }

    /// `text` in single quotes, as fish reads them.
    private static func fishQuoted(_ text: String) -> String {
        "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
    }
}
