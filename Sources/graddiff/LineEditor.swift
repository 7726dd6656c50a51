@preconcurrency import CReadline
import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GNU readline behind one type, the only code that sees it: line editing with the
/// user's ~/.inputrc (emacs or vi keys), history with Up/Down and Ctrl-R, and Tab
/// completion. The history file is `HistoryFile`'s: readline's own file functions
/// follow symbolic links and write through predictable temporary names.
///
/// It drives readline's callback interface from its own poll loop: that is how a
/// Ctrl-C can abandon the line being typed without a longjmp out of readline. SIGINT
/// only sets `Interruption`'s flag; poll returns early and the loop sees the flag. The
/// same flag interrupts a line that is running. Readline is global state, and so is
/// this editor. It is loaded with the first terminal session (`Sources/CReadline`), so
/// no other run pays for loading it.
enum LineEditor {
    enum Input: Equatable {
        case line(String)
        case interrupted
        case endOfInput
    }

    /// The completions of a word, given the line before it; set before each read.
    nonisolated(unsafe) static var completer: (String, String) -> ReplSession.Completion = { _, _ in .words([]) }
    nonisolated(unsafe) private static var input: Input?
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var nextCandidate = 0
    /// Characters that end a word for completion: an expression's operators; file
    /// names (after :load, :save, :save! and :render) break only at blanks.
    nonisolated(unsafe) private static let expressionBreaks = strdup(" \t\n\"'()+-*/^,=;")
    nonisolated(unsafe) private static let fileNameBreaks = strdup(" \t\n")

    /// Loads GNU readline; nil when it is loaded, else why it cannot be.
    static func load() -> String? {
        if graddiff_rl_load() { return nil }
        return graddiff_rl_error().map { String(cString: $0) } ?? "libreadline.so.8 cannot be loaded"
    }

    /// Sets readline up for graddiff (`$if graddiff` in ~/.inputrc), with `history`
    /// (oldest first) to go back through.
    static func start(history: [String]) {
        Interruption.clear()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interruption.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: poll must return at a Ctrl-C
        sigaction(SIGINT, &action, nil)
        // A parent may have blocked it, and the mask is inherited.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)

        graddiff_rl_configure(strdup("graddiff"), complete, wordBreaks, Int32(ReplSession.historyLimit))
        if !showsOnStandardOutput { graddiff_rl_echo_to_standard_error() }
        for entry in history { graddiff_rl_add_history(entry) }
    }

    /// Whether prompts and typed text go to standard output, as readline's do by default:
    /// not when it is redirected (`graddiff -i > results.txt`), where they would fill the
    /// file and leave the screen blank; they go to standard error then.
    static var showsOnStandardOutput: Bool { StandardStreams.isTerminal(STDOUT_FILENO) }

    /// Writes what the terminal shows around the lines (the banner, a ^C) where the
    /// prompts go.
    static func show(_ text: String) {
        if showsOnStandardOutput { StandardStreams.writeOut(text) } else { StandardStreams.writeError(text) }
    }

    /// Reads one line with `prompt`: the line, a Ctrl-C, or the end of input (Ctrl-D on
    /// an empty line).
    static func readLine(prompt: String) -> Input {
        input = nil
        Interruption.clear()
        graddiff_rl_using_history()
        graddiff_rl_callback_handler_install(prompt, lineRead)
        while input == nil {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if Interruption.isRequested {
                Interruption.clear()
                abandonLine()
                return .interrupted
            }
            if ready < 0 && errno != EINTR {
                graddiff_rl_callback_handler_remove()
                return .endOfInput
            }
            if ready > 0 { graddiff_rl_callback_read_char() }
        }
        return input ?? .endOfInput
    }

    /// Adds `entry` to the history unless it is blank or the same as the last one;
    /// whether it did, and so whether the history file should have it too.
    static func remember(_ entry: String) -> Bool {
        guard entry.contains(where: { $0 != " " && $0 != "\t" }) else { return false }
        if let last = graddiff_rl_last_history_line(), String(cString: last) == entry {
            return false
        }
        graddiff_rl_add_history(entry)
        return true
    }

    /// Called by readline with a finished line, or nil at the end of input.
    private static let lineRead: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        // No new prompt until the next read; the terminal is back to normal while the line runs.
        graddiff_rl_callback_handler_remove()
        if let line {
            input = .line(String(cString: line))
            free(line)
        } else {
            input = .endOfInput
        }
    }

    /// Leaves the half-typed line on the screen with ^C after it, as a shell does.
    private static func abandonLine() {
        graddiff_rl_redisplay_at_end()
        // Before the clean-up, which ends bracketed paste with a carriage return.
        show("^C")
        graddiff_rl_abandon_line()
        show("\n")
    }

    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        let word = text.map { String(cString: $0) } ?? ""
        switch completer(word, lineBefore(Int(start))) {
        case .files:
            return nil  // readline goes on to complete file names
        case .words(let words):
            candidates = words
            // "sin(" is complete as it is: no space after it.
            return graddiff_rl_completion_matches(text, nextMatch, words.count == 1 && words[0].hasSuffix("("))
        }
    }

    private static let nextMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { nextCandidate = 0 }
        guard nextCandidate < candidates.count else { return nil }
        nextCandidate += 1
        return strdup(candidates[nextCandidate - 1])
    }

    private static let wordBreaks: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
        ReplSession.completesFileName(after: lineBefore(Int(graddiff_rl_point()))) ? fileNameBreaks : expressionBreaks
    }

    /// The line being edited, up to byte `offset`.
    private static func lineBefore(_ offset: Int) -> String {
        guard let buffer = graddiff_rl_line_buffer() else { return "" }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: min(offset, Int(strlen(buffer))))
        return String(decoding: bytes, as: UTF8.self)
    }
}
