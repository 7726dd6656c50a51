/// An interactive session as a state machine with no I/O: an entry (a line, or lines
/// joined while a '(' was open) goes in; text to print, diagnostics and whether to go
/// on come out. The command's driver owns the terminal, readline and history.
///
/// A session is a program typed line by line, with a program file's statements:
///
///     x = 1            binds the input x (a constant expression)
///     p = x + y        defines the step p (an expression with variables)
///     f(a, b) = a*b    defines a function
///     (x + y) * z      prints the node table of the nodes this expression needs
///
/// Reassigning a name makes a new version (`x#2`) that later entries see. An entry is
/// all or nothing: if any of its statements fails, the session is left as it was.
public struct ReplSession {
    /// The definitions so far, as one program (expressions typed leave only inert nodes).
    public internal(set) var program: Program
    /// Every accepted definition as written, in order: what `:save` writes and what
    /// `:unset` replays.
    public internal(set) var definitions: [Definition] = []
    /// Where each entry of the program's text came from, for diagnostics.
    var sourceMap = SessionText()
    public var format: OutputFormat = .table
    /// Precision, `:wrt` names (as typed; resolved at each expression) and colour.
    public var options = OutputOptions()
    /// Whether definitions are confirmed in the output (`x = 1`, `p = x + y = 4`). A
    /// terminal wants them; a script piped in wants only its results.
    public var confirmsDefinitions = true
    /// The name diagnostics give the entries: `<input>`, `<stdin>`.
    public var sourceName = "<input>"
    /// The most nodes the session's graph may hold (`--max-nodes`).
    public var nodeLimit = Parser.defaultNodeLimit
    /// What the backward pass sends through a kink (`--kink`, for the whole session);
    /// with `.error` an expression evaluated at one fails, as the command line exits 3.
    public var kinks = KinkConvention.zero
    let files: any ReplFiles
    /// The notes already given that an expression reads an earlier version of a `:wrt`
    /// variable (`ReplSession+Versions.swift`).
    var notedVersions = Set<String>()
    /// The last expression typed (its node and span in `program`), which `:explain`,
    /// `:diff`, `:hessian`, `:check` and `:render` take when given none.
    var lastExpression: (node: NodeID, span: SourceSpan)?

    /// The number of lines the history file keeps (the driver's, said by `:help keys`).
    public static let historyLimit = 1000

    /// A definition as the user wrote it, and where.
    public struct Definition: Sendable {
        var kind: Statement.Kind
        public var name: String
        public var text: String
        /// The name of the text it was read from and the line it starts on, so that a
        /// replayed definition (`:unset`) is still reported where it was typed.
        public var sourceName: String
        public var line: Int
    }

    public init(files: any ReplFiles) {
        self.files = files
        program = Program(source: SourceText(name: sourceName, text: ""))
    }

    /// Runs one entry: a command (`:vars`) or statements. `line` numbers its first line
    /// in diagnostics.
    public mutating func run(_ entry: String, line: Int = 1) -> ReplReply {
        let source = SourceText(name: sourceName, text: entry, firstLine: line)
        if entry.trimmingSpaces().hasPrefix(":") { return runCommand(source) }
        return runStatements(source)
    }

    /// Runs a command-line binding (`graddiff -i x=1`) as the statement it spells.
    public mutating func bind(_ binding: Binding) -> ReplReply {
        // A table read from a file (`W=@w.csv`) enters as the literal of its numbers.
        if binding.isTable, let table = binding.tensor {
            let literal = TensorValueText.oneLine(table.values, table.shape, number: NumberFormat.shortest)
            return runStatements(SourceText(name: binding.source.name, text: "\(binding.name) = \(literal)"))
        }
        return runStatements(binding.source)
    }

