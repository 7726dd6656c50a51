import Foundation
import Testing

/// `make install` into a staging DESTDIR: the installed binary runs, the installed man
/// page renders, the bash completion completes `--format`, and `make uninstall` removes
/// exactly what was installed.
@Suite struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func installsRunsAndUninstalls() throws {
        let stage = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: stage) }
        func make(_ target: String) throws -> GraddiffProcess.Result {
            try GraddiffProcess.runExecutable("/usr/bin/make", [
                "-C", Self.root.path, target, "DESTDIR=\(stage.path)", "PREFIX=/usr",
                "GRADDIFF_BIN=\(GraddiffProcess.binary)"])
        }
        let install = try make("install")
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let prefix = stage.appendingPathComponent("usr")
        let binary = prefix.appendingPathComponent("bin/graddiff").path
        let run = try GraddiffProcess.runExecutable(binary, ["-q", "--wrt", "x", "x^2", "x=3"])
        #expect(run.stdout == "6\n")
        let page = prefix.appendingPathComponent("share/man/man1/graddiff.1").path
        let man = try GraddiffProcess.runExecutable("/usr/bin/man", ["-l", page], environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"])
        #expect(man.status == 0, "\(man.stderr)")
        #expect(man.stdout.contains("EXIT STATUS"))

        let completion = prefix.appendingPathComponent("share/bash-completion/completions/graddiff").path
        let script = "source '\(completion)'; COMP_WORDS=(graddiff --format ''); COMP_CWORD=2; _graddiff graddiff '' --format; echo \"${COMPREPLY[@]}\""
        let completed = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script])
        #expect(completed.stdout == "table json csv tsv markdown dot\n", "\(completed.stderr)")
        for shell in ["share/zsh/site-functions/_graddiff", "share/fish/vendor_completions.d/graddiff.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(shell).path))
        }

        let uninstall = try make("uninstall")
        #expect(uninstall.status == 0)
        let left = FileManager.default.enumerator(atPath: stage.path)?.compactMap { item -> String? in
            let path = stage.appendingPathComponent(item as! String).path
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return isDirectory.boolValue ? nil : path
        } ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
