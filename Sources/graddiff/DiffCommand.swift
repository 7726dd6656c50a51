import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `graddiff diff` prints its formulas.
enum DiffFormat: String, CaseIterable {
    case text, json, latex
}

/// `graddiff diff EXPRESSION [--wrt NAMES] [name=value ...]`: the derivative as a
/// formula in graddiff's own syntax. Chosen by `Subcommand.requested(by:)`.
struct DiffCommand: ReadsProgram, ChoosesVariables {
    var program = ProgramOptions()
    var wrtOption = WrtOption()
    var order = 1
    var format = DiffFormat.text

    static var name: String? { "diff" }

    static var abstract: String { "Print the derivative of an expression as an expression." }

    static var usage: [String] {
        ["graddiff diff [options] EXPRESSION [name=value ...]",
         "graddiff diff [options] -f FILE [name=value ...]"]
    }

    static var discussion: String { DiffHelpText.discussion }

    static var options: [CommandLineOption<DiffCommand>] {
        programOptions + [wrtOption] + [
            .int("order", "N", help: "Take the N-th derivative (N >= 1) with respect to each variable.", default: 1) {
                $0.order = $1
            },
            .choice("format", "FORMAT", help: "Output format: text (a graddiff program), json ({\"x\": \"2 * x\"}) or latex (an aligned block).",
                    default: DiffFormat.text) { $0.format = $1 },
        ]
    }

    func validate() throws {
        try program.validate()
        try wrtOption.validate()
        guard !program.isEmpty else {
            throw ValidationError("missing EXPRESSION: give one, such as graddiff diff \"x^2 * y\" --wrt x")
        }
        guard (1...16).contains(order) else {
            throw ValidationError("--order must be a whole number from 1 to 16, not \(order)")
        }
    }

    func run() -> ExitStatus {
        StandardStreams.ignoreBrokenPipeSignal()
        return DiffRunner(command: self).run()
    }
}

/// `graddiff diff --help`'s prose; a comment starting with "prints" is checked by
/// `DocumentedExampleTests` against the command's output.
enum DiffHelpText {
    static var discussion: String {
        var help = HelpLayout()
        help.line("Examples:")
        help.examples([
            (#"graddiff diff "x^2*y + sin(x*y)" --wrt x"#, "prints d_x = 2 * x * y + y * cos(x * y)"),
            (#"graddiff diff "x^3" --order 2 x=2"#, "prints d2_x = 6 * x"),
            (#"graddiff diff --format json "x*y""#, #"prints {"x": "y", "y": "x"}"#),
        ])
        help.line()
        help.paragraph("""
            The formulas are written as a textbook would: constants folded, like terms collected, \
            powers combined (x*x is x^2), signs in front, and min's and max's derivatives as \
            step(x - y), which is 0 at a tie where graddiff's gradient goes to the first argument. \
            A subexpression used more than once, or longer than \(DerivativeText.defaultMaximumWidth) \
            characters, is named once as a step (`t1 = ...`), so the output is a program that can be \
            pasted back in. Every derivative prints as a `d_x = ...` line, whatever --wrt names. \
            A line `'# size: N operations'` gives the derivative's size. With bindings, each \
            derivative's value follows as a comment: the numeric gradient, nan and inf included, \
            with what the formula gives where the two part, and why (a tie; a term that overflows or \
            underflows; log(0) in a^b * log(a), which graddiff takes as 0 at a = 0; 0 * inf in \
            b * a^(b - 1), which graddiff takes as 0 at b = 0).
            """)
        return help.text
    }
}
