import Foundation
import Testing

/// Output into a pipe: the same as printed directly, and a reader that closes early
/// ends graddiff quietly with status 0, the files asked for still written.
@Suite struct CommandLinePipeTests {
    @Test func outputIsTheSameThroughAPipe() throws {
        let direct = try GraddiffProcess.run(["(x+y)*z", "x=1", "y=3", "z=-3"])
        let piped = try GraddiffProcess.runExecutable(
            "/bin/sh", ["-c", "\"$0\" '(x+y)*z' x=1 y=3 z=-3 | cat", GraddiffProcess.binary])
        #expect(direct.stdout == piped.stdout)
    }

    @Test func closedStdoutEndsQuietly() throws {
        let result = try GraddiffProcess.runExecutable(
            "/bin/bash", ["-c", "\"$0\" --format csv \"$(printf 'x+%.0s' {1..20000})x\" x=1 | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"",
                          GraddiffProcess.binary])
        #expect(result.stdout == "0\n")
        #expect(result.stderr == "")
    }

    /// --help, --version, `help` and completion scripts, printed into a pipe already
    /// closed, end with 0 too (they died of SIGPIPE, 141).
    @Test func helpIntoAClosedPipeEndsQuietly() throws {
        for arguments in ["--help", "--version", "help diff", "--generate-completion-script bash", "minimize --help"] {
            let result = try GraddiffProcess.runExecutable(
                "/bin/bash", ["-c", "{ sleep 0.2; \"$0\" \(arguments); } | true; echo \"${PIPESTATUS[0]}\"", GraddiffProcess.binary])
            #expect(result.stdout == "0\n", "\(arguments): \(result.stderr)")
        }
    }

    /// A reader that closes standard output early does not cancel the files asked for:
    /// they were silently not written, with status 0.
    @Test func filesAreWrittenAfterTheReaderCloses() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            cd "$1" && { sleep 0.2; "$0" --render g.svg "x*y" x=1 y=2; } | true; echo "${PIPESTATUS[0]}"
            { sleep 0.2; "$0" minimize "(x-3)^2" x=0 -q --steps 5 --history h.csv --plot p.svg; } | true; echo "${PIPESTATUS[0]}"
            ls
            """
        let result = try GraddiffProcess.runExecutable("/bin/bash", ["-c", script, GraddiffProcess.binary, directory.path])
        #expect(result.stdout == "0\n0\ng.svg\nh.csv\np.svg\n", "\(result.stderr)")
    }
}
