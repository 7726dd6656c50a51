import GradDiff

/// A session read from a pipe or file: the statements a terminal would take, without
/// prompts, readline or history. An entry that leaves '(' open takes the next lines
/// too. The first failed entry ends the run (exit status 65) unless --keep-going, which
/// runs the rest and still exits 65.
struct PipedSession {
    var session: ReplSession
    let printer: ReplyPrinter
    let keepGoing: Bool

    mutating func run() -> ExitStatus {
        var failures = 0
        do throws(InputFile.Failure) {
            var reader = try LineReader(path: "-")
            var entries = EntryAssembler()
            while true {
                let line = try reader.nextLine()
                // At the end of the input an unfinished entry still runs, to report it.
                let entry = if let line { entries.add(line) } else { entries.finish() }
                if let entry {
                    let reply = session.run(entry.text, line: entry.line)
                    printer.show(reply)
                    if reply.failed {
                        failures += 1
                        if !keepGoing { break }
                    }
                    if reply.quits { break }
                }
                if line == nil { break }
            }
        } catch {
            printer.show([LocatedDiagnostic(.error(error.message), in: nil)])
            return .noInput
        }
        return failures > 0 ? .dataError : .success
    }
}
