import ArgumentParser
import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFormat: ExpressibleByArgument {}
extension ExplainPass: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
extension KinkConvention: ExpressibleByArgument {}

@main
struct Graddiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graddiff",
        abstract: "Differentiate an expression: print every node's value and gradient.",
        usage: """
            graddiff [options] EXPRESSION [name=value ...]
              graddiff [options] -f FILE [name=value ...]
              graddiff [options] [-i] [name=value ...]      (a session: statements typed or piped in)
            """,
        discussion: HelpText.discussion,
        version: VersionText.text
    )

    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("Read the expression or program from FILE ('-' for standard input).", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("Output format: table, json, csv, tsv, markdown, or dot (the graph for Graphviz).",
                               valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(defaultAsFlag: ExplainPass.backward,
            help: ArgumentHelp("After the table, narrate a pass node by node: backward (the default), forward or both, as --explain=forward.",
                               valueName: "PASS"))
    var explain: ExplainPass? = nil

    @Option(help: ArgumentHelp("Draw the graph into FILE with Graphviz's dot; the extension picks the format: .svg, .png or .pdf.",
                               valueName: "FILE"))
    var render: String?

    @Flag(help: "With --format dot or --render, also draw the gradient flow: edges back to each input, labelled with the local partials.")
    var dotBackward = false

    @Option(help: ArgumentHelp("Significant digits of numbers in tables (1-17; default 10); also rounds -q and --wrt output, which is otherwise exact.", valueName: "N"))
    var precision: Int?

    @Option(help: ArgumentHelp("Print only the gradients with respect to these variables, one 'name value' line each, in plain decimal that reads back exactly.",
                               valueName: "NAMES"))
    var wrt: String?

    @Option(help: ArgumentHelp("Differentiate the named step NAME instead of the last statement.", valueName: "NAME"))
    var output: String?

    @Option(help: ArgumentHelp("Evaluate at every row of a CSV or TSV table (its header names the variables); '-' reads standard input.",
                               valueName: "FILE"))
    var batch: String?

    @Flag(help: "With --batch, skip bad rows and go on; with statements piped in, run the rest after a failed one (the exit status still reports failures).")
    var keepGoing = false

    @Flag(name: .shortAndLong, help: "Start a session even with bindings given (graddiff -i x=1); with no EXPRESSION and no -f one starts anyway.")
    var interactive = false

    @Flag(name: .shortAndLong, help: "Print only the output's value (with --wrt: only the gradients' values), in plain decimal that reads back exactly.")
    var quiet = false

    @Flag(help: "Treat nan and infinite values or gradients as errors (exit status 1).")
    var strict = false

    @Option(help: ArgumentHelp("At a kink (abs or relu at 0, a min or max tie) use the derivative zero (the default: 0 for abs and relu, the first argument for a tie), left, right, mean, or make it an error (exit status 3).",
                               valueName: "HOW"))
    var kink: KinkConvention = .zero

    @Option(help: ArgumentHelp("Stop with an error when the graph would exceed N nodes, or a --hessian N entries (default 20000000).", valueName: "N"))
    var maxNodes: Int = Parser.defaultNodeLimit

    @Flag(help: "Print the Hessian (second derivatives) of the output with respect to the variables (or the --wrt ones).")
    var hessian = false

    @Option(help: ArgumentHelp("Print the N-th derivative of a one-variable expression (or of the one --wrt variable).",
                               valueName: "N"))
    var order: Int?

    @Flag(help: "Compare each reverse-mode gradient with a finite difference (steps per variable, extrapolated, with its own error estimate); exit 2 if one fails, 'cannot check here' where the difference cannot tell.")
    var check = false

    @Option(help: ArgumentHelp("With --check, the largest relative error that passes (default 1e-6).", valueName: "TOL"))
    var tol: Double?

    @Option(help: ArgumentHelp("Colour diagnostics and headers: auto, always or never.", valueName: "WHEN"))
    var color: ColorChoice = .auto

    @Argument(help: ArgumentHelp("The expression (unless -f is given), then bindings such as x=1 y=-3 r=2*pi.",
                                 valueName: "EXPRESSION name=value"))
    var arguments: [String] = []

    func validate() throws {
        guard maxNodes > 0 else {
            throw ValidationError("--max-nodes must be a positive whole number, not \(maxNodes)")
        }
        if let precision, !(1...17).contains(precision) {
            throw ValidationError("--precision must be a whole number from 1 to 17, not \(precision)")
        }
        if quiet && format != .table {
            throw ValidationError("--quiet prints plain numbers; it cannot be combined with --format \(format.rawValue)")
        }
        if startsSession {
            try validateSession()
        }
        try validateKink()
        try validateExplainAndPictures()
        if batch != nil {
            if [.json, .markdown, .dot].contains(format) {
                throw ValidationError("--batch writes CSV or TSV; --format \(format.rawValue) cannot be combined with it")
            }
            if quiet || wrt != nil {
                throw ValidationError("--batch writes every gradient; --quiet and --wrt cannot be combined with it")
            }
            if explain != nil || render != nil {
                throw ValidationError("--batch writes one row per input row; --explain and --render cannot be combined with it")
            }
            if batch == "-" && file == "-" {
                throw ValidationError("standard input cannot be both the program (-f -) and the batch table (--batch -)")
            }
        } else if keepGoing && !startsSession {
            throw ValidationError("--keep-going applies to --batch and to statements piped into a session")
        }
        try validateDerivatives()
        if let wrt, wrtNames(wrt).isEmpty {
            throw ValidationError("--wrt needs variable names separated by commas, such as --wrt x,y")
        }
    }

    /// Whether to run a session (typed at a terminal, or piped in) instead of one expression.
    var startsSession: Bool {
        interactive || (file == nil && arguments.isEmpty)
    }

    /// The options a session cannot take: it has no single expression or file.
    private func validateSession() throws {
        if interactive && file != nil {
            throw ValidationError("-i starts a session and -f runs a file: use one, or type :load FILE in the session")
        }
        if batch != nil {
            throw ValidationError("--batch needs an EXPRESSION or -f FILE to evaluate")
        }
        let oneExpressionOnly = [
            (output != nil, "--output"), (quiet, "--quiet"), (strict, "--strict"), (explain != nil, "--explain"),
            (render != nil, "--render"), (dotBackward, "--dot-backward"), (hessian, "--hessian"),
            (order != nil, "--order"), (check, "--check"),
        ]
        for (given, flag) in oneExpressionOnly where given {
            throw ValidationError("\(flag) applies to one EXPRESSION or -f FILE, not to a session")
        }
        if let argument = arguments.first(where: { !$0.contains("=") }) {
            throw ValidationError("with -i the arguments are bindings such as x=1, not '\(argument)'; type expressions in the session")
        }
    }

    private func validateDerivatives() throws {
        let chosen = [hessian ? "--hessian" : nil, order != nil ? "--order" : nil, check ? "--check" : nil].compactMap { $0 }
        guard let first = chosen.first else {
            if tol != nil { throw ValidationError("--tol applies to --check") }
            return
        }
        if chosen.count > 1 { throw ValidationError("\(chosen[0]) and \(chosen[1]) cannot be combined; choose one") }
        if ![.table, .json].contains(format) {
            throw ValidationError("\(first) prints a table or JSON; it cannot be combined with --format \(format.rawValue)")
        }
        if batch != nil || explain != nil || render != nil || quiet && !(order != nil) {
            throw ValidationError("\(first) cannot be combined with --batch, --explain, --render or --quiet")
        }
        if let order, !(1...16).contains(order) {
            throw ValidationError("--order must be a whole number from 1 to 16, not \(order)")
        }
        if let tol, !(tol > 0) { throw ValidationError("--tol must be a positive number, not \(tol)") }
    }

    /// `--kink` changes the reverse pass; the symbolic derivatives (`--hessian`,
    /// `--order`) are formulas in sign and step, which follow the default convention.
    private func validateKink() throws {
        guard kink != .zero else { return }
        if startsSession {
            throw ValidationError("--kink applies to one EXPRESSION or -f FILE, not to a session")
        }
        if kink != .error && (hessian || order != nil) {
            throw ValidationError("--kink \(kink.rawValue) applies to gradients; --hessian and --order differentiate symbolically with the default convention (--kink zero)")
        }
        if kink == .error && batch != nil {
            throw ValidationError("--kink error applies to one evaluation; with --batch choose zero, left, right or mean")
        }
    }

    private func validateExplainAndPictures() throws {
        if explain != nil && ![.table, .markdown].contains(format) {
            throw ValidationError("--explain prints text after the table; it cannot be combined with --format \(format.rawValue)")
        }
        if explain != nil && quiet {
            throw ValidationError("--explain prints a narration; it cannot be combined with --quiet")
        }
        if let render, GraphvizRenderer.Format(path: render) == nil {
            throw ValidationError("--render needs a file name ending in .svg, .png or .pdf, not '\(render)'")
        }
        if dotBackward && format != .dot && render == nil {
            throw ValidationError("--dot-backward applies to the graph: add --format dot or --render FILE.svg")
        }
    }

    mutating func run() throws {
        StandardStreams.ignoreBrokenPipeSignal()
        let status = startsSession ? SessionRunner(command: self).run() : Runner(command: self).run()
        if status != .success { throw ExitCode(status.rawValue) }
    }

    func wrtNames(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
