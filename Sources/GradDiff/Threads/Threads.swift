import CCores
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work on several cores at once, with POSIX threads rather than Dispatch, so that
/// neither the engine nor the command links Dispatch or Foundation (whose
/// `libdispatch_init` would run at every start-up) for the few runs that use a second
/// core: `--batch`, printing a large tape, parsing a large text.
public enum Threads {
    /// One per core this thread may run on: the online cores, or fewer when its CPU
    /// affinity allows fewer (`taskset -c 0`, a container's cpuset) or its control
    /// groups' CPU quota does (`docker run --cpus=1`, `CPUQuota`), since threads beyond
    /// those would only take turns on them.
    public static var available: Int {
        let online = Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let allowed = Int(graddiff_cores_allowed())
        let cores = allowed > 0 ? Swift.min(online, allowed) : online
        return CPUQuota.cores.map { Swift.min(cores, $0) } ?? cores
    }

    /// Runs `body(0)`, ..., `body(count - 1)` at once, `body(0)` on this thread, and
    /// returns when every one has; one that cannot get a thread of its own runs here.
    public static func perform(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        var missing: [Int] = []
        perform(count, others: body) { started in
            missing = Array(started + 1..<count)
            body(0)
        }
        for index in missing { body(index) }
    }

    /// Starts `count - 1` threads running `others(1)`, `others(2)`, … and runs
    /// `here(started)` on this thread meanwhile (it may use what only this thread may,
    /// such as an `inout` buffer); returns when all have. `started` says how many threads
    /// the system gave: the first `started` of the others run, the rest do not.
    public static func perform(_ count: Int, others body: @escaping @Sendable (Int) -> Void, here: (_ started: Int) -> Void) {
        var started: [pthread_t] = []
        for index in 1..<Swift.max(1, count) {
            let work = Unmanaged.passRetained(Work(body: body, index: index)).toOpaque()
            var thread = pthread_t()
            guard pthread_create(&thread, nil, { context in
                let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
                work.body(work.index)
                return nil
            }, work) == 0 else {
                Unmanaged<Work>.fromOpaque(work).release()
                break
            }
            started.append(thread)
        }
        here(started.count)
        for thread in started { pthread_join(thread, nil) }
    }

    private final class Work {
        let body: @Sendable (Int) -> Void
        let index: Int

        init(body: @escaping @Sendable (Int) -> Void, index: Int) {
            self.body = body
            self.index = index
        }
    }
}

extension Threads {
    /// Runs `body(0)`, ..., `body(count - 1)` on up to `threads` threads, each taking the
    /// next index when it is done with one (so a slow index does not hold up the others);
    /// `alongside`, if given, runs first on a thread of its own before it takes indices
    /// too, or first of all with one thread. Returns when every one has run.
    public static func forEach(_ count: Int, threads: Int = available, alongside: (@Sendable () -> Void)? = nil,
                               _ body: @escaping @Sendable (Int) -> Void) {
        guard threads > 1, count > 1 || alongside != nil else {
            alongside?()
            for index in 0..<count { body(index) }
            return
        }
        let counter = Counter()
        perform(threads) { thread in
            if thread == 1 { alongside?() }
            while let index = counter.next(below: count) { body(index) }
        }
    }

    /// The next index to take, under a lock.
    private final class Counter: @unchecked Sendable {
        private var taken = 0
        private let monitor = Monitor()

        func next(below count: Int) -> Int? {
            monitor.locked {
                guard taken < count else { return nil }
                taken += 1
                return taken - 1
            }
        }
    }
}
