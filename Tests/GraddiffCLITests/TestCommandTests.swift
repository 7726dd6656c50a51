import Foundation
import Testing

/// The README's test command is the one `.ci/run` and `make test` run, and the
/// `--disable-xctest` in it hides nothing: no test uses XCTest.
@Suite struct TestCommandTests {
    static let command = "swift test --quiet --disable-xctest"

    func text(_ path: String) throws -> String {
        try String(contentsOf: InstallTests.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func readmeCIAndMakefileRunTheSameCommand() throws {
        let readme = try text("README.md").split(separator: "\n")
        #expect(readme.contains { $0.hasPrefix(Self.command + " ") && $0.hasSuffix("# the whole test suite") },
                "the README's test command is not \(Self.command)")
        let ci = try text(".ci/run").split(separator: "\n")
        #expect(ci.last?.hasSuffix(" " + Self.command) == true, ".ci/run ends with \(ci.last ?? "")")
        #expect(try text("Makefile").contains("\ntest:\n\t\(Self.command)\n"))
    }

    @Test func noTestImportsXCTest() throws {
        let tests = InstallTests.root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(atPath: tests.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 10)
        for file in files {
            let source = try String(contentsOf: tests.appendingPathComponent(file), encoding: .utf8)
            let imports = source.split(separator: "\n").filter { $0.contains(#/^\s*(@testable\s+)?import\s+XCTest\b/#) }
            #expect(imports.isEmpty, "Tests/\(file) imports XCTest, which the test command disables: write it with Swift Testing")
        }
    }
}
