import Synchronization

/// A request to abandon the work in progress (Ctrl-C in the REPL), made from a signal
/// handler and noticed by the engine at a few safe points: between a REPL line's
/// phases and inside function inlining, the one place where a short text can make a
/// huge tape (`f2(x) = f1(f1(x))`, `f3(x) = f2(f2(x))`, …). The flag is process-wide
/// because signals are; storing to a lock-free atomic is safe in a signal handler.
public enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Asks the work in progress to stop (async-signal-safe once `clear()` has run).
    public static func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// Forgets any request: call before the work that may be interrupted, which also
    /// initialises the flag before a signal handler can touch it.
    public static func clear() {
        requested.store(false, ordering: .relaxed)
    }

    public static var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }

    /// Throws `UserError.interrupted` if a request is pending.
    public static func check() throws(UserError) {
        if isRequested { throw UserError.interrupted }
    }
}

extension UserError {
    /// What interrupted work throws: abandoned like a failed statement, state unchanged.
    public static var interrupted: UserError {
        var error = UserError(.error(.interrupted), in: nil)
        error.isInterruption = true
        return error
    }
}
