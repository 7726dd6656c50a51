#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way graddiff writes a file (`--render`, `minimize --history` and `--plot`,
/// `:save`, the history's trimming): the bytes go to a new temporary file beside the
/// target, are flushed to disk, and the temporary is renamed over the target. A reader
/// never sees half a file, a failure leaves the old file alone, and no name graddiff
/// opens for writing can be a symbolic link planted by someone else:
///
/// - the temporary is created with `O_CREAT|O_EXCL|O_NOFOLLOW` under a random name, so
///   an existing file or link at that name is never opened;
/// - the rename replaces a symbolic link at the target itself, never the file it points
///   to, and the result is always a regular file;
/// - a target that is a directory, a device, a FIFO or a socket (or a link to one) is
///   refused: those are not files graddiff replaces.
///
///     try AtomicFile.write(svgText, to: "loss.svg")
///     try AtomicFile.write(csvText, to: "h.csv", permissions: .ownerOnly)
struct AtomicFile {
    struct Failure: Error {
        enum Kind {
            /// The target exists and the caller asked not to replace it.
            case exists
            case other
        }

        var message: String
        var kind = Kind.other
    }

    /// The new file's mode bits.
    enum Permissions {
        /// 0666 less the umask, as `touch` or a shell's `>` would make it.
        case standard
        /// 0600 whatever the umask: files that may hold what the user typed.
        case ownerOnly
    }

    /// The temporary file's descriptor: write to it, or hand it to a child process.
    let descriptor: Int32
    /// The file that `commit()` replaces, as the caller named it.
    let path: String
    let temporaryPath: String
    let replacing: Bool

    /// Writes `text` to `path` in one step. With `replacing` false an existing file (or
    /// link) at `path` is an error of kind `.exists`, decided atomically at the rename.
    static func write(_ text: String, to path: String, permissions: Permissions = .standard,
                      replacing: Bool = true) throws(Failure) {
        try write(Array(text.utf8), to: path, permissions: permissions, replacing: replacing)
    }

    static func write(_ bytes: [UInt8], to path: String, permissions: Permissions = .standard,
                      replacing: Bool = true) throws(Failure) {
        let file = try create(for: path, permissions: permissions, replacing: replacing)
        do throws(Failure) {
            try file.write(bytes)
        } catch {
            file.discard()
            throw error
        }
        try file.commit()
    }

    /// Checks that `path` is a name graddiff may write, then creates the temporary file
    /// beside it. The caller writes to `descriptor`, then calls `commit()` or `discard()`.
    static func create(for path: String, permissions: Permissions = .standard,
                       replacing: Bool = true) throws(Failure) -> AtomicFile {
        try checkTarget(path, replacing: replacing)
        let mode: mode_t = permissions == .ownerOnly ? 0o600 : 0o666
        for _ in 0..<100 {
            let temporary = temporaryName(beside: path)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw cannotWrite(path)
            }
            // The umask may have taken bits from 0600, never added any; make it exact.
            if permissions == .ownerOnly { fchmod(descriptor, 0o600) }
            TemporaryFileGuard.guardFile(at: temporary)
            return AtomicFile(descriptor: descriptor, path: path, temporaryPath: temporary, replacing: replacing)
        }
        throw Failure(message: "cannot write '\(path)': no free temporary name beside it")
    }

    /// Writes all of `bytes` at the end of what is written so far.
    func write(_ bytes: [UInt8]) throws(Failure) {
        let failed = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += count
            }
            return false
        }
        if failed { throw Self.cannotWrite(path) }
    }

    /// Flushes the temporary file to disk, closes it and moves it to `path`. On failure
    /// the temporary file is gone and `path` is as it was.
    func commit() throws(Failure) {
        defer { TemporaryFileGuard.release() }
        var failure: Failure?
        while fsync(descriptor) != 0 {
            if errno == EINTR { continue }
            // A file that cannot be flushed (a pipe's /dev/fd, some FUSE mounts) is still written.
            if errno != EINVAL && errno != ENOTSUP { failure = Self.cannotWrite(path) }
            break
        }
        if close(descriptor) != 0 && failure == nil && errno != EINTR { failure = Self.cannotWrite(path) }
        if let failure {
            unlink(temporaryPath)
            throw failure
        }
        do throws(Failure) {
            try moveIntoPlace()
        } catch {
            unlink(temporaryPath)
            throw error
        }
        Self.flushDirectory(of: path)
    }

    /// Closes and removes the temporary file, leaving `path` alone.
    func discard() {
        close(descriptor)
        unlink(temporaryPath)
        TemporaryFileGuard.release()
    }

    /// `rename` replaces whatever is at `path` (a link itself, not its target); `link`
    /// refuses an existing name, which makes "do not replace" atomic.
    private func moveIntoPlace() throws(Failure) {
        if replacing {
            guard rename(temporaryPath, path) == 0 else { throw Self.cannotWrite(path) }
            return
        }
        if link(temporaryPath, path) == 0 {
            unlink(temporaryPath)
            return
        }
        if errno == EEXIST { throw Self.exists(path) }
        // File systems without hard links (FAT, some network mounts): check, then rename.
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, ENOSYS].contains(errno) else { throw Self.cannotWrite(path) }
        var status = stat()
        if lstat(path, &status) == 0 { throw Self.exists(path) }
        guard rename(temporaryPath, path) == 0 else { throw Self.cannotWrite(path) }
    }

    static func cannotWrite(_ path: String) -> Failure {
        Failure(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }

    static func exists(_ path: String) -> Failure {
        Failure(message: "'\(path)' already exists", kind: .exists)
    }
}
