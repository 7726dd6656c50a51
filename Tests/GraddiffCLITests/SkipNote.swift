import Foundation

/// Says on standard error why tests are skipped. The README's test command runs
/// `swift test --quiet`, which reports failures and the final count but not skips, so a
/// suite that skips for want of something in the environment (tmux, root) says so here.
enum SkipNote {
    /// Returns whether `reason` is nil; when it is not, prints `note: skipping WHAT: REASON`.
    static func runs(_ what: String, unless reason: String?) -> Bool {
        guard let reason else { return true }
        FileHandle.standardError.write(Data("note: skipping \(what): \(reason)\n".utf8))
        return false
    }
}
