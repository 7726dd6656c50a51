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
/// Only signals that would end graddiff are watched: one it handles (a session's Ctrl-C
/// interrupts the entry) or ignores (SIGHUP under nohup) leaves the write to finish. The
/// handler unlinks the file and raises the signal again, now with its default action
/// (`SA_RESETHAND`). One file at a time: graddiff writes its files one after another.
enum TemporaryFileGuard {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// The file to remove (a C string, made before any handler is set), and each watched
    /// signal's action before, by signal number.
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var previous: [sigaction?] = Array(repeating: nil, count: 32)

    static func guardFile(at temporaryPath: String) {
        release()
        path = strdup(temporaryPath)
        for number in signals {
            var old = sigaction()
            guard sigaction(number, nil, &old) == 0,
                  unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self)
            else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if let path = TemporaryFileGuard.path { unlink(path) }
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            previous[Int(number)] = old
            sigaction(number, &action, nil)
        }
    }

    /// The file was renamed into place or removed: the signals go back to their actions.
    static func release() {
        guard let guarded = path else { return }
        for number in signals {
            guard var old = previous[Int(number)] else { continue }
            sigaction(number, &old, nil)
            previous[Int(number)] = nil
        }
        path = nil
        free(guarded)
    }
}
