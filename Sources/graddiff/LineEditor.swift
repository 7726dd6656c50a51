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
/// this editor.
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

        rl_readline_name = UnsafePointer(strdup("graddiff"))
        rl_catch_signals = 0
        rl_attempted_completion_function = complete
        rl_completion_word_break_hook = wordBreaks
        stifle_history(Int32(ReplSession.historyLimit))
        for entry in history { add_history(entry) }
    }

    /// Reads one line with `prompt`: the line, a Ctrl-C, or the end of input (Ctrl-D on
    /// an empty line).
    static func readLine(prompt: String) -> Input {
        input = nil
        Interruption.clear()
        using_history()
        rl_callback_handler_install(prompt, lineRead)
        while input == nil {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if Interruption.isRequested {
                Interruption.clear()
                abandonLine()
                return .interrupted
            }
            if ready < 0 && errno != EINTR {
                rl_callback_handler_remove()
                return .endOfInput
            }
            if ready > 0 { rl_callback_read_char() }
        }
        return input ?? .endOfInput
    }

    /// Adds `entry` to the history unless it is blank or the same as the last one;
    /// whether it did, and so whether the history file should have it too.
    static func remember(_ entry: String) -> Bool {
        guard entry.contains(where: { $0 != " " && $0 != "\t" }) else { return false }
        if history_length > 0, let last = history_get(history_base + history_length - 1),
           let line = last.pointee.line, String(cString: line) == entry {
            return false
        }
        add_history(entry)
        return true
    }

    /// Called by readline with a finished line, or nil at the end of input.
    private static let lineRead: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        // No new prompt until the next read; the terminal is back to normal while the line runs.
        rl_callback_handler_remove()
        if let line {
            input = .line(String(cString: line))
            free(line)
        } else {
            input = .endOfInput
        }
    }

    /// Leaves the half-typed line on the screen with ^C after it, as a shell does.
    private static func abandonLine() {
        rl_point = rl_end
        rl_redisplay()
        // Before the clean-up, which ends bracketed paste with a carriage return.
        StandardStreams.writeOut("^C")
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_cleanup_after_signal()
        rl_replace_line("", 1)
        rl_callback_handler_remove()
        StandardStreams.writeOut("\n")
    }

    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        let word = text.map { String(cString: $0) } ?? ""
        switch completer(word, lineBefore(Int(start))) {
        case .files:
            return nil  // readline goes on to complete file names
        case .words(let words):
            rl_attempted_completion_over = 1
            candidates = words
            // "sin(" is complete as it is: no space after it.
            if words.count == 1, words[0].hasSuffix("(") { rl_completion_suppress_append = 1 }
            return rl_completion_matches(text, nextMatch)
        }
    }

    private static let nextMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { nextCandidate = 0 }
        guard nextCandidate < candidates.count else { return nil }
        nextCandidate += 1
        return strdup(candidates[nextCandidate - 1])
    }

    private static let wordBreaks: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
        ReplSession.completesFileName(after: lineBefore(Int(rl_point))) ? fileNameBreaks : expressionBreaks
    }

    /// The line being edited, up to byte `offset`.
    private static func lineBefore(_ offset: Int) -> String {
        guard let buffer = rl_line_buffer else { return "" }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: min(offset, Int(strlen(buffer))))
        return String(decoding: bytes, as: UTF8.self)
    }
}
