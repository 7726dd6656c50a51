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

    @Option(help: ArgumentHelp("With --format json, which nodes to list (of gradients, or of --tangent's tangents): all, inputs (the variables only), or none (only the value and the gradient).",
                               valueName: "WHICH"))
    var nodes: NodeSelection = .all

    @Option(defaultAsFlag: ExplainPass.backward,
            help: ArgumentHelp("After the table, narrate a pass node by node: backward, forward, both, or forward-mode (tangents, and what each mode costs), as --explain=forward; with --tangent, forward or forward-mode only.",
                               valueName: "PASS"))
    var explain: ExplainPass? = nil

    @Option(help: ArgumentHelp("Draw the graph into FILE; the extension picks the format: .html, a page that steps through both passes in a browser, or .svg, .png or .pdf (all drawn with Graphviz's dot).",
                               valueName: "FILE"),
            completion: .file(extensions: ["html", "svg", "png", "pdf"]))
    var render: String?

    @Flag(help: "With --format dot or --render, also draw the gradient flow: edges back to each input, labelled with the local partials.")
    var dotBackward = false

    @Option(help: ArgumentHelp("Significant digits of numbers in tables (1-17; default 10); also rounds -q and --wrt output, which is otherwise exact; not with --batch, whose numbers are always exact.", valueName: "N"))
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

    @Option(help: ArgumentHelp("At a kink (abs or relu at 0, a min or max tie) use the derivative: zero (the default: 0 for abs and relu, a tie's first argument), left, right, mean, or error (exit status 3; in a session the line fails).",
                               valueName: "HOW"))
    var kink: KinkConvention?

    @Flag(help: "Print the Hessian (second derivatives) of the output with respect to the variables (or the --wrt ones).")
    var hessian = false

    @Option(help: ArgumentHelp("Print the N-th derivative of a one-variable expression (or of the one --wrt variable).",
                               valueName: "N"))
    var order: Int?

    @Flag(help: "Compare each reverse-mode gradient (or the --wrt ones) with a finite difference (steps per variable, extrapolated, with its own error estimate); exit 2 if one fails, 'cannot check here' where the difference cannot tell.")
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

    @Option(help: ArgumentHelp("Differentiate in forward mode (tangents, one pass per input; alone, d/dx of a one-variable expression) or reverse mode (gradients, one pass per output); overrides --jacobian's choice, and says it for a vector output's. Not reverse with --tangent or --explain=forward-mode.",
                               valueName: "MODE"))
    var mode: DifferentiationMode?

    @Flag(help: "Print the Jacobian: of a vector or matrix output (each element with respect to each input element), or of the steps --output names (--output p,q), in the cheaper mode, saying which and why.")
    var jacobian = false

    /// The checks are `CommandOptions`'s, which `QuickStart` runs too.
    func validate() throws {
        try options.validate()
    }

    mutating func run() throws {
        let status = options.run()
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
