import Foundation
import Testing

/// The files a session at a terminal writes, against planted links and files that are
/// not the user's: the history file (refused unless a regular file of the user's, made
/// 0600, never written through readline's predictable temporary name) and `:save`
/// (never over an existing file or through a link; `:save!` replaces).
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed"))
struct ReplFileTerminalTests {
    /// A 0600 file outside the session's directory, holding its own name.
    func victim(_ name: String = "victim") throws -> (url: URL, remove: () -> Void) {
        let directory = try GraddiffProcess.temporaryDirectory()
        let url = directory.appendingPathComponent(name)
        try "victim \(name)\n".write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return (url, { try? FileManager.default.removeItem(at: directory) })
    }

    /// `text` with every blank and line break taken out: a long message wraps on the
    /// 100-column screen.
    static func flat(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    func fileType(_ url: URL) -> mode_t? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    @Test func aHistoryPathThatIsASymbolicLinkIsNotFollowed() throws {
        let (victim, remove) = try victim()
        defer { remove() }
        let terminal = try TerminalSession { directory in
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("history"), withDestinationURL: victim)
        }
        let warning = Self.flat("warning: the history is not saved: '\(terminal.historyFile.path)' is a symbolic link")
        try terminal.waitUntil("the warning") { Self.flat($0).contains(warning) }
        try terminal.run("x = 1")
        let screen = try terminal.run("x + 1")
        #expect(TerminalSession.squeezed(screen).contains("n2 add x + 1 2 1"), "the session goes on: \(screen)")
        #expect(screen.components(separatedBy: "warning:").count == 2, "warned once: \(screen)")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim victim\n")
        #expect(fileType(terminal.historyFile) == S_IFLNK)
    }

    @Test func aHistoryThatOthersCanReadIsMadePrivateAndRecalled() throws {
        let terminal = try TerminalSession { directory in
            let history = directory.appendingPathComponent("history")
            try "x = 41\n".write(to: history, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: history.path)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: terminal.historyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "tightened when the session starts")
        try terminal.press("Up")
        try terminal.waitUntil("x = 41 recalled") { $0.hasSuffix("graddiff> x = 41") }
        try terminal.press("Enter")
        try terminal.waitFor("x = 41\ngraddiff>")
        try terminal.run("x + 1")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        #expect(try String(contentsOf: terminal.historyFile, encoding: .utf8) == "x = 41\nx + 1\n",
                "the recalled line is the last one already, so it is kept once")
    }

    /// A directory, a FIFO (which an open for writing would wait on forever) and, when
    /// the tests run as root, a file of another user's.
    @Test(arguments: ["directory", "fifo", "other user's"])
    func aHistoryThatIsNotARegularFileOfTheUsersIsRefused(kind: String) throws {
        if kind == "other user's" && geteuid() != 0 { return }
        let terminal = try TerminalSession { directory in
            let path = directory.appendingPathComponent("history").path
            switch kind {
            case "directory": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            case "fifo": #expect(mkfifo(path, 0o600) == 0)
            default:
                try "theirs\n".write(toFile: path, atomically: false, encoding: .utf8)
                #expect(chown(path, 65534, 65534) == 0)
            }
        }
        let reason = kind == "other user's" ? "belongs to another user" : "is not a regular file"
        try terminal.waitUntil("the warning") { Self.flat($0).contains(Self.flat("\(terminal.historyFile.path)' \(reason)")) }
        let screen = try terminal.run("2 * 3")
        #expect(TerminalSession.squeezed(screen).contains("n2 mul 2 * 3 6\ngraddiff>"), "\(screen)")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        if kind == "other user's" {
            #expect(try String(contentsOf: terminal.historyFile, encoding: .utf8) == "theirs\n")
        }
    }

    /// readline trims a history file by writing `FILE-PID.tmp` (opened with O_TRUNC, no
    /// O_EXCL) and renaming it: a link planted there would be written through, and FILE
    /// would become that link. graddiff trims through `AtomicFile` instead.
    @Test func aLinkAtReadlinesTemporaryNameIsNeverWrittenThrough() throws {
        let (victim, remove) = try victim()
        defer { remove() }
        let full = (1...1000).map { "h\($0)\n" }.joined()
        let terminal = try TerminalSession { directory in
            let history = directory.appendingPathComponent("history")
            try full.write(to: history, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: history.path)
        }
        let planted = terminal.historyFile.path + "-\(try terminal.graddiffProcessID()).tmp"
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim.path)
        try terminal.run("x = 1")
        try terminal.press("C-d")
        #expect(try terminal.exitStatus() == 0)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim victim\n")
        #expect(fileType(terminal.historyFile) == S_IFREG)
        let lines = try String(contentsOf: terminal.historyFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.last == "x = 1" && lines.first == "h1", "appended, trimmed only when the file reaches 2000 lines")
    }

    @Test func saveNeverReplacesNorFollowsAndSaveBangReplaces() throws {
        let (victim, remove) = try victim()
        defer { remove() }
        let terminal = try TerminalSession { directory in
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("link.gd"), withDestinationURL: victim)
            try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.gd").path,
                                                       withDestinationPath: directory.appendingPathComponent("ghost").path)
        }
        let directory = terminal.directory
        let saved = directory.appendingPathComponent("s.gd")
        try terminal.run("x = 3")
        try terminal.run("sq(a) = a^2")
        try terminal.run("y = sq(x) + 1")
        try terminal.run(":save \(saved.path)")
        try terminal.waitFor("saved 3 definitions to \(saved.path)")
        #expect(try GraddiffProcess.run(["-q", "-f", saved.path]).stdout == "10\n", "-f runs what :save wrote")

        var screen = try terminal.run(":save \(saved.path)")
        #expect(Self.flat(screen).contains(Self.flat("error: '\(saved.path)' already exists")), "\(screen)")
        #expect(Self.flat(screen).contains(Self.flat("help: write :save! \(saved.path) to replace it")), "\(screen)")
        try terminal.run("x = 4")
        screen = try terminal.run(":save! \(saved.path)")
        #expect(Self.flat(screen).contains(Self.flat("saved 4 definitions to \(saved.path)")), "\(screen)")
        #expect(try String(contentsOf: saved, encoding: .utf8).hasSuffix("y = sq(x) + 1\nx = 4\n"))

        for name in ["link.gd", "dangling.gd"] {
            screen = try terminal.run(":save \(directory.appendingPathComponent(name).path)")
            #expect(Self.flat(screen).contains(Self.flat("'\(directory.appendingPathComponent(name).path)' already exists")), "\(screen)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ghost").path))
        screen = try terminal.run(":save! \(directory.appendingPathComponent("link.gd").path)")
        #expect(Self.flat(screen).contains("saved4definitions"), "\(screen)")
        #expect(fileType(directory.appendingPathComponent("link.gd")) == S_IFREG, "the link is replaced")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim victim\n", "its target is not")

        // :save! completes file names, as :save does ('/' does not end the word).
        try terminal.type(":save! \(directory.path)/s.")
        try terminal.press("Tab")
        try terminal.waitUntil("s.gd completed") { $0.hasSuffix("/s.gd") }
    }
}
