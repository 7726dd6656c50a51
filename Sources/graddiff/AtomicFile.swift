#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file through a temporary file in the same directory and a rename,
/// so a reader never sees half a file and a failed write leaves the old one alone.
enum AtomicFile {
    struct Failure: Error {
        var message: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(message: "cannot write '\(path)': \(reason())") }
        var text = text
        let written = text.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let failure = written ? nil : reason()
        if close(descriptor) != 0 || failure != nil {
            let message = failure ?? reason()
            unlink(temporary)
            throw Failure(message: "cannot write '\(path)': \(message)")
        }
        if rename(temporary, path) != 0 {
            let message = reason()
            unlink(temporary)
            throw Failure(message: "cannot write '\(path)': \(message)")
        }
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
