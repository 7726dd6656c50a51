import ArgumentParser
import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `graddiff diff` prints its formulas.
enum DiffFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, latex
}

/// `graddiff diff EXPRESSION [--wrt NAMES] [name=value ...]`: the derivative as a
/// formula in graddiff's own syntax. Dispatched from `Graddiff.main` (a
/// swift-argument-parser subcommand would take the root command's positional
/// EXPRESSION), so it is a separate command with its own `--help`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graddiff diff",
        abstract: "Print the derivative of an expression as an expression.",
        usage: """
            graddiff diff [--wrt NAMES] [--order N] [--format FORMAT] EXPRESSION [name=value ...]
              graddiff diff [options] -f FILE [name=value ...]
            """,
        discussion: """
            Examples:
              graddiff diff "x^2*y + sin(x*y)" --wrt x      # 2 * x * y + cos(x * y) * y
              graddiff diff "x^3" --order 2 x=2            # the second derivative, and its value
              graddiff diff --format json "x*y"            # {"x": "y", "y": "x"}

            A subexpression used more than once, or longer than \(DerivativeText.defaultMaximumWidth) characters,
            is named once as a step (t1 = ...), so the output is a program that can be pasted back in.
            A line '# size: N operations' gives the derivative's size. With bindings, each
            derivative's value follows as a comment.
            """
    )

    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("Read the expression or program from FILE ('-' for standard input).", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("Differentiate with respect to these variables only, separated by commas.", valueName: "NAMES"))
    var wrt: String?

    @Option(help: ArgumentHelp("Take the N-th derivative (N >= 1) with respect to each variable.", valueName: "N"))
    var order: Int = 1

    @Option(help: ArgumentHelp("Output format: text (a graddiff program), json ({\"x\": \"2 * x\"}) or latex (an aligned block).", valueName: "FORMAT"))
    var format: DiffFormat = .text

    @Option(help: ArgumentHelp("Differentiate the named step NAME instead of the last statement.", valueName: "NAME"))
    var output: String?

    @Option(help: ArgumentHelp("Stop with an error when the expression's or the derivatives' graph would exceed N nodes (default 20000000).", valueName: "N"))
    var maxNodes: Int = Parser.defaultNodeLimit

    @Argument(help: ArgumentHelp("The expression (unless -f is given), then optional bindings such as x=1 y=2.", valueName: "EXPRESSION name=value"))
    var arguments: [String] = []

    func validate() throws {
        guard file != nil || arguments.first != nil else {
            throw ValidationError("missing EXPRESSION: give one, such as graddiff diff \"x^2 * y\" --wrt x")
        }
        guard maxNodes > 0 else {
            throw ValidationError("--max-nodes must be a positive whole number, not \(maxNodes)")
        }
        guard (1...16).contains(order) else {
            throw ValidationError("--order must be a whole number from 1 to 16, not \(order)")
        }
    }

    mutating func run() throws {
        StandardStreams.ignoreBrokenPipeSignal()
        let status = DiffRunner(command: self).run()
        if status != .success { throw ExitCode(status.rawValue) }
    }

    var wrtNames: [String]? {
        wrt.map(NameListArgument.split)
    }
}
