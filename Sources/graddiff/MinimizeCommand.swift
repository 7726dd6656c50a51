import ArgumentParser
import GradDiff

extension OptimizerKind: ExpressibleByArgument {}

/// `graddiff minimize ...`: gradient descent on an expression or a per-example loss.
/// Chosen by `Subcommand.requested(by:)`.
struct MinimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minimize",
        abstract: "Minimize an expression by gradient descent, or train a small model on a CSV table.",
        usage: HelpLayout.usage([
            "graddiff minimize [options] EXPRESSION [name=value ...]",
            "graddiff minimize [options] -f FILE --data TABLE.csv [name=value ...]",
        ]),
        discussion: MinimizeHelpText.discussion,
        version: VersionText.text
    )

    @OptionGroup var program: ProgramOptions

    @Option(help: ArgumentHelp("Train on a CSV or TSV table: its columns bind variables, and the loss is the mean over a mini-batch of rows.",
                               valueName: "FILE"),
            completion: .file())
    var data: String?

    @Option(help: ArgumentHelp("The parameters to adjust, separated by commas (default: every variable that is not a data column).",
                               valueName: "NAMES"))
    var over: String?

    @Option(help: ArgumentHelp("The update rule: sgd, momentum or adam.", valueName: "NAME"))
    var optimizer: OptimizerKind = .sgd

    @Option(help: ArgumentHelp("The learning rate η.", valueName: "RATE"))
    var lr: Double = 0.01

    // Optional, so that one given to an optimizer that does not use it is refused;
    // the defaults are `OptimizerSettings`'.
    @Option(help: ArgumentHelp("With --optimizer momentum, the velocity's decay μ (default \(NumberFormat.shortest(OptimizerSettings().momentum))).",
                               valueName: "MU"))
    var momentum: Double?

    @Option(help: ArgumentHelp("With --optimizer adam, the first moment's decay β1 (default \(NumberFormat.shortest(OptimizerSettings().beta1))).",
                               valueName: "BETA"))
    var beta1: Double?

    @Option(help: ArgumentHelp("With --optimizer adam, the second moment's decay β2 (default \(NumberFormat.shortest(OptimizerSettings().beta2))).",
                               valueName: "BETA"))
    var beta2: Double?

    @Option(help: ArgumentHelp("With --optimizer adam, the guard ε added to the root of the second moment (default \(NumberFormat.shortest(OptimizerSettings().epsilon))).",
                               valueName: "EPS"))
    var epsilon: Double?

    @Option(help: ArgumentHelp("Stop after N updates (default 1000).", valueName: "N"))
    var steps: Int?

    @Option(help: ArgumentHelp("With --data, stop after N passes over the table (instead of --steps).", valueName: "N"))
    var epochs: Int?

    @Option(help: ArgumentHelp("Converged when the loss changes by less than TOL in a step and the gradient norm is below TOL.",
                               valueName: "TOL"))
    var tol: Double = 1e-10

    @Option(help: ArgumentHelp("With --data, rows per mini-batch (default: the whole table).", valueName: "N"))
    var batchSize: Int?

    @Option(help: ArgumentHelp("The seed of the shuffle of the rows each epoch, and of randn(...) in the program.", valueName: "N"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("When standard error is not a terminal, print a progress line, and record a history row, every N steps.",
                               valueName: "N"))
    var logEvery: Int = 10

    @Option(help: ArgumentHelp("Write step, loss, gradient norm and every parameter of each logged step to FILE as CSV (mode 0600).",
                               valueName: "FILE"),
            completion: .file())
    var history: String?

    @Option(help: ArgumentHelp("Draw the loss curve (log-scale loss against step) into FILE as SVG.", valueName: "FILE"),
            completion: .file(extensions: ["svg"]))
    var plot: String?

    @Flag(name: .shortAndLong, help: "Print no progress, only the summary.")
    var quiet = false

    func validate() throws {
        if program.isEmpty {
            throw ValidationError("missing EXPRESSION: give one, such as graddiff minimize \"(x-3)^2\" x=0, or -f FILE")
        }
        if !(lr > 0 && lr.isFinite) { throw ValidationError("--lr must be a positive number, not \(lr)") }
        if !(tol >= 0) { throw ValidationError("--tol must be zero or positive, not \(tol)") }
        if let steps, steps < 0 { throw ValidationError("--steps must be zero or more, not \(steps)") }
        if steps != nil && epochs != nil { throw ValidationError("give --steps or --epochs, not both") }
        if data == nil {
            if epochs != nil { throw ValidationError("--epochs counts passes over --data; without a table use --steps") }
            if batchSize != nil { throw ValidationError("--batch-size applies to --data") }
        }
        if let history, let plot, AtomicFile.namesSameFile(history, plot) {
            throw ValidationError("--history and --plot both name '\(history)'; give each its own file")
        }
        if let over, let name = CommaList.repeatedName(CommaList.names(over)) {
            throw ValidationError("--over names '\(name)' twice; name each parameter once")
        }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, not \(epochs)") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1, not \(batchSize)") }
        if logEvery < 1 { throw ValidationError("--log-every must be at least 1, not \(logEvery)") }
        try validateOptimizerOptions()
        if let plot, !plot.lowercased().hasSuffix(".svg") {
            throw ValidationError("--plot writes SVG: give a file name ending in .svg, not '\(plot)'")
        }
        if data == "-" && program.file == "-" {
            throw ValidationError("standard input cannot be both the program (-f -) and the data (--data -)")
        }
    }

    /// Each optimizer option is in range and used by the chosen optimizer: sgd would
    /// silently ignore --momentum, as momentum would --beta1.
    private func validateOptimizerOptions() throws {
        if let momentum, !(0..<1).contains(momentum) { throw ValidationError("--momentum must be in [0, 1), not \(momentum)") }
        if let beta1, !(0..<1).contains(beta1) { throw ValidationError("--beta1 must be in [0, 1), not \(beta1)") }
        if let beta2, !(0..<1).contains(beta2) { throw ValidationError("--beta2 must be in [0, 1), not \(beta2)") }
        if let epsilon, !(epsilon > 0) { throw ValidationError("--epsilon must be positive, not \(epsilon)") }
        let uses: [(given: Bool, flag: String, user: OptimizerKind)] = [
            (momentum != nil, "--momentum", .momentum), (beta1 != nil, "--beta1", .adam),
            (beta2 != nil, "--beta2", .adam), (epsilon != nil, "--epsilon", .adam),
        ]
        for use in uses where use.given && use.user != optimizer {
            throw ValidationError("\(use.flag) applies to --optimizer \(use.user.rawValue); --optimizer \(optimizer.rawValue) does not use it"
                                  + "\nhelp: add --optimizer \(use.user.rawValue), or leave out \(use.flag)")
        }
    }

    mutating func run() throws {
        StandardStreams.ignoreBrokenPipeSignal()
        let status = MinimizeRunner(command: self).run()
        if status != .success { throw ExitCode(status.rawValue) }
    }

    var optimizerSettings: OptimizerSettings {
        var settings = OptimizerSettings(kind: optimizer, learningRate: lr)
        if let momentum { settings.momentum = momentum }
        if let beta1 { settings.beta1 = beta1 }
        if let beta2 { settings.beta2 = beta2 }
        if let epsilon { settings.epsilon = epsilon }
        return settings
    }

    var parameterNames: [String]? {
        over.map(CommaList.names)
    }
}

