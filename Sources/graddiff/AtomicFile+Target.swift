#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which names `AtomicFile` writes, and where its temporary files go.
extension AtomicFile {
    /// Refuses a target that is not a file graddiff may replace: a directory, a device,
    /// a FIFO or a socket, or a symbolic link to one (`/dev/stdout`, `/dev/null`), or the
    /// file standard output or error writes to, by any name; a name in a folder that is
    /// not there, or that graddiff may not write in (the new file is made there); and,
    /// without `replacing`, anything already at `path`. A link to a regular file, or to
    /// nothing, is replaced by the new file itself, so its target never changes.
    static func checkTarget(_ path: String, replacing: Bool) throws(Failure) {
        guard !path.isEmpty else { throw Failure(message: "an empty file name names no file") }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { try checkFolder(of: path) }
            else { throw cannotWrite(path) }
            return
        }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw Failure(message: "'\(path)' is a directory") }
        // The file a standard stream writes to (`--history /dev/stdout > out.txt`, or a
        // name of out.txt itself): replacing it would cut the stream off from its file,
        // and replace /dev/stdout, the link, with a file.
        var target = stat()
        if stat(path, &target) == 0, let stream = standardStream(writingTo: target) {
            throw Failure(message: "'\(path)' is \(stream)'s file, which graddiff does not replace")
        }
        if kind == S_IFLNK {
            var target = stat()
            if stat(path, &target) == 0, let what = describeSpecial(target.st_mode & S_IFMT) {
                throw Failure(message: "'\(path)' is a symbolic link to \(what), which graddiff does not replace")
            }
        } else if let what = describeSpecial(kind) {
            throw Failure(message: "'\(path)' is \(what), not a regular file")
        }
        if !replacing { throw exists(path) }
        // The new file is made beside the old one, so the folder must take it.
        try checkFolder(of: path)
    }

    /// The folder a new file named `path` would be made in exists and may be written in.
    private static func checkFolder(of path: String) throws(Failure) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var status = stat()
        guard stat(folder, &status) == 0 else { throw cannotWrite(path) }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            errno = ENOTDIR
            throw cannotWrite(path)
        }
        guard access(folder, W_OK) == 0 else { throw cannotWrite(path) }
    }

    /// Whether two names are one file: the same existing file (by device and inode), or
    /// the same name in the same directory (`a.svg` and `./a.svg`).
    static func namesSameFile(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        var a = stat(), b = stat()
        if stat(first, &a) == 0, stat(second, &b) == 0 { return a.st_dev == b.st_dev && a.st_ino == b.st_ino }
        func resolved(_ path: String) -> String? {
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard let real = realpath(directory, nil) else { return nil }
            defer { free(real) }
            return String(cString: real) + "/" + name
        }
        guard let first = resolved(first), let second = resolved(second) else { return false }
        return first == second
    }

    /// "standard output" or "standard error" when that stream is the file `target`.
    private static func standardStream(writingTo target: stat) -> String? {
        for (descriptor, name) in [(STDOUT_FILENO, "standard output"), (STDERR_FILENO, "standard error")] {
            var stream = stat()
            if fstat(descriptor, &stream) == 0, stream.st_dev == target.st_dev, stream.st_ino == target.st_ino { return name }
        }
        return nil
    }

    /// "a directory", "a device", …; nil for a regular file.
    private static func describeSpecial(_ kind: mode_t) -> String? {
        switch kind {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// `.NAME.graddiff-RANDOM.tmp` in the target's directory: the same file system, so the
    /// rename is atomic; a leading dot hides a file left by a crash; a random part that
    /// no one can guess (O_EXCL makes a guessed one harmless anyway).
    static func temporaryName(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // A short prefix of the name keeps the whole within NAME_MAX (255 bytes).
        let shown = String(String.UnicodeScalarView(name.unicodeScalars.prefix(48)))
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() as UInt64, radix: 36)
        return "\(directory).\(shown).graddiff-\(suffix).tmp"
    }

    /// Makes the rename itself durable; a directory that cannot be synced is no error.
    static func flushDirectory(of path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
