#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// The REPL's history file: `$GRADDIFF_HISTORY`, else `~/.graddiff_history` (an empty
/// GRADDIFF_HISTORY keeps none), the last `ReplSession.historyLimit` lines typed.
///
/// A history holds whatever was typed, so graddiff reads and writes it itself rather
/// than through readline, whose history functions follow a symbolic link at the path
/// and write through a predictable `PATH-PID.tmp`. It uses the file only if it is a
/// regular file of the user's, and never through a symbolic link; it makes the file
/// mode 0600 (creating it so, or tightening one that others could read); it appends a
/// line at a time, and trims the file by writing a new one (`AtomicFile`). A file it
/// may not use costs the history and one warning, never the session.
struct HistoryFile {
    let path: String
    /// The lines the file held at the start, oldest first: readline's history.
    let entries: [String]
    /// Lines in the file as far as this session knows (others may append too).
    private var lineCount: Int
    private var isAbandoned = false

    /// The history file, created if need be, and its lines; or nil and, unless history
    /// is turned off, a warning saying why.
    static func open() -> (file: HistoryFile?, warning: String?) {
        let path: String
        if let chosen = environment("GRADDIFF_HISTORY") {
            if chosen.isEmpty { return (nil, nil) }
            path = chosen
        } else if let home = environment("HOME"), !home.isEmpty {
            path = home + (home.hasSuffix("/") ? "" : "/") + ".graddiff_history"
        } else {
            return (nil, "HOME is not set, so the history is not saved (set GRADDIFF_HISTORY to keep it)")
        }
        do throws(Refusal) {
            var lines = try readLines(path)
            if lines.count > ReplSession.historyLimit {
                lines.removeFirst(lines.count - ReplSession.historyLimit)
                try rewrite(path, lines)
            }
            return (HistoryFile(path: path, entries: lines, lineCount: lines.count), nil)
        } catch {
            return (nil, "the history is not saved: \(error.reason)")
        }
    }

    /// Appends `entry` (one line) to the file; the first failure ends the history file
    /// for the session and is returned as a warning, once.
    mutating func append(_ entry: String) -> String? {
        guard !isAbandoned else { return nil }
        do throws(Refusal) {
            let descriptor = try Self.openOwnFile(path, flags: O_WRONLY | O_APPEND | O_CREAT)
            defer { close(descriptor) }
            guard StandardStreams.write(entry + "\n", to: descriptor) else {
                throw Refusal(reason: "cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            lineCount += 1
            // Trimmed now and then, not at every line: a rewrite costs the whole file.
            if lineCount >= 2 * ReplSession.historyLimit {
                var lines = try Self.readLines(path)
                lines.removeFirst(max(0, lines.count - ReplSession.historyLimit))
                try Self.rewrite(path, lines)
                lineCount = lines.count
            }
            return nil
        } catch {
            isAbandoned = true
            return "the history is no longer saved: \(error.reason)"
        }
    }

    struct Refusal: Error {
        var reason: String
    }

    /// The file's lines, the file created (empty, mode 0600) if there is none.
    private static func readLines(_ path: String) throws(Refusal) -> [String] {
        let descriptor = try openOwnFile(path, flags: O_RDONLY | O_CREAT)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(reason: "cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func rewrite(_ path: String, _ lines: [String]) throws(Refusal) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(lines.map { $0 + "\n" }.joined(), to: path, permissions: .ownerOnly)
        } catch {
            throw Refusal(reason: error.message)
        }
    }

    /// Opens `path` with `flags` only if it is (or, with O_CREAT, becomes) a regular file
    /// owned by the user and not a symbolic link; makes its mode 0600. The checks are
    /// made on the open file, so nothing swapped in between a check and the open counts.
    private static func openOwnFile(_ path: String, flags: Int32) throws(Refusal) -> Int32 {
        // Looked at first, so that a device or a FIFO at the path is not even opened.
        var status = stat()
        if lstat(path, &status) == 0 {
            try check(status, path)
        }
        let descriptor = Glibc.open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP, lstat(path, &status) == 0 { try check(status, path) }
            throw Refusal(reason: "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw Refusal(reason: "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        do throws(Refusal) {
            try check(status, path)
        } catch {
            close(descriptor)
            throw error
        }
        // Others lose every right; the user keeps what they had (a 0400 file stays 0400).
        if status.st_mode & 0o7177 != 0 { fchmod(descriptor, status.st_mode & 0o600) }
        return descriptor
    }

    private static func check(_ status: stat, _ path: String) throws(Refusal) {
        let kind = status.st_mode & S_IFMT
        if kind == S_IFLNK {
            throw Refusal(reason: "'\(path)' is a symbolic link, which graddiff does not follow for the history "
                + "(remove it, or set GRADDIFF_HISTORY to a file of your own)")
        }
        guard kind == S_IFREG else { throw Refusal(reason: "'\(path)' is not a regular file") }
        guard status.st_uid == geteuid() else {
            throw Refusal(reason: "'\(path)' belongs to another user (uid \(status.st_uid)), not to you")
        }
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
