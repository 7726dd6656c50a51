import GradDiff

/// The options every command reads a program with, declared once: `graddiff`,
/// `graddiff diff` and `graddiff minimize` take the expression or `-f FILE`, bindings,
/// `--output`, `--max-nodes` and `--color` alike.
struct ProgramOptions {
    var file: String? = nil
    var output: String? = nil
    var maxNodes: Int = Parser.defaultNodeLimit
    var color: ColorChoice = .auto
    /// The expression (unless `-f`), then bindings.
    var arguments: [String] = []

    /// How `--help` names and explains the words that are not options.
    static let argumentsLabel = "<EXPRESSION name=value>"
    static let argumentsHelp = "The expression (unless -f is given), then bindings such as x=1 y=-3 r=2*pi."

    func validate() throws {
        guard maxNodes > 0 else {
            throw ValidationError("--max-nodes must be a positive whole number, not \(maxNodes)")
        }
        try NameListCheck.validate(output, option: "--output", noun: "step", example: "p,q")
    }

    /// Whether neither an expression nor `-f` was given.
    var isEmpty: Bool { file == nil && arguments.isEmpty }
}

/// A command that reads a program: its options include `ProgramOptions`'.
protocol ReadsProgram: CommandLineCommand {
    var program: ProgramOptions { get set }
}

extension ReadsProgram {
    var arguments: [String] {
        get { program.arguments }
        set { program.arguments = newValue }
    }

    static var programOptions: [CommandLineOption<Self>] {
        [
            .text("file", short: "f", "FILE", help: "Read the expression or program from FILE ('-' for standard input).",
                  completion: .files) { $0.program.file = $1 },
            .text("output", "NAME", help: "The step NAME, not the last statement, is the output to differentiate (minimize: to minimize); a list, p,q, names the Jacobian's rows (--jacobian).") {
                $0.program.output = $1
            },
            .int("max-nodes", "N", help: "Stop with an error when a graph (the expression's, or a derivative's) would exceed N nodes, or a Hessian N entries.",
                 default: Parser.defaultNodeLimit) { $0.program.maxNodes = $1 },
            .choice("color", "WHEN", help: "Colour diagnostics and headers: auto, always or never.",
                    default: ColorChoice.auto) { $0.program.color = $1 },
        ]
    }
}

/// `--wrt NAMES`, for the commands that differentiate.
struct WrtOption {
    var wrt: String? = nil

    func validate() throws {
        try NameListCheck.validate(wrt, option: "--wrt", noun: "variable", example: "x,y")
    }

    /// The names, or nil when `--wrt` was not given.
    var names: [String]? {
        // Commas inside brackets are an element's (`--wrt W[1,2],b`).
        wrt.map(CommaList.names)
    }
}

/// A command that differentiates with respect to chosen variables.
protocol ChoosesVariables: CommandLineCommand {
    var wrtOption: WrtOption { get set }
}

extension ChoosesVariables {
    static var wrtOption: CommandLineOption<Self> {
        .text("wrt", "NAMES", help: "Differentiate with respect to these variables only, separated by commas: graddiff prints one 'name gradient' line each, in plain decimal that reads back exactly (refused with --format csv, tsv or markdown, which list every node); graddiff diff prints their formulas.") {
            $0.wrtOption.wrt = $1
        }
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
