import Foundation
import Testing

/// A file graddiff is asked to write (`--render`, minimize's `--history` and `--plot`) is
/// checked before the work: one it cannot write is refused with status 74 before the
/// program is read, so nothing is printed and nothing claims it was drawn.
@Suite struct FileTargetCheckTests {
    /// A new file in a folder that is not there, or in a file, is refused before the run:
    /// nothing printed, and no warning that the graph is drawn (`-q --render` printed the
    /// value and said the unused step was drawn, then failed to write). Before the program
    /// is read, too: a program with an error is not what is reported.
    @Test(arguments: [["-q", "--render", "/nonexistent/folder/g.svg", "p = x*2; x^2", "x=1"],
                      ["--render", "/dev/null/g.html", "x^2", "x=1"],
                      ["minimize", "-q", "--history", "/nonexistent/folder/h.csv", "(x-3)^2", "x=0"],
                      ["--render", "/nonexistent/folder/g.svg", "x +* 2"],
                      ["minimize", "--plot", "/nonexistent/folder/p.svg", "x +* 2"]])
    func aFolderThatCannotHoldTheFileIsRefusedFirst(_ arguments: [String]) throws {
        let result = try GraddiffProcess.run(arguments)
        let path = arguments.first { $0.hasPrefix("/") } ?? ""
        let reason = path.hasPrefix("/dev/") ? "Not a directory" : "No such file or directory"
        #expect(result.status == 74 && result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr == "error: cannot write '\(path)': \(reason)\n")
    }

    /// An existing file in a folder graddiff may not write in is refused before the work
    /// too: its new version is made beside it. Run as nobody (the test runs as root on CI,
    /// whom no permission stops), else in a folder made read-only.
    @Test func anExistingFileInAFolderThatCannotBeWrittenIsRefusedFirst() throws {
        let folder = try GraddiffProcess.temporaryDirectory()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let picture = folder.appendingPathComponent("old.svg").path
        let history = folder.appendingPathComponent("old.csv").path
        for file in [picture, history] { try "old\n".write(toFile: file, atomically: false, encoding: .utf8) }
        let asRoot = getuid() == 0
        try #require(chmod(folder.path, asRoot ? 0o755 : 0o555) == 0)
        for arguments in [["-q", "--render", picture, "x^2", "x=3"], ["minimize", "-q", "--history", history, "(x-3)^2", "x=0"]] {
            let result = asRoot
                ? try GraddiffProcess.runExecutable("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups",
                                                                         GraddiffProcess.binary] + arguments)
                : try GraddiffProcess.run(arguments)
            let path = arguments.first { $0.hasPrefix("/") } ?? ""
            #expect(result.status == 74 && result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            #expect(result.stderr == "error: cannot write '\(path)': Permission denied\n", "\(result.stderr)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        }
    }
}
