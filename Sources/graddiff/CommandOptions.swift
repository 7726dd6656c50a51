import GradDiff

/// `graddiff`'s options as plain values: what the runners read and the checks that
/// combine them. The table of options that fills them, with their help, is
/// `CommandOptions.options`.
struct CommandOptions {
    var program = ProgramOptions()
    var wrtOption = WrtOption()
    var format: OutputFormat = .table
    var nodes: NodeSelection = .all
    var explain: ExplainPass? = nil
    var render: String? = nil
    var dotBackward = false
    var precision: Int? = nil
    var batch: String? = nil
    var threads: Int? = nil
    var keepGoing = false
    var interactive = false
    var quiet = false
    var strict = false
    var kink: KinkConvention? = nil
    var hessian = false
    var order: Int? = nil
    var check = false
    var elements = false
    var tol: Double? = nil
    var tangent: String? = nil
    var seed: UInt64 = 1
    var mode: DifferentiationMode? = nil
    var jacobian = false

    /// Runs the command as asked: a session, or one differentiation.
    func run() -> ExitStatus {
        StandardStreams.ignoreBrokenPipeSignal()
        return startsSession ? SessionRunner(command: self).run() : Runner(command: self).run()
    }

    /// The convention at kinks: `--kink`'s, else zero. Whether `--kink` was given at all
    /// matters too: a convention the user chose is no news to `--quiet`.
    var kinkConvention: KinkConvention { kink ?? .zero }

    /// What the warning about a step the output does not use says becomes of it: nil,
    /// the evaluation's own choice (printed in the node table, or no row of the
    /// Jacobian), where the output shows every step; else that it is not printed. No
    /// step is printed by -q, --hessian, --order or --check, by --wrt's lines (unless a
    /// forward narration follows), or by JSON whose --nodes leaves steps out; a graph
    /// drawn with --render shows them all, so with -q it is drawn, not printed. `--batch`
    /// prints none either (`BatchRunner`).
    var unusedSteps: Message.UnusedStepFate? {
        if jacobian { return nil }
        let printsSteps = if quiet || hessian || check || order != nil {
            false
        } else if format == .json {
            nodes == .all
        } else if format == .table && wrtOption.wrt != nil {
            explain.map { $0 != .backward } ?? false
        } else {
            true
        }
        if printsSteps { return nil }
        return render == nil ? .notPrinted : .drawnNotPrinted
    }

    func validate() throws {
        try program.validate()
        try wrtOption.validate()
        if let precision, !(1...17).contains(precision) {
            throw ValidationError("--precision must be a whole number from 1 to 17, not \(precision)")
        }
        if nodes != .all {
            try validateNodes()
        }
        if wrtOption.wrt != nil && batch == nil && !format.honoursWrt {
            throw ValidationError("--wrt prints the gradients of the variables it names; --format \(format.rawValue) lists every node and cannot be combined with it (use --format table or json)")
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
            // Every number of a batch row is for a script to read back exactly.
            if precision != nil {
                throw ValidationError("--batch writes every number exactly (the shortest text that reads back as the same double); --precision cannot be combined with it")
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

    /// `--nodes`: only the JSON of gradients (and of tangents) has a node list to choose from.
    /// (The list of tuples is a runtime type lookup: built only when --nodes is given.)
    private func validateNodes() throws {
        if format != .json {
            throw ValidationError("--nodes chooses the nodes JSON lists; it needs --format json")
        }
        for (given, flag) in [(hessian, "--hessian"), (check, "--check"), (jacobian, "--jacobian"),
                              (order != nil, "--order"), (batch != nil, "--batch")] where given {
            throw ValidationError("--nodes chooses the nodes JSON lists; \(flag) prints no node list and cannot be combined with it")
        }
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
        // Appended one by one: an array of optionals costs a runtime type lookup at start-up.
        var chosen: [String] = []
        if hessian { chosen.append("--hessian") }
        if order != nil { chosen.append("--order") }
        if check { chosen.append("--check") }
        if jacobian { chosen.append("--jacobian") }
        guard let first = chosen.first else {
            if tol != nil { throw ValidationError("--tol applies to --check") }
            return
        }
        if chosen.count > 1 { throw ValidationError("\(chosen[0]) and \(chosen[1]) cannot be combined; choose one") }
        if ![.table, .json].contains(format) {
            throw ValidationError("\(first) prints a table or JSON; it cannot be combined with --format \(format.rawValue)")
        }
        // One list both refuses and words the refusal: -q prints --order's derivative as a plain number.
        var refused = [(batch != nil, "--batch"), (explain != nil, "--explain"), (render != nil, "--render")]
        if order == nil { refused.append((quiet, "--quiet")) }
        if refused.contains(where: \.0) {
            let flags = refused.map(\.1)
            throw ValidationError("\(first) cannot be combined with \(flags.dropLast().joined(separator: ", ")) or \(flags[flags.count - 1])")
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
}
