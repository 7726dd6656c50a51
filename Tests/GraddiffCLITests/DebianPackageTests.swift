import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `make deb`, and the package it builds installed into the real system with `dpkg -i`,
/// used as a user would, and removed with `dpkg -r`, leaving nothing behind.
///
/// With GRADDIFF_DEB set, that package is the one tested: `.ci/run` sets it to what
/// `make deb` built from the release binary, so CI builds the release binary once.
/// Otherwise the test packages the binary under test (`make deb GRADDIFF_BIN=...`), which
/// needs no build at all. Runs only as root, and never over an existing /usr/bin/graddiff.
@Suite(.enabled(if: SkipNote.runs("DebianPackageTests", unless: PackageInstallation.obstacle),
                Comment(rawValue: PackageInstallation.obstacle ?? "")))
struct DebianPackageTests {
    static let installedBinary = PackageInstallation.installedBinary

    @Test func buildsInstallsRunsAndRemovesThePackage() throws {
        let lock = try ExclusiveLock(path: "/tmp/graddiff-dpkg-test.lock")
        defer { lock.release() }
        let directory = try GraddiffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let package = try packageUnderTest(in: directory)

        let contents = try run("/usr/bin/dpkg-deb", ["--contents", package]).stdout
        for path in ["usr/bin/graddiff", "usr/share/man/man1/graddiff.1.gz", "usr/share/doc/graddiff/copyright",
                     "usr/share/bash-completion/completions/graddiff", "usr/share/zsh/vendor-completions/_graddiff",
                     "usr/share/fish/vendor_completions.d/graddiff.fish"] {
            #expect(contents.contains(" ./\(path)\n"), "the package lacks /\(path):\n\(contents)")
        }
        let depends = try run("/usr/bin/dpkg-deb", ["--field", package, "Depends"]).stdout
        #expect(depends.contains("libc6") && depends.contains("libreadline"), "Depends: \(depends)")

        let install = try dpkg(["-i", package])
        try #require(install.status == 0, "dpkg -i: \(install.stdout)\(install.stderr)")
        var removed = false
        defer { if !removed { _ = try? dpkg(["-r", "graddiff"]) } }
        let files = try run("/usr/bin/dpkg", ["-L", "graddiff"]).stdout.split(separator: "\n").map(String.init)
        #expect(files.contains(Self.installedBinary))
        try checkInstalled(releaseBuild: ProcessInfo.processInfo.environment["GRADDIFF_DEB"] != nil)

        let remove = try dpkg(["-r", "graddiff"])
        removed = remove.status == 0
        #expect(remove.status == 0, "dpkg -r: \(remove.stdout)\(remove.stderr)")
        let status = try run("/usr/bin/dpkg-query", ["--show", "--showformat", "${db:Status-Status}", "graddiff"])
        #expect(status.status != 0 || status.stdout == "not-installed", "after dpkg -r graddiff is \(status.stdout)")
        for path in files where path != "/." {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            // A directory may stay only where another package owns it too (/usr, /usr/share/man, ...).
            let owned = try run("/usr/bin/dpkg", ["-S", path]).status == 0
            #expect(isDirectory.boolValue && owned, "dpkg -r left \(path) behind")
        }
    }

    /// GRADDIFF_DEB, or a package `make deb` builds from the binary under test.
    private func packageUnderTest(in directory: URL) throws -> String {
        if let given = ProcessInfo.processInfo.environment["GRADDIFF_DEB"] { return given }
        let make = try run("/usr/bin/make", ["-s", "-C", InstallTests.root.path, "deb",
                                             "GRADDIFF_BIN=\(GraddiffProcess.binary)", "DEB_DIR=\(directory.path)"])
        try #require(make.status == 0, "make deb: \(make.stdout)\(make.stderr)")
        let package = make.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(package.hasPrefix(directory.path + "/graddiff_") && package.hasSuffix(".deb"), "make deb printed \(make.stdout)")
        return package
    }

    /// The installed command runs the README's first example, its man page is found by
    /// man, its completions load, and its copyright names the licence.
    private func checkInstalled(releaseBuild: Bool) throws {
        let example = try run(Self.installedBinary, ["(x+y)*z", "x=1", "y=3", "z=-3"])
        #expect(example.status == 0, "\(example.stderr)")
        #expect(example.stdout == Golden.readmeTable)
        if releaseBuild {
            // The runtime is linked in: the package does not need a Swift toolchain.
            let libraries = try run("/usr/bin/ldd", [Self.installedBinary]).stdout
            #expect(!libraries.contains("libswift"), "the packaged binary needs the Swift runtime:\n\(libraries)")
        }
        let manPath = try run("/usr/bin/man", ["-w", "graddiff"])
        #expect(manPath.stdout == "/usr/share/man/man1/graddiff.1.gz\n", "man -w graddiff: \(manPath.stdout)\(manPath.stderr)")
        let page = try run("/usr/bin/man", ["graddiff"], environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"])
        #expect(page.status == 0 && page.stdout.contains("EXIT STATUS"), "man graddiff: \(page.stderr)")
        let bash = try run("/bin/bash", ["-c", "source /usr/share/bash-completion/completions/graddiff && complete -p graddiff"])
        #expect(bash.status == 0 && bash.stdout.hasSuffix(" graddiff\n"), "\(bash.stdout)\(bash.stderr)")
        let copyright = try String(contentsOfFile: "/usr/share/doc/graddiff/copyright", encoding: .utf8)
        #expect(copyright.contains("License: GPL-3+") && copyright.contains("/usr/share/common-licenses/GPL-3"))
    }

    private func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> GraddiffProcess.Result {
        try GraddiffProcess.runExecutable(path, arguments, environment: environment)
    }

    /// dpkg, retried for a minute while another process (apt, say) holds dpkg's lock.
    private func dpkg(_ arguments: [String]) throws -> GraddiffProcess.Result {
        let deadline = Date().addingTimeInterval(60)
        while true {
            let result = try run("/usr/bin/dpkg", arguments)
            guard result.status != 0, result.stderr.contains("lock"), Date() < deadline else { return result }
            Thread.sleep(forTimeInterval: 1)
        }
    }
}

/// Whether this machine may have a package installed and removed by a test.
enum PackageInstallation {
    static let installedBinary = "/usr/bin/graddiff"

    /// Why the test cannot run here, or nil.
    static let obstacle: String? = {
        if getuid() != 0 { return "not root: dpkg -i installs into the real system; run swift test as root, as .ci/run does" }
        for tool in ["/usr/bin/dpkg", "/usr/bin/dpkg-deb", "/usr/bin/dpkg-shlibdeps", "/usr/bin/make"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing: scripts/install-deps installs dpkg-dev and make"
        }
        if FileManager.default.fileExists(atPath: installedBinary) {
            return "\(installedBinary) exists already, and the test would replace it"
        }
        return nil
    }()
}

/// An advisory lock on a file (flock), held until released: two worktrees running the
/// suite at once must not install and remove the one system-wide package together.
final class ExclusiveLock {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
