import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tokens lexed ahead on a second core while the parser reads them on the first: a ring
/// that one producer thread fills (`produce()`) and the lexers of one parse read, in
/// order (`take`). Lexing a large expression is a quarter of parsing it; this way it
/// overlaps the rest.
///
/// A token comes from lexing the text at an offset, nothing else, so a lexer takes a
/// token from the ring only when the producer lexed it from exactly the lexer's offset.
/// At any other time (a token the producer has not reached yet, a lexer that went back
/// or jumped ahead, a warning or an error, which the producer leaves to the parser, and
/// after which it stops) the lexer lexes for itself. What the parser reads is the same
/// either way; the ring only saves it the work.
final class TokenRing: @unchecked Sendable {
    struct Entry {
        /// Where the token's blanks start (the lexer's offset before it) and where it ends.
        var blankStart: Int32
        var end: Int32
        var token: Token
    }

    static let capacity = 8192
    /// Tokens a reader may still go back to: a lexer's lookahead copy reads a token or two ahead.
    static let kept = 64
    /// Texts shorter than this are lexed in less time than a thread takes to start.
    static let minimumBytes = 1 << 16

    private let entries = UnsafeMutablePointer<Entry>.allocate(capacity: TokenRing.capacity)
    private let source: SourceText
    private let start: Int
    /// How many tokens the producer has written: every entry below is complete.
    private let published = Atomic<Int>(0)
    /// Tokens below this the readers will not read: the producer may write over them.
    private let released = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    /// The producer, with the ring full, sleeps until `released` reaches `wakeAt` (half a
    /// ring read): spinning would slow the parser's core, which may share the
    /// hardware (a core's two threads, a virtual machine's cores).
    private let monitor = Monitor()
    private let producerSleeps = Atomic<Bool>(false)
    private let wakeAt = Atomic<Int>(0)
    /// Where a reader that found no token waiting went on lexing by itself: the producer,
    /// behind it (late to start, or descheduled), jumps there rather than lex what no
    /// one will read.
    private let readerOffset = Atomic<Int>(0)
    /// The parsing thread's copies of `published` and `released` (only it reads or writes
    /// these): `released` changes only there, so `knownReleased` is always its value.
    private var knownPublished = 0
    private var knownReleased = 0
    /// How many tokens readers took from the ring (for tests: that it was used at all).
    private(set) var taken = 0

    private init(_ source: SourceText, from start: Int) {
        self.source = source
        self.start = start
    }

    deinit {
        entries.deallocate()
    }

    /// Runs `body` with a ring being filled from byte `start` of `source` on another
    /// thread, and stops that thread when `body` returns. `body` gets nil (and lexes
    /// everything itself) when `enabled` is false, for a short text, on a machine of one
    /// core, or when the system gives no thread.
    static func lexingAhead<Result>(_ source: SourceText, from start: Int, if enabled: Bool = true,
                                    _ body: (TokenRing?) -> Result) -> Result {
        guard enabled, source.bytes.count - start >= minimumBytes, Threads.available > 1 else { return body(nil) }
        let ring = TokenRing(source, from: start)
        var result: Result?
        Threads.perform(2, others: { _ in ring.produce() }, here: { started in
            result = body(started > 0 ? ring : nil)
            ring.stopped.store(true, ordering: .sequentiallyConsistent)
            ring.monitor.locked { ring.monitor.wakeAll() }
        })
        return result!
    }

    /// The token lexed from `offset` if the ring holds it, moving `index` (the reader's
    /// place in the ring) and `offset` past it; nil means "lex it yourself".
    @inline(__always)
    func take(_ index: inout Int, at offset: inout Int) -> Token? {
        if index < knownPublished, index >= knownReleased {
            let entry = entries[index & (Self.capacity - 1)]
            if Int(entry.blankStart) == offset { return accept(entry, &index, &offset) }
        }
        return resynchronize(&index, at: &offset)
    }