/// `graddiff minimize --help`'s prose.
enum MinimizeHelpText {
    static var discussion: String {
        var help = HelpLayout()
        help.line("Examples:")
        help.examples([
            (#"graddiff minimize "(x-3)^2 + (y+1)^2" x=0 y=0 --lr 0.1"#, nil),
            (#"graddiff minimize "100*(y-x^2)^2 + (1-x)^2" x=-1.2 y=1 --optimizer adam --lr 0.02 --steps 5000"#, nil),
            ("graddiff minimize -f docs/xor.gd --data docs/xor.csv --over v1,v2,c --optimizer adam --epochs 200 --batch-size 2 --seed 1", nil),
        ])
        help.line()
        help.paragraph("""
            Stopping: the run stops when the loss or gradient becomes nan or inf (diverged), when the \
            loss changes by less than --tol and the gradient norm is below --tol (converged), after \
            --steps updates or --epochs passes (step limit), or on Ctrl-C. It prints why it stopped, \
            the final loss, the parameters as name=value bindings and the final gradient; lines other \
            than the bindings start with '#'.
            """)
        help.line()
        help.paragraph("""
            Files: --history and --plot are written to a new file beside FILE and renamed into place \
            (a symbolic link at FILE is replaced, not followed); a directory or device named as FILE \
            is refused before the run.
            """)
        help.line()
        help.paragraph("""
            Exit status: 0 converged or step limit, 1 diverged, 130 interrupted, and the usual 64, 65, \
            66 and 74 (see `'graddiff --help'`). See graddiff(1), MINIMIZE.
            """)
        return help.text
    }
}
