#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// A session: `graddiff` with no EXPRESSION, or `graddiff -i x=1`. At a terminal the
/// statements are typed with line editing and history; from a pipe or file they run
/// without prompts, readline or history, and a failed statement fails the run.
struct SessionRunner {
    let command: CommandOptions

    func run() -> ExitStatus {
        let interactive = StandardStreams.isTerminal(STDIN_FILENO)
        var session = ReplSession(files: SessionFiles(isInteractive: interactive))
        session.format = command.format
        session.options = OutputOptions(precision: command.precision, wrt: command.wrtOption.names,
                                        useColor: command.program.color.enabled(for: STDOUT_FILENO))
        session.confirmsDefinitions = interactive
        session.nodeLimit = command.program.maxNodes
        session.kinks = command.kinkConvention
        session.sourceName = interactive ? "<input>" : "<stdin>"
        let printer = ReplyPrinter(renderer: DiagnosticRenderer(useColor: command.program.color.enabled(for: STDERR_FILENO)))
        if interactive, let reason = LineEditor.load() {
            printer.show([LocatedDiagnostic(.error("a session at a terminal needs GNU readline, which cannot be loaded: \(reason)",
                                                   help: "install it (Debian and Ubuntu: apt-get install libreadline8), "
                                                       + "or run the statements from a file with -f FILE"), in: nil)])
            return .unavailable
        }
        if interactive { LineEditor.show(InteractiveSession.banner) }
        // The bindings given (`name=@FILE` read as on any command line) are the first inputs.
        let tables: [String: SourceText]
        do {
            tables = try CommandInput.tables(command.program.arguments)
        } catch {
            printer.show([LocatedDiagnostic(.error(error.message, help: error.help), in: nil)])
            return error.status
        }
        let parsed = CommandInput.bindings(command.program.arguments, tables: tables)
        if !parsed.errors.isEmpty {
            printer.show(parsed.errors)
            return .dataError
        }
        for binding in parsed.bindings {
            let reply = session.bind(binding)
            printer.show(reply)
            if reply.failed { return .dataError }
        }
        if interactive {
            var terminal = InteractiveSession(session: session, printer: printer)
            return terminal.run()
        }
        var piped = PipedSession(session: session, printer: printer, keepGoing: command.keepGoing)
        return piped.run()
    }
}

/// Writes a session's replies: diagnostics and text aside to stderr, then results to stdout.
struct ReplyPrinter {
    let renderer: DiagnosticRenderer

    func show(_ reply: ReplReply) {
        show(reply.diagnostics)
        StandardStreams.writeError(reply.aside)
        StandardStreams.writeOut(reply.output)
    }

    func show(_ diagnostics: [LocatedDiagnostic]) {
        StandardStreams.writeError(diagnostics.map(renderer.render).joined())
    }
}
