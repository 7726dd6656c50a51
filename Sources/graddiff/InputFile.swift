#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var bytes: [UInt8] = []
        // A regular file's size is known: one allocation of it, no copy as it grows
        // (which for a 100 MB program would hold two or three copies at once).
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0,
           status.st_size <= maximumSize {
            bytes.reserveCapacity(Int(status.st_size) + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read '\(path == "-" ? "standard input" : path)': \(reason())")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > maximumSize { throw tooLarge(path == "-" ? "standard input" : "'\(path)'") }
        }
        return bytes
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
