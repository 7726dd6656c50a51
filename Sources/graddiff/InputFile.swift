#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GradDiff

/// Reading a program file or standard input whole, as bytes.
enum InputFile {
    struct Failure: Error {
        var message: String
        var help: String?
        /// 66 for a file that cannot be read; 65 for one that is not text.
        var status = ExitStatus.noInput
    }

    /// The most bytes graddiff reads of one input (or one line of a table or session):
    /// spans are 32-bit offsets. Reading stops there, so `-f /dev/zero` ends with an
    /// error instead of filling memory.
    static let maximumSize = Int(Int32.max) - 1

    /// The message for an input, or a line of one, longer than `maximumSize`.
    static func tooLarge(_ name: String) -> Failure {
        Failure(message: "\(name) is larger than 2 GiB, which graddiff does not read")
    }

    /// The bytes of `path`, or of standard input for "-".
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw Failure(message: "cannot open '\(path)': \(reason())") }
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw Failure(message: "'\(path)' is a directory, not a file")
            }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let name = path == "-" ? "standard input" : "'\(path)'"
        var bytes: [UInt8] = []
        // A regular file's size is known: read straight into one allocation of it, with
        // no copy (a 10 MB program read through a buffer cost a copy of it, and growing
        // would hold two or three copies at once). Whatever follows (a file that grew,
        // or a pipe) is read in chunks.
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0,
           status.st_size <= maximumSize {
            var failed: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, filled in
                HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
                while filled < buffer.count - 1 {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - 1 - filled)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failed = errno }
                    if count <= 0 { break }
                    filled += count
                }
            }
            if failed != 0 { throw Failure(message: "cannot read \(name): \(reason(failed))") }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read \(name): \(reason())")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > maximumSize { throw tooLarge(name) }
        }
        return bytes
    }

    private static func reason(_ error: Int32 = errno) -> String {
        String(cString: strerror(error))
    }
}
