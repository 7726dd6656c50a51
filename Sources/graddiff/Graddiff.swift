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
        usage: HelpLayout.usage([
            "graddiff [options] EXPRESSION [name=value ...]",
            "graddiff [options] -f FILE [name=value ...]",
            "graddiff [options] [-i] [name=value ...]   (a session)",
        ]),
        discussion: HelpText.discussion,
        version: VersionText.text,
        subcommands: [DiffCommand.self, MinimizeCommand.self]
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var wrtOption: WrtOption

    @Option(help: ArgumentHelp("Output format: table, json, csv, tsv, markdown, or dot (the graph for Graphviz); with --batch, csv, tsv or json (JSON Lines).",
                               valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("With --format json, which nodes to list: all, inputs (the variables only), or none (only the value and the gradient).",
                               valueName: "WHICH"))
    var nodes: NodeSelection = .all

    @Option(defaultAsFlag: ExplainPass.backward,
            help: ArgumentHelp("After the table, narrate a pass node by node: backward, forward, both, or forward-mode (tangents, and what each mode costs), as --explain=forward.",
                               valueName: "PASS"))
    var explain: ExplainPass? = nil

    @Option(help: ArgumentHelp("Draw the graph into FILE; the extension picks the format: .html, a page that steps through both passes in a browser, or .svg, .png or .pdf (all drawn with Graphviz's dot).",
                               valueName: "FILE"),
            completion: .file(extensions: ["html", "svg", "png", "pdf"]))
    var render: String?

    @Flag(help: "With --format dot or --render, also draw the gradient flow: edges back to each input, labelled with the local partials.")
    var dotBackward = false

    @Option(help: ArgumentHelp("Significant digits of numbers in tables (1-17; default 10); also rounds -q and --wrt output, which is otherwise exact.", valueName: "N"))
    var precision: Int?

    @Option(help: ArgumentHelp("Evaluate at every row of a CSV or TSV table: columns named like variables bind them, others are copied to the output; '-' reads standard input.",
                               valueName: "FILE"),
            completion: .file())
    var batch: String?

    @Option(help: ArgumentHelp("With --batch, evaluate rows on N threads (default: one per core this process may use).",
                               valueName: "N"))
    var threads: Int?

    @Flag(help: "With --batch, skip bad rows and go on; with statements piped in, run the rest after a failed one (the exit status still reports failures).")
    var keepGoing = false

    @Flag(name: .shortAndLong, help: "Start a session with the bindings given as its first inputs; with no EXPRESSION and no -f one starts anyway.")
    var interactive = false

    @Flag(name: .shortAndLong, help: "Print only the output's value (with --wrt: only the gradients' values; with --batch: one line per row), in plain decimal that reads back exactly.")
    var quiet = false

    @Flag(help: "Treat nan and infinite values or gradients as errors (exit status 1).")
    var strict = false

    @Option(help: ArgumentHelp("At a kink (abs or relu at 0, a min or max tie) use the derivative: zero (the default: 0 for abs and relu, a tie's first argument), left, right, mean, or error (exit status 3).",
                               valueName: "HOW"))
    var kink: KinkConvention?

    /// The convention at kinks: `--kink`'s, else zero. Whether `--kink` was given at all
    /// matters too: a convention the user chose is no news to `--quiet`.
    var kinkConvention: KinkConvention { kink ?? .zero }

    @Flag(help: "Print the Hessian (second derivatives) of the output with respect to the variables (or the --wrt ones).")
    var hessian = false

    @Option(help: ArgumentHelp("Print the N-th derivative of a one-variable expression (or of the one --wrt variable).",
                               valueName: "N"))
    var order: Int?

    @Flag(help: "Compare each reverse-mode gradient with a finite difference (steps per variable, extrapolated, with its own error estimate); exit 2 if one fails, 'cannot check here' where the difference cannot tell.")
    var check = false

    @Flag(help: "Show vectors and matrices element by element (W[1,2]), one row per scalar node, instead of whole.")
    var elements = false

    @Option(help: ArgumentHelp("With --check, the largest relative error that passes (default 1e-6).", valueName: "TOL"))
    var tol: Double?

    @Option(help: ArgumentHelp("Forward mode: each node's derivative along a direction such as x=1,y=0 (other variables 0), in a tangent column instead of the gradient.",
                               valueName: "DIRECTION"))
    var tangent: String?

    @Option(help: ArgumentHelp("The seed of randn(...) in the program: the same seed, the same numbers.", valueName: "N"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Differentiate in forward mode (tangents, one pass per input; alone, d/dx of a one-variable expression) or reverse mode (gradients, one pass per output); overrides --jacobian's choice.",
                               valueName: "MODE"))
    var mode: DifferentiationMode?

    @Flag(help: "Print the Jacobian: of a vector or matrix output (each element with respect to each input element), or of the steps --output names (--output p,q), in the cheaper mode, saying which and why.")
    var jacobian = false

    func validate() throws {
        if let precision, !(1...17).contains(precision) {
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
            if [.markdown, .dot].contains(format) {
                throw ValidationError("--batch writes CSV, TSV or (with --format json) JSON Lines; --format \(format.rawValue) cannot be combined with it")
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
        try validateTensorOptions()
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
        // What a session offers instead: the same output, typed after an expression.
        let inSession = ["--explain": ":explain", "--render": ":render FILE",
                         "--hessian": ":hessian", "--check": ":check"]
        for (given, flag) in oneExpressionOnly where given {
            let instead = inSession[flag].map { "; in the session, type \($0)" } ?? ""
            throw ValidationError("\(flag) applies to one EXPRESSION or -f FILE, not to a session\(instead)")
        }
        if let argument = program.arguments.first(where: { !$0.contains("=") }) {
            throw ValidationError("with -i the arguments are bindings such as x=1, not '\(argument)'; type expressions in the session")
        }
    }

    private func validateDerivatives() throws {
        let chosen = [hessian ? "--hessian" : nil, order != nil ? "--order" : nil, check ? "--check" : nil,
                      jacobian ? "--jacobian" : nil].compactMap { $0 }
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
        guard let kink, kink != .zero else { return }
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
