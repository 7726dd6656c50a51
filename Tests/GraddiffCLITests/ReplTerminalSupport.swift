import Foundation
import Testing

/// graddiff's REPL in a real terminal: a tmux server of its own (one socket per
/// session) runs the built binary in a detached 100×40 pane, with HOME, GRADDIFF_HISTORY
/// and the working directory in a fresh temporary directory. Tests type with `type` and
/// `press`, and read the screen as tmux renders it, polling until what they wait for
/// shows up; no fixed sleeps.
final class TerminalSession {
    let directory: URL
    var historyFile: URL { directory.appendingPathComponent("history") }
    private let socket: String
    /// What the tmux server, started by the first call, passes on to graddiff.
    private let environment: [String: String]

    /// Whether tmux is installed (the CI script installs it); the tests skip without it.
    static let isAvailable = FileManager.default.isExecutableFile(atPath: tmuxPath)
    private static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"

    /// Starts `graddiff arguments` and waits for its first prompt (or for `firstOutput`,
    /// for a command that is not a session). `inputrc` becomes ~/.inputrc. With `home`,
    /// HOME is that directory and GRADDIFF_HISTORY is unset. `prepare` runs on the fresh
    /// directory before graddiff starts (to plant files). `executable` runs another
    /// program instead of graddiff (a shell, to test the completion scripts).
    init(_ arguments: [String] = [], inputrc: String? = nil, home: String? = nil,
         firstOutput: String = TerminalSession.prompt, executable: String = GraddiffProcess.binary,
         prepare: (URL) throws -> Void = { _ in }) throws {
        directory = try GraddiffProcess.temporaryDirectory()
        socket = directory.appendingPathComponent("tmux.sock").path
        var environment = ["LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": home ?? directory.path]
        if home == nil { environment["GRADDIFF_HISTORY"] = directory.appendingPathComponent("history").path }
        self.environment = environment
        if let inputrc {
            try inputrc.write(to: directory.appendingPathComponent(".inputrc"), atomically: true, encoding: .utf8)
        }
        try prepare(directory)
        // A shell runs graddiff and then shows its exit status on the screen (tmux would
        // only know it once it reaped the process, which can take a while). The shell
        // ignores SIGINT, so that a Ctrl-C reaches graddiff alone.
        let command = ([executable] + arguments).map { "'\($0)'" }.joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "40",
                  "trap '' INT; cd '\(directory.path)' && \(command); echo \"\(Self.exitMarker)$?]\"; exec sleep 600"])
        do {
            try waitFor(firstOutput)
        } catch {
            end()
            throw error
        }
    }

    deinit {
        end()
    }

    /// The prompts as the screen shows them: tmux drops trailing blanks.
    static let prompt = "graddiff>"
    static let continuationPrompt = "      ...>"

    /// Ends tmux and graddiff and removes the temporary directory.
    private func end() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-l", text])
    }

    /// Presses keys by tmux's names: Enter, Up, Tab, Escape, C-c, C-d, C-r.
    func press(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    /// Types `line`, presses Enter and waits for the next prompt (or continuation
    /// prompt); returns the screen then.
    @discardableResult
    func run(_ line: String, timeout: Double = 5) throws -> String {
        let before = Self.prompts(in: try screen())
        try type(line)
        try press("Enter")
        return try waitUntil("the prompt after '\(line)'", timeout: timeout) { screen in
            let last = screen.split(separator: "\n").last.map(String.init) ?? ""
            return [Self.prompt, Self.continuationPrompt].contains(last) && Self.prompts(in: screen) > before
        }
    }

    /// How many lines of `screen` start with a prompt.
    private static func prompts(in screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.hasPrefix(prompt) || $0.hasPrefix(continuationPrompt) }.count
    }

    /// `screen` with every run of blanks made one space, so that a table row reads
    /// `n2 pow x^2 9 1` whatever its column widths.
    static func squeezed(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
    }

    /// The screen's text, trailing blank lines dropped.
    func screen() throws -> String {
        var text = try tmux(["capture-pane", "-p"])
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Polls the screen until `condition` holds; fails the test with the screen after
    /// `timeout` seconds.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 5, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = try screen()
        while !condition(text) {
            guard Date() < deadline else {
                Issue.record("timed out waiting for \(what); the screen:\n\(text)")
                throw TimedOut()
            }
            Thread.sleep(forTimeInterval: 0.02)
            text = try screen()
        }
        return text
    }

    /// Polls until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5) throws -> String {
        try waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Polls until the screen shows `text` `count` times (a second prompt, say).
    @discardableResult
    func waitFor(_ text: String, count: Int, timeout: Double = 5) throws -> String {
        try waitUntil("\(count) × '\(text)'", timeout: timeout) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// graddiff's process ID: the child of the pane's shell (found through /proc, whose
    /// `stat` gives each process's parent after its parenthesised name).
    func graddiffProcessID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") where Int32(entry) != nil {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, fields[1] == shell { return Int32(entry)! }
        }
        throw TmuxFailed(message: "no process under the pane's shell \(shell)")
    }

    /// Waits for graddiff to end and returns its exit status.
    func exitStatus(timeout: Double = 5) throws -> Int32 {
        let screen = try waitFor(Self.exitMarker, timeout: timeout)
        let status = screen.components(separatedBy: Self.exitMarker).last?.prefix(while: { $0 != "]" }) ?? ""
        return Int32(status) ?? -1
    }

    private static let exitMarker = "[graddiff exited with status "

    struct TimedOut: Error {}

    /// Runs a tmux command and waits for it. The first one starts the server, which
    /// stays: it must inherit nothing but its standard streams (Foundation's Process
    /// would hand it the descriptor it watches for the client's exit, and wait forever),
    /// so this spawns it directly, every other descriptor closed.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = directory.appendingPathComponent("tmux.out").path
        let errors = directory.appendingPathComponent("tmux.err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = closeFrom(&actions, 3)
        let argv = ([Self.tmuxPath, "-S", socket] + arguments).map { strdup($0) } + [nil]
        let variables = environment.merging(["PATH": "/usr/bin:/bin", "TERM": "xterm"]) { $1 }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Default signal handling and nothing blocked: a test runner's worker thread
        // may block SIGINT, and the server would pass that on to graddiff.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, Self.tmuxPath, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxFailed(message: "cannot run tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw TmuxFailed(message: "tmux \(arguments.joined(separator: " ")): \(try String(contentsOfFile: errors, encoding: .utf8))")
        }
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    struct TmuxFailed: Error {
        var message: String
    }
}

/// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later), which Swift's
/// Glibc module does not export.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32
