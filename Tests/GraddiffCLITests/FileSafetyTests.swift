import Foundation
import Testing

/// Files graddiff writes and reads, against someone who plants symbolic links where it
/// will write, and against files that must not be echoed: every write goes through a
/// temporary file that no planted link can redirect, a link at the target is replaced
/// (its target never changes), and a file that is not a graddiff program is named, not
/// quoted. Terminal-only cases (the history file, `:save`) are in ReplFileTerminalTests.
@Suite struct FileSafetyTests {
    /// A directory for graddiff to write in, and victims outside it: files of the user's
    /// that a planted link points at.
    struct Scene {
        let work: URL
        let victims: URL

        init() throws {
            let root = try GraddiffProcess.temporaryDirectory()
            work = root.appendingPathComponent("work")
            victims = root.appendingPathComponent("victims")
            for directory in [work, victims] {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
        }

        /// A 0600 file holding its own name.
        func victim(_ name: String) throws -> URL {
            let url = victims.appendingPathComponent(name)
            try "victim \(name)\n".write(to: url, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            return url
        }

        /// Runs `script` with sh in `work`, where `$@` is the graddiff binary and
        /// `arguments`: the script plants links at names that use `$$`, graddiff's PID
        /// once the script ends with `exec "$@"`.
        func run(_ script: String, _ arguments: [String], input: String? = nil,
                 environment: [String: String] = [:]) throws -> GraddiffProcess.Result {
            try GraddiffProcess.runExecutable("/bin/sh", ["-c", "cd \"$WORK\" && \(script)", "sh", GraddiffProcess.binary] + arguments,
                                              input: input.map { Data($0.utf8) },
                                              environment: environment.merging(["WORK": work.path, "VICTIMS": victims.path]) { $1 })
        }

        func expectUntouched(_ victims: [URL], sourceLocation: SourceLocation = #_sourceLocation) {
            for victim in victims {
                let text = try? String(contentsOf: victim, encoding: .utf8)
                #expect(text == "victim \(victim.lastPathComponent)\n", "a planted link redirected a write into \(victim.lastPathComponent)",
                        sourceLocation: sourceLocation)
            }
        }

        /// The file type (S_IFREG, S_IFLNK, …) and permission bits of `name` in `work`,
        /// of the link itself if it is one.
        func kind(_ name: String) -> (type: mode_t, mode: mode_t)? {
            var status = stat()
            guard lstat(work.appendingPathComponent(name).path, &status) == 0 else { return nil }
            return (status.st_mode & S_IFMT, status.st_mode & 0o7777)
        }

        func names() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: work.path))
        }

        func remove() {
            try? FileManager.default.removeItem(at: work.deletingLastPathComponent())
        }
    }

    @Test func minimizeFilesReplaceAPlantedLinkAndIgnoreLinksAtOldTemporaryNames() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let victims = try ["at-history", "history-tmp", "plot-tmp", "plot-dot-tmp"].map(scene.victim)
        // The target itself, the names 0.1 used for its temporary files (F.tmp-PID) and
        // the name --render used (.F.PID.tmp), and a dangling link at the plot.
        let result = try scene.run("""
            umask 022
            ln -s "$VICTIMS/at-history" h.csv
            ln -s "$VICTIMS/history-tmp" "h.csv.tmp-$$"
            ln -s "$VICTIMS/plot-tmp" "p.svg.tmp-$$"
            ln -s "$VICTIMS/plot-dot-tmp" ".p.svg.$$.tmp"
            ln -s "$VICTIMS/ghost" p.svg
            exec "$@"
            """, ["minimize", "(x-3)^2", "x=0", "--steps", "3", "-q", "--history", "h.csv", "--plot", "p.svg"])
        #expect(result.status == 0, "\(result.stderr)")
        scene.expectUntouched(victims)
        #expect(!FileManager.default.fileExists(atPath: scene.victims.appendingPathComponent("ghost").path),
                "a dangling link at the target must not create its target")
        #expect(scene.kind("h.csv")! == (S_IFREG, 0o600), "the history is a new regular file, 0600")
        #expect(scene.kind("p.svg")! == (S_IFREG, 0o644), "the plot is a new regular file, 0666 less the umask")
        #expect(try String(contentsOf: scene.work.appendingPathComponent("h.csv"), encoding: .utf8).hasPrefix("step,loss"))
        #expect(try String(contentsOf: scene.work.appendingPathComponent("p.svg"), encoding: .utf8).contains("<svg"))
        let planted = try scene.names().filter { $0.contains(".tmp") }
        #expect(planted.count == 3, "the planted links stay, and no temporary file is left: \(planted)")
        for name in planted { #expect(scene.kind(name)?.type == S_IFLNK) }
    }

    @Test func renderReplacesAPlantedLinkAndIgnoresLinksAtOldTemporaryNames() throws {
        guard Graphviz.isAvailable() else { return }
        let scene = try Scene()
        defer { scene.remove() }
        let victims = try ["at-target", "dot-tmp", "plain-tmp"].map(scene.victim)
        let result = try scene.run("""
            umask 077
            ln -s "$VICTIMS/at-target" g.svg
            ln -s "$VICTIMS/dot-tmp" ".g.svg.$$.tmp"
            ln -s "$VICTIMS/plain-tmp" "g.svg.tmp-$$"
            exec "$@"
            """, ["-q", "--render", "g.svg", "x*y", "x=1", "y=2"])
        #expect(result.status == 0, "\(result.stderr)")
        scene.expectUntouched(victims)
        #expect(scene.kind("g.svg")! == (S_IFREG, 0o600), "a regular file, 0666 less the umask 077")
        #expect(try String(contentsOf: scene.work.appendingPathComponent("g.svg"), encoding: .utf8).contains("<svg"))
        let others = try scene.names().subtracting(["g.svg"])
        #expect(others.count == 2, "the planted links stay, and no temporary file is left: \(others)")
        for name in others { #expect(scene.kind(name)?.type == S_IFLNK) }
    }

    @Test func aDirectoryADeviceOrAFIFOIsNotAFileToReplace() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let result = try scene.run("""
            mkdir d.csv && mkfifo f.svg && ln -s /dev/null null.svg && exec "$@"
            """, ["minimize", "x^2", "x=1", "--steps", "2", "-q", "--history", "d.csv"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("'d.csv' is a directory"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "refused before the descent, not after it")
        for (target, message) in [("f.svg", "'f.svg' is a FIFO, not a regular file"),
                                  ("null.svg", "'null.svg' is a symbolic link to a device, which graddiff does not replace")] {
            let plotted = try scene.run("exec \"$@\"", ["minimize", "x^2", "x=1", "--steps", "2", "-q", "--plot", target])
            #expect(plotted.status == 74)
            #expect(plotted.stderr.contains(message), "\(plotted.stderr)")
        }
        #expect(scene.kind("f.svg")?.type == S_IFIFO)
        #expect(scene.kind("null.svg")?.type == S_IFLNK)
        #expect(try scene.names() == ["d.csv", "f.svg", "null.svg"])
    }

    /// Standard output's own file, by a link to /proc/self/fd/1 (as /dev/stdout is) or by
    /// its name, is refused: the link was replaced by a file (as root, `--history
    /// /dev/stdout > out.txt` replaced the system's /dev/stdout), and the file itself
    /// would have been cut off from the output still being written to it.
    @Test func standardOutputsFileIsNotReplaced() throws {
        let scene = try Scene()
        defer { scene.remove() }
        for target in ["out-link", "result.txt"] {
            let result = try scene.run("""
                ln -sf /proc/self/fd/1 out-link && exec "$@" > result.txt
                """, ["minimize", "x^2", "x=1", "--steps", "2", "-q", "--history", target])
            #expect(result.status == 74, "\(target): \(result.stderr)")
            #expect(result.stderr.contains("'\(target)' is standard output's file, which graddiff does not replace"), "\(result.stderr)")
            #expect(scene.kind("out-link")?.type == S_IFLNK)
        }
    }

    /// A write that fails half-way (here a 512-byte file size limit): the old file stays
    /// whole and the temporary file is removed.
    @Test func aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        let scene = try Scene()
        defer { scene.remove() }
        try "old plot\n".write(to: scene.work.appendingPathComponent("p.svg"), atomically: false, encoding: .utf8)
        let result = try scene.run("trap '' XFSZ; ulimit -f 1; exec \"$@\"",
                                   ["minimize", "(x-3)^2", "x=0", "--steps", "50", "-q", "--plot", "p.svg"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write 'p.svg': File too large"), "\(result.stderr)")
        #expect(try String(contentsOf: scene.work.appendingPathComponent("p.svg"), encoding: .utf8) == "old plot\n")
        #expect(try scene.names() == ["p.svg"])
    }

    // MARK: - Sessions from a pipe write no files

    @Test func aPipedSessionWritesNoFiles() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let result = try scene.run("exec \"$@\"", ["--format", "csv"], input: "x = 3\n:save s.gd\nx * 2\n")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("<stdin>:2:7: error: a session read from a pipe or a file writes no files: 's.gd' was not written\n"),
                "\(result.stderr)")
        #expect(result.stdout.isEmpty, "the failed :save ends the run")
        let going = try scene.run("exec \"$@\"", ["--format", "csv", "--keep-going"], input: "x = 3\n:save! s.gd\nx * 2\n")
        #expect(going.status == 65)
        #expect(going.stdout.hasSuffix(",mul,x * 2,6,1\n"), "\(going.stdout)")
        #expect(try scene.names().isEmpty)
    }

    // MARK: - Files that are not programs are named, never quoted

    @Test func aLoadedFileThatIsNotAProgramIsNotQuoted() throws {
        let scene = try Scene()
        defer { scene.remove() }
        try "# deploy settings\nexport API_KEY=sk-live-0123456789abcdef\n"
            .write(to: scene.work.appendingPathComponent("settings.env"), atomically: false, encoding: .utf8)
        let result = try scene.run("exec \"$@\"", [], input: "x = 1\n:load settings.env\n")
        #expect(result.status == 65)
        #expect(result.stderr == "settings.env:2:8: error: expected an operator before 'API_KEY'\n",
                "the name, the place and the offending token only: \(result.stderr)")
    }

    @Test func aFileThatIsNotUTF8TextIsNotQuotedAtAll() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let bytes: [UInt8] = Array("x = 1\nAPI_KEY = 12345 ".utf8) + [0xFE, 0x0A] + Array("more = 2\n".utf8)
        try Data(bytes).write(to: scene.work.appendingPathComponent("blob.gd"))
        let loaded = try scene.run("exec \"$@\"", [], input: ":load blob.gd\n")
        let run = try scene.run("exec \"$@\"", ["-f", "blob.gd"])
        for result in [loaded, run] {
            #expect(result.status == 65)
            #expect(result.stderr.contains("'blob.gd' is not UTF-8 text: the byte at line 2, column 17 is not UTF-8"), "\(result.stderr)")
            #expect(!result.stderr.contains("API_KEY") && !result.stderr.contains("12345") && !result.stderr.contains("more"),
                    "\(result.stderr)")
        }
    }

    /// `:load`, `-f`, `minimize --data` and `--batch` of the NUL-separated environment.
    @Test func theEnvironmentFileIsNotEchoed() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let secret = ["GRADDIFF_TEST_SECRET": "hunter2-\(UUID().uuidString)"]
        let loaded = try scene.run("exec \"$@\"", [], input: ":load /proc/self/environ\n", environment: secret)
        let run = try scene.run("exec \"$@\"", ["-f", "/proc/self/environ"], environment: secret)
        let data = try scene.run("exec \"$@\"", ["minimize", "y*w", "--data", "/proc/self/environ", "--steps", "1"], environment: secret)
        let batch = try scene.run("exec \"$@\"", ["x*y", "--batch", "/proc/self/environ"], environment: secret)
        for result in [loaded, run, data, batch] {
            #expect(result.status == 65)
            #expect(result.stderr.contains("'/proc/self/environ' is not a text file: line 1, column"), "\(result.stderr)")
            #expect(!result.stderr.contains("hunter2") && !result.stderr.contains("PATH="), "\(result.stderr)")
        }
    }
}
