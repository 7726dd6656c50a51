import Foundation
import Testing

/// --help and --version: what the help lists, --output's help line shared with the
/// completions and the man page, and a COLUMNS too narrow or no width at all.
@Suite struct CommandLineHelpTests {
    @Test func helpAndVersion() throws {
        let help = try GraddiffProcess.run(["--help"])
        #expect(help.status == 0)
        for word in ["--format", "--wrt", "--batch", "--strict", "--precision", "sigmoid", "atan2", "65", "graddiff \"(x+y)*z\""] {
            #expect(help.stdout.contains(word), "--help lacks \(word)")
        }
        let version = try GraddiffProcess.run(["--version"])
        #expect(version.stdout.hasPrefix("graddiff "))
    }

    /// --output's one help line says that under --jacobian it takes a list, in --help and
    /// in the completions alike (one sentence feeds both), and the man page says it too.
    @Test(arguments: [[], ["diff"], ["minimize"]])
    func outputHelpSaysItTakesAListUnderJacobian(command: [String]) throws {
        let help = try GraddiffProcess.run(command + ["--help"]).stdout
        let lines = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex { $0.hasPrefix("--output <NAME>") }, "\(help)")
        let entry = ([String(lines[start].dropFirst("--output <NAME>".count))] + lines[(start + 1)...].prefix { !$0.hasPrefix("-") })
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
        #expect(entry.contains("a list, p,q,") && entry.contains("--jacobian"), "\(entry)")
        let zsh = try GraddiffProcess.run(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains("'--output[" + entry.replacingOccurrences(of: ":", with: "\\:").replacingOccurrences(of: "'", with: "'\\''") + "]:NAME:'"), "\(entry)")
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        let manEntry = try #require(page.components(separatedBy: ".BI \\-\\-output \" name\"\n").dropFirst().first)
        #expect(manEntry.components(separatedBy: ".TP").first?.contains("\\-\\-output p,g") == true)
    }

    /// A COLUMNS that is no width (0, negative, not a number) is ignored: with 0, the
    /// help lost every option's description and its overview. One too narrow is widened.
    @Test func anUnusableColumnsIsIgnored() throws {
        let plain = try GraddiffProcess.run(["--help"]).stdout
        #expect(plain.contains("EXIT STATUS") || plain.contains("exit status"), "\(plain)")
        for columns in ["0", "-5", "wide"] {
            let help = try GraddiffProcess.run(["--help"], environment: ["COLUMNS": columns])
            #expect(help.stdout == plain, "COLUMNS=\(columns)")
        }
        // Too narrow to lay the options out beside their column: laid out at 40 columns
        // instead (argument-parser, used before, stopped the program with status 132).
        for columns in ["10", "20", "29"] {
            for arguments in [["--help"], ["help", "minimize"], ["diff", "--help"]] {
                let help = try GraddiffProcess.run(arguments, environment: ["COLUMNS": columns])
                #expect(help.status == 0 && help.stdout.contains("OPTIONS"), "COLUMNS=\(columns) \(arguments): \(help.stderr.prefix(300))")
            }
        }
    }
}
