#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file `AtomicFile` is writing when a signal ends graddiff
/// (Ctrl-C, `kill`, a closed terminal) before the file is renamed into place: what
/// failures already do, for the ways out that skip every `catch` (a render that `dot`
/// takes seconds to draw left a `.NAME.graddiff-….tmp` behind).
///
/// One file at a time (graddiff writes its files one after another). The handler does
/// only what a signal handler may: unlink, then the signal's earlier handling, raised
/// again (the REPL's Ctrl-C goes on to interrupt the entry; by default, graddiff ends).
enum TemporaryFileGuard {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// The file to remove (a C string, made before the handlers are set), and the
    /// handlers the guard replaced, by signal number.
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var previous = [sighandler_t?](repeating: nil, count: 32)

    static func guardFile(at temporaryPath: String) {
        release()
        path = strdup(temporaryPath)
        for number in signals {
            previous[Int(number)] = signal(number) { number in
                if let path = TemporaryFileGuard.path { unlink(path) }
                signal(number, TemporaryFileGuard.previous[Int(number)] ?? SIG_DFL)
                raise(number)
            }
            // A signal ignored when graddiff started (SIGINT in a shell's background job,
            // SIGHUP under nohup) stays ignored: it ends nothing, so there is nothing to remove.
            if unsafeBitCast(previous[Int(number)], to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(number, SIG_IGN)
            }
        }
    }

    /// The file was renamed into place or removed: signals go back to their handling.
    static func release() {
        guard let guarded = path else { return }
        for number in signals { signal(number, previous[Int(number)] ?? SIG_DFL) }
        path = nil
        free(guarded)
    }
}