    /// Parses `source` into the program, evaluates its expressions, and takes the entry
    /// back unless everything worked: then the reply holds only diagnostics.
    /// With `printing` false the expressions are checked and remembered, not printed.
    /// `shown` is the line diagnostics quote, when `source` is part of it (a command's
    /// expression), and where in it `source` starts.
    mutating func runStatements(_ source: SourceText, confirming: Bool? = nil, printing: Bool = true,
                                shown: (line: SourceText, offset: Int)? = nil) -> ReplReply {
        var reply = ReplReply()
        var piece = SessionText.piece(source, after: program.source)
        if let shown { piece.show(in: shown.line, from: shown.offset) }
        var journal = ProgramJournal(program)
        // Taken back with the entry: a note's key names a node, whose id a later entry reuses.
        let notedBefore = notedVersions
        var failed = false
        do throws(UserError) {
            let statements = try ProgramParser.parse(source, into: &program, journal: &journal, nodeLimit: nodeLimit,
                                                     recordingStatements: true)
            let working = program
            try Interruption.check()
            reply.diagnostics += working.warnings.map { LocatedDiagnostic($0, in: working.source) }
            var added: [Definition] = []
            var last: (node: NodeID, span: SourceSpan)?
            let confirms = confirming ?? confirmsDefinitions
            // One forward pass for the values of every step this entry defines.
            let stepNodes = statements.compactMap { $0.kind == .step ? $0.node : nil }
            let values = confirms && !stepNodes.isEmpty ? SessionValues(working, roots: stepNodes) : nil
            for statement in statements {
                if statement.kind == .expression, statement.tensor != nil {
                    if printing { reply.output += try tensorExpression(statement, in: working) }
                    reply.vectorsAndMatrices += 1
                    continue
                }
                if statement.kind == .expression, let node = statement.node {
                    let (table, warnings, notes) = try query(node, in: working, span: statement.span, entryStart: piece.start,
                                                             journal: journal)
                    if printing { reply.output += table }
                    reply.diagnostics += warnings
                    last = (node, statement.span)
                    // Said once: the same expression and variable again need no note.
                    for (key, note) in notes where notedVersions.insert(key).inserted {
                        reply.diagnostics.append(note)
                    }
                    continue
                }
                if confirms {
                    // Only a new version or a redefined function says what it replaces: a
                    // first definition needs no search through the session.
                    let replaces = statement.version != statement.name
                        || (statement.kind == .function && working.functions.redefines(statement.name))
                    let earlier = !replaces ? nil : added.last(where: { $0.name == statement.name })
                        ?? definitions.last(where: { $0.name == statement.name })
                    tell(confirmation(of: statement, in: working, values: values, replacing: earlier), in: &reply)
                }
                let line = source.location(of: Int(statement.span.start) - piece.start).line
                added.append(Definition(kind: statement.kind, name: statement.name, text: working.source.text(of: statement.span),
                                        sourceName: source.name, line: line))
            }
            program.warnings = []
            definitions += added
            if let last { lastExpression = last }
            sourceMap.append(piece)
        } catch {
            failed = true
            reply.fail(error)
        }
        // Moved into the entry's own text before the entry is taken back: a diagnostic
        // still pointing into the session's text would make truncating it copy it all.
        reply.diagnostics = reply.diagnostics.map { sourceMap.relocate($0, pending: piece) }
        if failed {
            program.restore(journal)
            notedVersions = notedBefore
            // Taken back whole, it says only why: a confirmation or a table of a statement
            // before the failure would tell of a definition or result that is not there.
            reply.output = ""
            reply.aside = ""
        }
        return reply
    }

    /// `x = 1`, `p = x + y = 4`, `f(a, b) = a * b`, and what a new version replaces.
    private func confirmation(of statement: Statement, in program: Program, values: SessionValues?,
                              replacing earlier: Definition?) -> String {
        let tape = program.tape
        var text: String
        switch statement.kind {
        case .input where statement.tensor != nil, .step where statement.tensor != nil:
            text = "\(statement.version) = " + tensorValue(of: statement, in: program)
        case .input:
            let node = statement.node!
            let value = program.defaults[Int(tape.first[Int(node)])] ?? .nan
            text = "\(statement.version) = \(number(value))"
        case .step:
            let node = statement.node!
            let values = values ?? SessionValues(program, roots: [node])
            text = "\(statement.version) = \(stepText(node, span: statement.span, in: program, values: values))"
            let missing = values.missingVariables(of: node)
            text += missing.isEmpty ? " = \(number(values.value(of: node)))"
                                    : "  (no value yet: \(NameList.quoted(missing)) \(missing.count == 1 ? "has" : "have") none)"
        case .function:
            // As typed: the body's nodes would show the inlined calls, not the calls.
            text = DefinitionText.oneLine(program.source.text(of: statement.span))
        case .expression:
            return ""
        }
        if statement.version != statement.name {
            text += earlier.map { "  (replaces \(DefinitionText.oneLine($0.text)) for the lines that follow)" }
                ?? "  (earlier definitions keep the free variable \(statement.name))"
        } else if statement.kind == .function, let earlier {
            text += "  (replaces \(DefinitionText.oneLine(earlier.text)) for the lines that follow)"
        }
        return text + "\n"
    }

    /// A step's expression in a confirmation or `:vars`: as graddiff reads it
    /// (`p = x + y`), or as typed when it calls a user function, whose nodes would show
    /// the function's body instead of the call (`q = g24(w)`), or reads a vector or
    /// matrix, whose lowered nodes would show as `n8 + n11` (`s = sum(W @ r)`).
    func stepText(_ node: NodeID, span: SourceSpan, in program: Program, values: SessionValues) -> String {
        let tape = program.tape
        let cone = tape.cone(of: [node])
        guard cone.contains(where: { tape.note(of: $0) != nil }) || reads(cone, computedIn: program) else { return values.text(of: node) }
        return String(DefinitionText.oneLine(program.source.text(of: span)).drop(while: { $0 != "=" }).dropFirst()).trimmingSpaces()
    }

    /// Whether some node of `cone` (in tape order) is a computed node of a vector or
    /// matrix operation's lowering (not a variable or constant, which merging shares with
    /// scalar steps): a binary search of the cone for each such range.
    private func reads(_ cone: [NodeID], computedIn program: Program) -> Bool {
        let tape = program.tape
        let computed = cone.filter { tape.ops[Int($0)] != .variable && tape.ops[Int($0)] != .constant }
        guard !computed.isEmpty else { return false }
        return program.tensors.tapeRanges.contains { range in
            var (low, high) = (0, computed.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(computed[middle]) < range.lowerBound { low = middle + 1 } else { high = middle }
            }
            return low < computed.count && Int(computed[low]) < range.upperBound
        }
    }

    func number(_ value: Double) -> String {
        NumberFormat.significant(value, digits: options.precision)
    }

    /// Adds `text`, for the person rather than a result (`:help`, a setting asked for, a
    /// confirmation), to `reply`: to its output, or aside (standard error) when programs
    /// read the session's format, whose stream it would break.
    func tell(_ text: String, in reply: inout ReplReply) {
        if format.isForPrograms { reply.aside += text } else { reply.output += text }
    }
}
