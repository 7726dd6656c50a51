/// The shortest of several runs of the same work. The minimum, not the mean: noise
/// from other processes only ever adds time.
enum BestTime {
    /// Runs `body` at least `minimumRuns` times and then until `budgetNanoseconds` have
    /// been spent (at most `maximumRuns`), and returns the fastest run's nanoseconds.
    static func of<Result, Failure: Error>(
        minimumRuns: Int, budgetNanoseconds: UInt64, maximumRuns: Int = 1_000,
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> UInt64 {
        var best = UInt64.max
        var spent: UInt64 = 0
        var runs = 0
        while runs < minimumRuns || (spent < budgetNanoseconds && runs < maximumRuns) {
            let run = try MonotonicClock.measure(body)
            best = min(best, run.nanoseconds)
            spent += run.nanoseconds
            runs += 1
        }
        return best
    }
}
