#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// Where the REPL keeps its history: `$GRADDIFF_HISTORY`, else `~/.graddiff_history`
/// (an empty GRADDIFF_HISTORY keeps none). The file is created with mode 0600, since a
/// history can hold whatever was typed. A missing or read-only home directory costs the
/// history file and a warning, never the session.
enum HistoryFile {
    /// The history file to use, created if need be; or nil and, unless history was
    /// turned off, a warning saying why.
    static func prepare() -> (path: String?, warning: String?) {
        let path: String
        if let chosen = environment("GRADDIFF_HISTORY") {
            if chosen.isEmpty { return (nil, nil) }
            path = chosen
        } else if let home = environment("HOME"), !home.isEmpty {
            path = home + (home.hasSuffix("/") ? "" : "/") + ".graddiff_history"
        } else {
            return (nil, "HOME is not set, so the history is not saved (set GRADDIFF_HISTORY to keep it)")
        }
        var status = stat()
        let existed = stat(path, &status) == 0
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else {
            return (nil, "the history is not saved: cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        // The umask may have taken bits away, never added them; make it exactly 0600.
        if !existed { fchmod(descriptor, 0o600) }
        close(descriptor)
        return (path, nil)
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
