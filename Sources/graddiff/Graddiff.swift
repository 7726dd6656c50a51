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
extension DifferentiationMode: ExpressibleByArgument {}
extension NodeSelection: ExpressibleByArgument {}

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
        version: VersionText.text,
        subcommands: [DiffCommand.self, MinimizeCommand.self]
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var wrtOption: WrtOption

    @Option(help: ArgumentHelp("Output format: table, json, csv, tsv, markdown, or dot (the graph for Graphviz).",
                               valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("With --format json, which nodes to list: all (the default), inputs (the variables only), or none (only the value and the gradient).",
                               valueName: "WHICH"))
    var nodes: NodeSelection = .all

    @Option(defaultAsFlag: ExplainPass.backward,
            help: ArgumentHelp("After the table, narrate a pass node by node: backward (the default), forward, both, or forward-mode (tangents, and what each mode costs), as --explain=forward.",
                               valueName: "PASS"))
    var explain: ExplainPass? = nil

    @Option(help: ArgumentHelp("Draw the graph into FILE; the extension picks the format: .html, a page that steps through both passes in a browser, or .svg, .png or .pdf (all drawn with Graphviz's dot).",
                               valueName: "FILE"))
    var render: String?

    @Flag(help: "With --format dot or --render, also draw the gradient flow: edges back to each input, labelled with the local partials.")
    var dotBackward = false

    @Option(help: ArgumentHelp("Significant digits of numbers in tables (1-17).", valueName: "N"))
    var precision: Int = 10



    @Option(help: ArgumentHelp("Evaluate at every row of a CSV or TSV table (its header names the variables); '-' reads standard input.",
                               valueName: "FILE"))
    var batch: String?

    @Option(help: ArgumentHelp("With --batch, evaluate rows on N threads (default: one per core this process may use).",
                               valueName: "N"))
    var threads: Int?

    @Flag(help: "With --batch, skip bad rows and go on; with statements piped in, run the rest after a failed one (the exit status still reports failures).")
    var keepGoing = false

    @Flag(name: .shortAndLong, help: "Start a session even with bindings given (graddiff -i x=1); with no EXPRESSION and no -f one starts anyway.")
    var interactive = false

    @Flag(name: .shortAndLong, help: "Print only the output's value (with --wrt: only the gradients' values).")
    var quiet = false

    @Flag(help: "Treat nan and infinite values or gradients as errors (exit status 1).")
    var strict = false

    @Option(help: ArgumentHelp("At a kink (abs or relu at 0, a min or max tie) use the derivative zero (the default: 0 for abs and relu, the first argument for a tie), left, right, mean, or make it an error (exit status 3).",
                               valueName: "HOW"))
    var kink: KinkConvention = .zero


    @Flag(help: "Print the Hessian (second derivatives) of the output with respect to the variables (or the --wrt ones).")
    var hessian = false

    @Option(help: ArgumentHelp("Print the N-th derivative of a one-variable expression (or of the one --wrt variable).",
                               valueName: "N"))
    var order: Int?

    @Flag(help: "Compare each reverse-mode gradient with a central finite difference; exit 2 if one fails.")
    var check = false

    @Option(help: ArgumentHelp("With --check, the largest relative error that passes (default 1e-6).", valueName: "TOL"))
    var tol: Double?

    @Option(help: ArgumentHelp("Forward mode: each node's derivative along a direction such as x=1,y=0 (other variables 0), in a tangent column instead of the gradient.",
                               valueName: "DIRECTION"))
    var tangent: String?

    @Option(help: ArgumentHelp("Differentiate in forward mode (tangents, one pass per input; alone, d/dx of a one-variable expression) or reverse mode (gradients, one pass per output); overrides --jacobian's choice.",
                               valueName: "MODE"))
    var mode: DifferentiationMode?

    @Flag(help: "Print the Jacobian of the steps --output names (--output p,q) with respect to the variables, in the cheaper mode, and say which and why.")
    var jacobian = false

    func validate() throws {
        guard (1...17).contains(precision) else {
            throw ValidationError("--precision must be a whole number from 1 to 17, not \(precision)")
        }
        if nodes != .all && format != .json {
            throw ValidationError("--nodes chooses the nodes JSON lists; it needs --format json")
        }
        if quiet && format != .table {
            throw ValidationError("--quiet prints plain numbers; it cannot be combined with --format \(format.rawValue)")
        }
        if startsSession {
            try validateSession()
        }
        try validateKink()
        try validateForwardMode()
        try validateExplainAndPictures()
        if batch != nil {
            if [.json, .markdown, .dot].contains(format) {
                throw ValidationError("--batch writes CSV or TSV; --format \(format.rawValue) cannot be combined with it")
            }
            if quiet || wrtOption.wrt != nil {
                throw ValidationError("--batch writes every gradient; --quiet and --wrt cannot be combined with it")
            }
            if explain != nil || render != nil {
                throw ValidationError("--batch writes one row per input row; --explain and --render cannot be combined with it")
            }
            if batch == "-" && program.file == "-" {
                throw ValidationError("standard input cannot be both the program (-f -) and the batch table (--batch -)")
            }
            if let threads, !(1...1024).contains(threads) {
                throw ValidationError("--threads must be a whole number from 1 to 1024, not \(threads)")
            }
        } else if threads != nil {
            throw ValidationError("--threads applies to --batch")
        } else if keepGoing && !startsSession {
            throw ValidationError("--keep-going applies to --batch and to statements piped into a session")
        }
        try validateDerivatives()
    }

    /// Whether to run a session (typed at a terminal, or piped in) instead of one expression.
    var startsSession: Bool {
        interactive || program.isEmpty
    }

    /// The options a session cannot take: it has no single expression or file.
    private func validateSession() throws {
        if interactive && program.file != nil {
            throw ValidationError("-i starts a session and -f runs a file: use one, or type :load FILE in the session")
        }
        if batch != nil {
            throw ValidationError("--batch needs an EXPRESSION or -f FILE to evaluate")
        }
        let oneExpressionOnly = [
            (program.output != nil, "--output"), (quiet, "--quiet"), (strict, "--strict"), (explain != nil, "--explain"),
            (render != nil, "--render"), (dotBackward, "--dot-backward"), (hessian, "--hessian"),
            (order != nil, "--order"), (check, "--check"), (tangent != nil, "--tangent"), (mode != nil, "--mode"),
            (jacobian, "--jacobian"), (nodes != .all, "--nodes"),
        ]
        for (given, flag) in oneExpressionOnly where given {
            throw ValidationError("\(flag) applies to one EXPRESSION or -f FILE, not to a session")
        }
        if let argument = program.arguments.first(where: { !$0.contains("=") }) {
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
        if let render, GraphPicture.Kind(path: render) == nil {
            throw ValidationError("--render needs a file name ending in \(GraphPicture.extensions), not '\(render)'")
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

}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
