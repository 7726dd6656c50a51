/// How a session reads and writes the files of `:load` and `:save`. The engine does no
/// I/O, so the command passes its file system in and tests pass a dictionary.
public protocol ReplFiles {
    /// The bytes of the file at `path`.
    func read(_ path: String) throws(ReplFileError) -> [UInt8]
    /// Writes `text` as the file at `path`; with `replacing` false (`:save`, not
    /// `:save!`) an existing file is an error and stays as it was.
    func write(_ text: String, to path: String, replacing: Bool) throws(ReplFileError)
    /// Draws `evaluation`'s graph into the file at `path` (`:render`), its extension
    /// picking the format; returns warnings about what the drawing leaves out.
    func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic]
}

/// Why a file could not be read or written, said for a person ("cannot open 'a.gd': No
/// such file or directory"), and how to go on if there is a way.
public struct ReplFileError: Error, Sendable {
    public var message: String
    public var help: String?
    /// Whether the write was refused because the file exists (`:save!` would replace it).
    var fileExists = false

    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    /// `write(_:to:replacing: false)` found something at `path`.
    public static func exists(_ path: String) -> ReplFileError {
        var error = ReplFileError("'\(path)' already exists")
        error.fileExists = true
        return error
    }
}

extension ReplFiles {
    /// A session whose files cannot hold pictures (the tests' dictionary) says so.
    public func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic] {
        throw ReplFileError("cannot draw '\(path)' here: this session has no picture renderer")
    }
}
