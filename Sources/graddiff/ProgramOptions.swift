import ArgumentParser
import GradDiff

/// The options every command reads a program with, declared once: `graddiff`,
/// `graddiff diff` and `graddiff minimize` take the expression or `-f FILE`, bindings,
/// `--output`, `--max-nodes` and `--color` alike.
struct ProgramOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("Read the expression or program from FILE ('-' for standard input).", valueName: "FILE"),
            completion: .file())
    var file: String?

    @Option(help: ArgumentHelp("The step NAME, not the last statement, is the output to differentiate (minimize: to minimize); a list, p,q, names the Jacobian's rows (--jacobian).", valueName: "NAME"))
    var output: String?

    @Option(help: ArgumentHelp("Stop with an error when a graph (the expression's, or a derivative's) would exceed N nodes, or a Hessian N entries.",
                               valueName: "N"))
    var maxNodes: Int = Parser.defaultNodeLimit

    @Option(help: ArgumentHelp("Colour diagnostics and headers: auto, always or never.", valueName: "WHEN"))
    var color: ColorChoice = .auto

    @Argument(help: ArgumentHelp("The expression (unless -f is given), then bindings such as x=1 y=-3 r=2*pi.",
                                 valueName: "EXPRESSION name=value"))
    var arguments: [String] = []

    func validate() throws {
        try values.validate()
    }

    /// Whether neither an expression nor `-f` was given.
    var isEmpty: Bool { values.isEmpty }

    /// The options as plain values (`CommandOptions`).
    var values: Values {
        Values(file: file, output: output, maxNodes: maxNodes, color: color, arguments: arguments)
    }

    /// The options as plain values, with the same names and defaults.
    struct Values {
        var file: String? = nil
        var output: String? = nil
        var maxNodes: Int = Parser.defaultNodeLimit
        var color: ColorChoice = .auto
        var arguments: [String] = []

        func validate() throws {
            guard maxNodes > 0 else {
                throw ValidationError("--max-nodes must be a positive whole number, not \(maxNodes)")
            }
            try NameListCheck.validate(output, option: "--output", noun: "step", example: "p,q")
        }

        /// Whether neither an expression nor `-f` was given.
        var isEmpty: Bool { file == nil && arguments.isEmpty }
    }
}

/// `--wrt NAMES`, for the commands that differentiate.
struct WrtOption: ParsableArguments {
    @Option(help: ArgumentHelp("Differentiate with respect to these variables only, separated by commas: graddiff prints one 'name gradient' line each, in plain decimal that reads back exactly (refused with --format csv, tsv or markdown, which list every node); graddiff diff prints their formulas.",
                               valueName: "NAMES"))
    var wrt: String?

    func validate() throws {
        try values.validate()
    }

    /// The names, or nil when `--wrt` was not given.
    var names: [String]? { values.names }

    /// The option as a plain value (`CommandOptions`).
    var values: Values { Values(wrt: wrt) }

    /// The option as a plain value, with the same name and default.
    struct Values {
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
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
