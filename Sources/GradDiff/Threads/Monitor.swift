#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock and a condition: what the threads of one job share to take turns and to wait
/// for each other (a segment of node texts published, a chunk of rows made).
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        pthread_cond_destroy(condition)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Runs `body` holding the lock.
    func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Inside `locked`: lets the lock go until another thread calls `wakeAll`, then takes
    /// it back (the caller checks again what it waits for).
    func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// Inside `locked`: wakes every thread in `wait`.
    func wakeAll() {
        pthread_cond_broadcast(condition)
    }
}
