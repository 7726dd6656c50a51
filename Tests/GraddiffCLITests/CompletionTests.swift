import Foundation
import Testing

/// The completion scripts `--generate-completion-script` prints, run in the shells they
/// are for, in a directory holding net.gd, data.csv, graph.svg, notes.txt, "d e.svg",
/// plot[1].svg (a name that is also a pattern), plot1.svg (which it matches) and sub/:
/// bash through its programmable-completion variables (COMP_WORDS, COMP_CWORD) and the
/// script's own function, fish through `complete -C` (fish's completion engine, no
/// terminal needed), zsh through a real terminal (tmux), where compsys runs on Tab.
@Suite struct CompletionTests {
    /// What completing the last word of `words` offers. `exactly`: nothing else;
    /// `including` / `excluding`: among the offers, or not. Directories end in '/'.
    struct Case: CustomTestStringConvertible, Sendable {
        var words: [String]
        var exactly: Set<String>? = nil
        var including: Set<String> = []
        var excluding: Set<String> = []
        var testDescription: String { words.joined(separator: " ") + "<Tab>" }
    }

    static let cases: [Case] = [
        Case(words: ["graddiff", ""], including: ["diff", "minimize", "help"]),
        Case(words: ["graddiff", "mi"], exactly: ["minimize"]),
        Case(words: ["graddiff", "minimize", "--"], including: ["--lr", "--optimizer", "--data", "--plot", "--history"],
             excluding: ["--batch", "--check", "--hessian"]),
        Case(words: ["graddiff", "diff", "--"], including: ["--order", "--format", "--wrt"],
             excluding: ["--batch", "--lr"]),
        Case(words: ["graddiff", "diff", "--format", ""], exactly: ["text", "json", "latex"]),
        Case(words: ["graddiff", "--format", ""], exactly: ["table", "json", "csv", "tsv", "markdown", "dot"]),
        Case(words: ["graddiff", "--kink", ""], exactly: ["zero", "left", "right", "mean", "error"]),
        Case(words: ["graddiff", "minimize", "--optimizer", ""], exactly: ["sgd", "momentum", "adam"]),
        Case(words: ["graddiff", "-f", "ne"], exactly: ["net.gd"]),
        Case(words: ["graddiff", "--file", ""], exactly: Self.files),
        Case(words: ["graddiff", "--batch", ""], exactly: Self.files),
        Case(words: ["graddiff", "--render", ""], exactly: Self.pictures),
        Case(words: ["graddiff", "--render", "p"], exactly: ["plot[1].svg", "plot1.svg"]),
        Case(words: ["graddiff", "--explain", ""], exactly: ["backward", "forward", "both", "forward-mode"]),
        // After '--' come the expression and bindings.
        Case(words: ["graddiff", "--", "-"], exactly: []),
        Case(words: ["graddiff", "diff", "-f", "n"], exactly: ["net.gd", "notes.txt"]),
        Case(words: ["graddiff", "minimize", "x", "--data", "d"], exactly: ["data.csv", "d e.svg"]),
        Case(words: ["graddiff", "minimize", "--history", ""], exactly: Self.files),
        Case(words: ["graddiff", "minimize", "--plot", ""], exactly: Self.pictures),
        Case(words: ["graddiff", "help", ""], exactly: ["diff", "minimize"]),
        // After an expression come bindings and options, never a subcommand.
        Case(words: ["graddiff", "x*y", ""], excluding: ["diff", "minimize", "help"]),
        Case(words: ["graddiff", "x*y", "--ch"], exactly: ["--check"]),
    ]

    static let pictures: Set<String> = ["graph.svg", "d e.svg", "plot[1].svg", "plot1.svg", "sub/"]
    static let files: Set<String> = pictures.union(["net.gd", "data.csv", "notes.txt"])