    @inline(__always)
    private func accept(_ entry: Entry, _ index: inout Int, _ offset: inout Int) -> Token {
        index += 1
        offset = Int(entry.end)
        taken += 1
        release(below: index)
        return entry.token
    }

    /// Lets the producer reuse the slots of the tokens more than `kept` below `index`,
    /// which the reader has passed (a few at a time: each store is a cache line the
    /// producer's core must fetch). The reads of those slots happen before the store.
    @inline(__always)
    private func release(below index: Int) {
        if index - knownReleased >= 2 * Self.kept {
            knownReleased = index - Self.kept
            released.store(knownReleased, ordering: .sequentiallyConsistent)
            if producerSleeps.load(ordering: .sequentiallyConsistent), knownReleased >= wakeAt.load(ordering: .relaxed) {
                wakeProducer()
            }
        }
    }

    @inline(never)
    private func wakeProducer() {
        monitor.locked { monitor.wakeAll() }
    }

    /// `take` when the reader's place does not hold its token: finds the token lexed
    /// from `offset` among those published (tokens are in order of offset), or says none.
    @inline(never)
    private func resynchronize(_ index: inout Int, at offset: inout Int) -> Token? {
        index = Swift.max(index, knownReleased)
        while true {
            if index >= knownPublished {
                knownPublished = published.load(ordering: .acquiring)
                if index >= knownPublished {
                    // Ahead of every token published: the reader lexes on, and the
                    // producer comes to where it is.
                    release(below: index)
                    readerOffset.store(offset, ordering: .relaxed)
                    return nil
                }
            }
            let entry = entries[index & (Self.capacity - 1)]
            if Int(entry.blankStart) == offset { return accept(entry, &index, &offset) }
            // The reader is behind the producer's tokens (it went back): it lexes itself.
            if Int(entry.blankStart) > offset { return nil }
            index += 1
        }
    }

    /// The producer: lexes from `start` into the ring until the end of the text, the
    /// first warning or error, or `stopped`, waiting while the ring is full.
    private func produce() {
        var lexer = Lexer(source, startingAt: start)
        var count = 0
        var room = 0
        defer { published.store(count, ordering: .releasing) }
        while !stopped.load(ordering: .relaxed) {
            if count == room {
                published.store(count, ordering: .releasing)
                room = released.load(ordering: .acquiring) + Self.capacity
                if count == room {
                    sleepUntilHalfRead(count)
                    continue
                }
            }
            let blankStart = lexer.offset
            guard let token = try? lexer.next(), lexer.warnings.isEmpty, lexer.unshownWarnings == 0 else { return }
            entries[count & (Self.capacity - 1)] = Entry(blankStart: Int32(blankStart), end: Int32(lexer.offset), token: token)
            count += 1
            if token.kind == .end { return }
            // Published in batches: each store is a cache line the other core must fetch.
            if count & 31 == 0 {
                published.store(count, ordering: .releasing)
                let reader = readerOffset.load(ordering: .relaxed)
                if reader > lexer.offset { lexer = Lexer(source, startingAt: reader) }
            }
        }
    }

    /// Waits, with the ring full after `count` tokens, until the parser has read half of
    /// it or stopped. Either side's store comes before its load of the other's flag, so
    /// one of them sees the other: the parser wakes a sleeping producer, or the producer
    /// sees the ring no longer full and does not sleep.
    private func sleepUntilHalfRead(_ count: Int) {
        let target = count - Self.capacity / 2
        monitor.locked {
            wakeAt.store(target, ordering: .relaxed)
            producerSleeps.store(true, ordering: .sequentiallyConsistent)
            while released.load(ordering: .sequentiallyConsistent) < target, !stopped.load(ordering: .sequentiallyConsistent) {
                monitor.wait()
            }
            producerSleeps.store(false, ordering: .relaxed)
        }
    }
}
