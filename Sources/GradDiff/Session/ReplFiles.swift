/// How a session reads and writes the files of `:load` and `:save`. The engine does no
/// I/O, so the command passes its file system in and tests pass a dictionary.
public protocol ReplFiles {
    /// The bytes of the file at `path`.
    func read(_ path: String) throws(ReplFileError) -> [UInt8]
    /// Replaces the file at `path` with `text`.
    func write(_ text: String, to path: String) throws(ReplFileError)
    /// Draws `evaluation`'s graph into the file at `path` (`:render`), its extension
    /// picking the format; returns warnings about what the drawing leaves out.
    func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic]
}

/// Why a file could not be read or written, said for a person ("cannot open 'a.gd': No
/// such file or directory").
public struct ReplFileError: Error, Sendable {
    public var message: String
    public var help: String?

    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }
}
