import GradDiff

/// `graddiff minimize ...`: gradient descent on an expression or a per-example loss.
/// Chosen by `Subcommand.requested(by:)`.
struct MinimizeCommand: ReadsProgram {
    var program = ProgramOptions()
    var data: String? = nil
    var over: String? = nil
    var optimizer = OptimizerKind.sgd
    var lr = 0.01
    // Optional, so that one given to an optimizer that does not use it is refused;
    // the defaults are `OptimizerSettings`'.
    var momentum: Double? = nil
    var beta1: Double? = nil
    var beta2: Double? = nil
    var epsilon: Double? = nil
    var steps: Int? = nil
    var epochs: Int? = nil
    var tol = 1e-10
    var batchSize: Int? = nil
    var seed: UInt64 = 1
    var logEvery = 10
    var history: String? = nil
    var plot: String? = nil
    var quiet = false

    static var name: String? { "minimize" }

    static var abstract: String { "Minimize an expression by gradient descent, or train a small model on a CSV table." }

    static var usage: [String] {
        ["graddiff minimize [options] EXPRESSION [name=value ...]",
         "graddiff minimize [options] -f FILE --data TABLE.csv [name=value ...]"]
    }

    static var discussion: String { MinimizeHelpText.discussion }

    static var options: [CommandLineOption<MinimizeCommand>] {
        let defaults = OptimizerSettings()
        return programOptions + [
            .text("data", "FILE", help: "Train on a CSV or TSV table: its columns bind variables, and the loss is the mean over a mini-batch of rows.",
                  completion: .files) { $0.data = $1 },
            .text("over", "NAMES", help: "The parameters to adjust, separated by commas (default: every variable that is not a data column).") {
                $0.over = $1
            },
            .choice("optimizer", "NAME", help: "The update rule: sgd, momentum or adam.", default: OptimizerKind.sgd) {
                $0.optimizer = $1
            },
            .double("lr", "RATE", help: "The learning rate η.", default: 0.01) { $0.lr = $1 },
            .double("momentum", "MU", help: "With --optimizer momentum, the velocity's decay μ (default: \(NumberFormat.shortest(defaults.momentum))).") {
                $0.momentum = $1
            },
            .double("beta1", "BETA", help: "With --optimizer adam, the first moment's decay β1 (default: \(NumberFormat.shortest(defaults.beta1))).") {
                $0.beta1 = $1
            },
            .double("beta2", "BETA", help: "With --optimizer adam, the second moment's decay β2 (default: \(NumberFormat.shortest(defaults.beta2))).") {
                $0.beta2 = $1
            },
            .double("epsilon", "EPS", help: "With --optimizer adam, the guard ε added to the root of the second moment (default: \(NumberFormat.shortest(defaults.epsilon))).") {
                $0.epsilon = $1
            },
            .int("steps", "N", help: "Stop after N updates (default: 1000).") { $0.steps = $1 },
            .int("epochs", "N", help: "With --data, stop after N passes over the table (instead of --steps).") { $0.epochs = $1 },
            .double("tol", "TOL", help: "Converged when the loss changes by less than TOL in a step and the gradient norm is below TOL.",
                    default: 1e-10) { $0.tol = $1 },
            .int("batch-size", "N", help: "With --data, rows per mini-batch (default: the whole table).") { $0.batchSize = $1 },
            .seed("seed", "N", help: "The seed of the shuffle of the rows each epoch, and of randn(...) in the program.", default: 1) {
                $0.seed = $1
            },
            .int("log-every", "N", help: "When standard error is not a terminal, print a progress line, and record a history row, every N steps.",
                 default: 10) { $0.logEvery = $1 },
            .text("history", "FILE", help: "Write step, loss, gradient norm and every parameter of each logged step to FILE as CSV (mode 0600).",
                  completion: .files) { $0.history = $1 },
            .text("plot", "FILE", help: "Draw the loss curve (log-scale loss against step) into FILE as SVG.",
                  completion: .filesEnding(["svg"])) { $0.plot = $1 },
            .flag("quiet", short: "q", help: "Print no progress, only the summary.") { $0.quiet = true },
        ]
    }

    func validate() throws {
        try program.validate()
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

    func run() -> ExitStatus {
        StandardStreams.ignoreBrokenPipeSignal()
        return MinimizeRunner(command: self).run()
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
            (a symbolic link at FILE is replaced, not followed); a directory or device named as FILE, \
            or a FILE in a directory that is not there, is refused before the run.
            """)
        help.line()
        help.paragraph("""
            Exit status: 0 converged or step limit, 1 diverged, 130 interrupted, and the usual 64, 65, \
            66 and 74 (see `'graddiff --help'`). See graddiff(1), MINIMIZE.
            """)
        return help.text
    }
}