    /// A directory with the three scripts, and `files/` with the files the cases complete.
    static func workspace() throws -> URL {
        let directory = try GraddiffProcess.temporaryDirectory()
        let files = directory.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for file in Self.files.filter({ !$0.hasSuffix("/") }) {
            try Data().write(to: files.appendingPathComponent(file))
        }
        for shell in ["bash", "zsh", "fish"] {
            let script = try GraddiffProcess.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stderr.isEmpty, "\(script.stderr)")
            try script.stdout.write(to: directory.appendingPathComponent("script.\(shell)"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func check(_ offered: Set<String>, _ test: Case, shell: String) {
        if let exactly = test.exactly {
            #expect(offered == exactly, "\(shell): \(test.testDescription)")
        }
        #expect(test.including.isSubset(of: offered), "\(shell): \(test.testDescription) offers \(offered.sorted())")
        #expect(test.excluding.isDisjoint(with: offered), "\(shell): \(test.testDescription) offers \(offered.sorted())")
    }

    /// bash: COMP_WORDS and COMP_CWORD set as readline sets them, then the function
    /// `complete -p graddiff` names; directories as compgen gives them, without '/'.
    @Test(arguments: cases) func bash(_ test: Case) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let driver = """
            cd "$1/files" && source ../script.bash && shift
            function=$(complete -p graddiff | sed -n 's/.* -F \\([^ ]*\\) graddiff$/\\1/p')
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            "$function" graddiff "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            for word in "${COMPREPLY[@]}"; do [[ -d "$word" ]] && word="$word/"; printf '%s\\n' "$word"; done
            """
        let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", driver, "driver", directory.path] + test.words)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        Self.check(Set(result.stdout.split(separator: "\n").map(String.init)), test, shell: "bash")
    }

    /// bash splits `--format=js` at '=' (COMP_WORDBREAKS), as readline gives the words.
    static let bashWordBreakCases: [Case] = [
        Case(words: ["graddiff", "--format", "=", "j"], exactly: ["json"]),
        Case(words: ["graddiff", "--render", "=", ""], exactly: pictures),
        Case(words: ["graddiff", "minimize", "--optimizer", "=", ""], exactly: ["sgd", "momentum", "adam"]),
    ]

    @Test(arguments: bashWordBreakCases) func bashAfterAnEqualsSign(_ test: Case) throws {
        try bash(test)
    }

    @Test func bashRegistersTheFunctionWithFileNames() throws {
        let script = try GraddiffProcess.run(["--generate-completion-script", "bash"]).stdout
        let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script + "\ncomplete -p graddiff"])
        #expect(result.stdout == "complete -o filenames -F _graddiff graddiff\n", "\(result.stderr)")
    }

