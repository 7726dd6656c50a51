import Foundation
import Testing

/// `graddiff diff --format latex` is LaTeX a textbook would typeset: a small parser
/// checks every formula's structure (balanced groups, \left with \right, \frac with two
/// arguments, powers braced, only known commands), and where `pdflatex` is installed a
/// document of them compiles.
@Suite struct LaTeXValidityTests {
    static let expressions = ["x^2*y + sin(x*y)", "max(x, y)", "1/(1 + exp(-x))", "sqrt(1 + x^2) * log(y)",
                              "abs(x)^3 + atan2(y, x)", "rate_of_change * x / 3", "cbrt(x) + log10(x) + asin(x)",
                              "x = 1; a = x*y; x = 2; a*x"]
    static let commands: Set<String> = ["begin", "end", "frac", "partial", "cdot", "left", "right", "sqrt", "sin", "cos",
                                        "tan", "sinh", "cosh", "tanh", "exp", "log", "arcsin", "arccos", "arctan",
                                        "operatorname", "mathit", "pi", "le", "times", "_", "#"]

    /// The first structural problem in `text`, or nil.
    static func problem(in text: String) -> String? {
        let characters = Array(text)
        var braces = 0
        var lefts = 0
        var i = 0
        while i < characters.count {
            switch characters[i] {
            case "{": braces += 1
            case "}":
                braces -= 1
                if braces < 0 { return "unbalanced } at \(i)" }
            case "^":
                if i + 1 >= characters.count || characters[i + 1] != "{" { return "unbraced power at \(i)" }
            case "\\":
                var j = i + 1
                while j < characters.count, characters[j].isLetter { j += 1 }
                let name = j == i + 1 ? (j < characters.count ? String(characters[j]) : "") : String(characters[(i + 1)..<j])
                if name == "\\" { i += 2; continue }  // a line break
                guard commands.contains(name) else { return "unknown command \\\(name)" }
                if name == "left" { lefts += 1 }
                if name == "right" {
                    lefts -= 1
                    if lefts < 0 { return "\\right without \\left at \(i)" }
                }
                if name == "frac" {
                    // Two groups must follow: {..}{..}.
                    var k = j
                    for _ in 0..<2 {
                        guard k < characters.count, characters[k] == "{" else { return "\\frac without two arguments at \(i)" }
                        var depth = 0
                        repeat {
                            if characters[k] == "{" { depth += 1 } else if characters[k] == "}" { depth -= 1 }
                            k += 1
                        } while depth > 0 && k < characters.count
                    }
                }
                i = Swift.max(j, i + 2) - 1
            case "*": return "a bare * at \(i)"
            case "#": return "a bare # (a macro parameter) at \(i)"
            default: break
            }
            i += 1
        }
        if braces != 0 { return "\(braces) unclosed {" }
        if lefts != 0 { return "\(lefts) \\left without \\right" }
        return nil
    }

    @Test func everyFormulaIsWellFormed() throws {
        var document = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
        for expression in Self.expressions {
            let result = try GraddiffProcess.run(["diff", "--format", "latex", expression, "--order", "1"])
            #expect(result.status == 0, "\(expression): \(result.stderr)")
            #expect(result.stdout.hasPrefix("\\begin{aligned}\n") && result.stdout.hasSuffix("\\end{aligned}\n"))
            #expect(Self.problem(in: result.stdout) == nil, "\(expression): \(Self.problem(in: result.stdout) ?? "") in \(result.stdout)")
            document += "\\[\n" + result.stdout + "\\]\n"
        }
        #expect(Self.problem(in: "\\mathit{x#2}") != nil && Self.problem(in: "\\mathit{x\\#2}") == nil)
        #expect(Self.problem(in: "\\frac{1}{x") != nil && Self.problem(in: "x^2") != nil && Self.problem(in: "\\left( x") != nil)
        guard let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graddiff-latex-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try (document + "\\end{document}\n").write(to: directory.appendingPathComponent("f.tex"), atomically: true, encoding: .utf8)
        let compiled = try GraddiffProcess.runExecutable(pdflatex, ["-interaction=nonstopmode", "-halt-on-error",
                                                                    "-output-directory", directory.path,
                                                                    directory.appendingPathComponent("f.tex").path])
        #expect(compiled.status == 0, "\(compiled.stdout.suffix(2000))")
    }
}
