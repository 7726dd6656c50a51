/// How a session reads and writes the files of `:load` and `:save`. The engine does no
/// I/O, so the command passes its file system in and tests pass a dictionary.
public protocol ReplFiles {
    /// The bytes of the file at `path`.
    func read(_ path: String) throws(ReplFileError) -> [UInt8]
    /// Replaces the file at `path` with `text`.
    func write(_ text: String, to path: String) throws(ReplFileError)
}

/// Why a file could not be read or written, said for a person ("cannot open 'a.gd': No
/// such file or directory").
public struct ReplFileError: Error, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
