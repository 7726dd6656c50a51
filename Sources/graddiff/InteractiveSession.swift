import GradDiff

/// A session at a terminal: prompts, line editing, history and completion from
/// `LineEditor`, Ctrl-C to abandon a line or interrupt it while it runs, and Ctrl-D or
/// `:quit` to end with status 0 (errors were shown as they happened).
struct InteractiveSession {
    var session: ReplSession
    let printer: ReplyPrinter

    static let banner = "graddiff session: type x = 1, then an expression such as (x + 1)^2; :help lists the commands\n"
    static let prompt = "graddiff> "
    static let continuationPrompt = "      ...> "

    mutating func run() -> ExitStatus {
        var (history, warning) = HistoryFile.open()
        if let warning { printer.show([LocatedDiagnostic(.warning(warning), in: nil)]) }
        LineEditor.start(history: history?.entries ?? [])
        var entries = EntryAssembler()
        while true {
            let current = session
            LineEditor.completer = { word, before in current.completions(of: word, after: before) }
            switch LineEditor.readLine(prompt: entries.isContinuing ? Self.continuationPrompt : Self.prompt) {
            case .endOfInput:
                LineEditor.show("\n")
                return .success
            case .interrupted:
                entries.abandon()
            case .line(let line):
                guard let entry = entries.add(Substring(line)) else { continue }
                let line = EntryAssembler.historyLine(entry.text)
                if LineEditor.remember(line), let warning = history?.append(line) {
                    printer.show([LocatedDiagnostic(.warning(warning), in: nil)])
                }
                // A Ctrl-C while the line runs abandons it even if the engine finished
                // first: the session before the line is a value, so it is simply kept.
                Interruption.clear()
                let before = session
                var reply = session.run(entry.text, line: entry.line)
                if Interruption.isRequested && !reply.interrupted {
                    session = before
                    reply = ReplReply()
                    reply.fail(.interrupted)
                }
                if reply.interrupted {
                    // After the ^C the terminal echoed.
                    StandardStreams.writeError("\n")
                    printer.show([LocatedDiagnostic(Diagnostic(.note, "interrupted: the session is as it was before the line"), in: nil)])
                }
                printer.show(reply)
                if reply.quits { return .success }
            }
        }
    }
}
