import GradDiff

/// `graddiff` itself as a command: its options, each declared once with its help
/// and where its value goes.
extension CommandOptions: ReadsProgram, ChoosesVariables {
    static var name: String? { nil }

    static var abstract: String { "Differentiate an expression: print every node's value and gradient." }

    static var usage: [String] {
        ["graddiff [options] EXPRESSION [name=value ...]",
         "graddiff [options] -f FILE [name=value ...]",
         "graddiff [options] [-i] [name=value ...]   (a session)"]
    }

    static var discussion: String { HelpText.discussion }

    static var options: [CommandLineOption<CommandOptions>] {
        programOptions + [wrtOption] + [
            .choice("format", "FORMAT", help: "Output format: table, json, csv, tsv, markdown, or dot (the graph for Graphviz); with --batch, csv, tsv or json (JSON Lines).",
                    default: OutputFormat.table) { $0.format = $1 },
            .choice("nodes", "WHICH", help: "With --format json, which nodes to list (of gradients, or of --tangent's tangents): all, inputs (the variables only), or none (only the value and the gradient).",
                    default: NodeSelection.all) { $0.nodes = $1 },
            .choice("explain", "PASS", help: "After the table, narrate a pass node by node: backward, forward, both, or forward-mode (tangents, and what each mode costs), as --explain=forward; with --tangent, forward or forward-mode only.",
                    optionalValue: ExplainPass.backward, noun: "pass") { $0.explain = $1 },
            .text("render", "FILE", help: "Draw the graph into FILE; the extension picks the format: .html, a page that steps through both passes in a browser, or .svg, .png or .pdf (all drawn with Graphviz's dot).",
                  completion: .filesEnding(["html", "svg", "png", "pdf"])) { $0.render = $1 },
            .flag("dot-backward", help: "With --format dot or --render, also draw the gradient flow: edges back to each input, labelled with the local partials.") {
                $0.dotBackward = true
            },
            .int("precision", "N", help: "Significant digits of numbers in tables (1-17; default 10); also rounds -q and --wrt output, which is otherwise exact; not with --batch, whose numbers are always exact.") {
                $0.precision = $1
            },
            .text("batch", "FILE", help: "Evaluate at every row of a CSV or TSV table: columns named like variables bind them, others are copied to the output; '-' reads standard input.",
                  completion: .files) { $0.batch = $1 },
            .int("threads", "N", help: "With --batch, evaluate rows on N threads (default: one per core this process may use, within its CPU quota).") {
                $0.threads = $1
            },
            .flag("keep-going", help: "With --batch, skip bad rows and go on; with statements piped in, run the rest after a failed one (the exit status still reports failures).") {
                $0.keepGoing = true
            },
            .flag("interactive", short: "i", help: "Start a session with the bindings given as its first inputs; with no EXPRESSION and no -f one starts anyway.") {
                $0.interactive = true
            },
            .flag("quiet", short: "q", help: "Print only the output's value (with --wrt: only the gradients' values; with --batch: one line per row), in plain decimal that reads back exactly.") {
                $0.quiet = true
            },
            .flag("strict", help: "Treat nan and infinite values or gradients as errors (exit status 1).") { $0.strict = true },
            .choice("kink", "HOW", help: "At a kink (abs or relu at 0, a min or max tie) use the derivative: zero (the default: 0 for abs and relu, a tie's first argument), left, right, mean, or error (exit status 3; in a session the line fails).") {
                $0.kink = $1
            },
            .flag("hessian", help: "Print the Hessian (second derivatives) of the output with respect to the variables (or the --wrt ones).") {
                $0.hessian = true
            },
            .int("order", "N", help: "Print the N-th derivative of a one-variable expression (or of the one --wrt variable).") {
                $0.order = $1
            },
            .flag("check", help: "Compare each reverse-mode gradient (or the --wrt ones) with a finite difference (steps per variable, extrapolated, with its own error estimate); exit 2 if one fails, 'cannot check here' where the difference cannot tell.") {
                $0.check = true
            },
            .flag("elements", help: "Show vectors and matrices element by element (W[1,2]), one row per scalar node, instead of whole.") {
                $0.elements = true
            },
            .double("tol", "TOL", help: "With --check, the largest relative error that passes (default: 1e-6).") { $0.tol = $1 },
            .text("tangent", "DIRECTION", help: "Forward mode: each node's derivative along a direction such as x=1,y=0 (other variables 0), in a tangent column instead of the gradient.") {
                $0.tangent = $1
            },
            .seed("seed", "N", help: "The seed of randn(...) in the program: the same seed, the same numbers.", default: 1) {
                $0.seed = $1
            },
            .choice("mode", "MODE", help: "Differentiate in forward mode (tangents, one pass per input; alone, d/dx of a one-variable expression) or reverse mode (gradients, one pass per output); overrides --jacobian's choice, and says it for a vector output's. Not reverse with --tangent or --explain=forward-mode.") {
                $0.mode = $1
            },
            .flag("jacobian", help: "Print the Jacobian: of a vector or matrix output (each element with respect to each input element), or of the steps --output names (--output p,q), in the cheaper mode, saying which and why.") {
                $0.jacobian = true
            },
        ]
    }
}