    /// Without a shell named, the login shell's script; a shell there is none for is a
    /// usage error that names the ones there are.
    @Test func theShellDefaultsToTheLoginShell() throws {
        let fish = try GraddiffProcess.run(["--generate-completion-script"], environment: ["SHELL": "/usr/bin/fish"])
        #expect(fish.status == 0 && fish.stdout.contains("complete -c graddiff -f\n"), "\(fish.stderr)")
        let tcsh = try GraddiffProcess.run(["--generate-completion-script"], environment: ["SHELL": "/bin/tcsh"])
        #expect(tcsh.status == 64 && tcsh.stderr.hasPrefix("Error: no completion script for 'tcsh'; the shells are bash, zsh, fish\n"),
                "\(tcsh.stderr)")
        let none = try GraddiffProcess.run(["--generate-completion-script="], environment: ["SHELL": "/bin/bash"])
        #expect(none.status == 64 && none.stderr.hasPrefix("Error: which shell?"), "\(none.stderr)")
    }

    static let fishPath = ["/usr/bin/fish", "/usr/local/bin/fish"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// fish: `complete -C LINE` prints what Tab would offer, a tab before each description.
    @Test(.enabled(if: SkipNote.runs("CompletionTests.fish", unless: fishPath == nil ? "fish is not installed" : nil)),
          arguments: cases)
    func fish(_ test: Case) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = test.words.map { $0.contains("*") ? "'\($0)'" : $0 }.joined(separator: " ")
        let result = try GraddiffProcess.runExecutable(Self.fishPath!, [
            "--no-config", "-c", "cd $argv[1]/files; and source ../script.fish; and complete -C $argv[2]", directory.path, line])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let offered = result.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != "\t" })) }
        Self.check(Set(offered), test, shell: "fish")
    }

    static let attachedAndQuoted: [(String, Set<String>)] = [
        ("graddiff --render=", Set(pictures.map { "--render=" + $0 })), ("graddiff minimize --plot=d", ["--plot=d e.svg"]),
        ("graddiff --render 'd", ["d e.svg"]), ("graddiff --render d\\ ", ["d e.svg"]),
    ]

    /// fish: a file name attached with '=' (`--render=`), or begun with a quote or an
    /// escaped space, completes as well.
    @Test(.enabled(if: SkipNote.runs("CompletionTests.fish", unless: fishPath == nil ? "fish is not installed" : nil)),
          arguments: attachedAndQuoted)
    func fishAttachedAndQuotedFileNames(_ line: String, _ expected: Set<String>) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try GraddiffProcess.runExecutable(Self.fishPath!, [
            "--no-config", "-c", "cd $argv[1]/files; and source ../script.fish; and complete -C $argv[2]", directory.path, line])
        let offered = result.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != "\t" })) }
        #expect(Set(offered) == expected && result.stderr.isEmpty, "\(line): \(offered) \(result.stderr)")
    }

    static let zshPath = ["/usr/bin/zsh", "/bin/zsh", "/usr/local/bin/zsh"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// zsh loads the script (as `_graddiff` on fpath, through compinit) without a word on
    /// standard error.
    @Test(.enabled(if: SkipNote.runs("CompletionTests.zsh", unless: zshPath == nil ? "zsh is not installed" : nil)))
    func zshLoadsTheScript() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: directory.appendingPathComponent("script.zsh"),
                                         to: directory.appendingPathComponent("_graddiff"))
        let result = try GraddiffProcess.runExecutable(Self.zshPath!, [
            "-f", "-c", "fpath=($1 $fpath); autoload -Uz compinit && compinit -u -D && autoload -Uz _graddiff && "
                + "source $1/script.zsh && print -r -- ${_comps[graddiff]}", "zsh", directory.path])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == "_graddiff\n")
    }

    /// zsh at a terminal: compinit finds `_graddiff` on fpath, and Tab lists what the
    /// cases say (a listing below the line, or the word completed in place).
    @Test(.enabled(if: SkipNote.runs("CompletionTests.zshAtATerminal",
                                     unless: zshPath == nil ? "zsh is not installed" : !TerminalSession.isAvailable ? "tmux is not installed" : nil)))
    func zshAtATerminal() throws {
        let workspace = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let terminal = try TerminalSession(["-i"], home: nil, firstOutput: "zsh>", executable: Self.zshPath!) { home in
            try FileManager.default.copyItem(at: workspace.appendingPathComponent("script.zsh"),
                                             to: home.appendingPathComponent("_graddiff"))
            try """
                fpath=(\(home.path) $fpath)
                autoload -Uz compinit && compinit -u -D
                cd \(workspace.path)/files
                PS1='zsh> '

                """.write(to: home.appendingPathComponent(".zshrc"), atomically: true, encoding: .utf8)
        }
        let checks: [(typed: String, shows: [String])] = [
            ("graddiff diff --format ", ["text", "json", "latex"]),
            ("graddiff minimize --o", ["--optimizer", "--output", "--over"]),
            ("graddiff -f ne", ["zsh> graddiff -f net.gd"]),
            ("graddiff --render ", ["graph.svg", "sub/"]),
            ("graddiff minimize --plot ", ["graph.svg", "sub/"]),
            ("graddiff --explain ", ["backward", "forward-mode"]),
            ("graddiff help ", ["diff", "minimize"]),
            ("graddiff ", ["diff", "minimize", "help"]),
        ]
        for (typed, shows) in checks {
            try terminal.press("C-u")
            try terminal.press("C-l")
            try terminal.waitUntil("a clear screen") { $0 == "zsh>" }
            try terminal.type(typed)
            try terminal.press("Tab")
            try terminal.waitUntil("\(typed)<Tab> to show \(shows)") { screen in
                let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
                return shows.allSatisfy { $0.contains(" ") ? screen.contains($0) : words.contains($0) }
            }
        }
    }
}
