import Foundation
import Testing

/// graddiff uses GNU readline (GPL-3.0-or-later), so it ships under that licence: the
/// LICENSE file holds the GPL version 3 text, and `--version`, the README and the man
/// page say so.
@Suite struct LicenceTests {
    static let root = InstallTests.root

    @Test func versionStatesTheLicence() throws {
        let result = try GraddiffProcess.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.wholeMatch(of: /graddiff [0-9]+\.[0-9]+\.[0-9]+/) != nil, "first line: \(lines.first ?? "")")
        #expect(result.stdout.contains("License GPL-3.0-or-later: GNU GPL version 3 or later <https://www.gnu.org/licenses/gpl-3.0.html>."))
        #expect(result.stdout.contains("There is NO WARRANTY, to the extent permitted by law."))
        #expect(result.stderr.isEmpty)
    }

    @Test func licenseFileIsTheGPLVersion3() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("LICENSE"), encoding: .utf8)
        #expect(text.hasPrefix("                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n"))
        #expect(text.contains("END OF TERMS AND CONDITIONS"))
        // Debian and Ubuntu ship the same text; where it is installed, compare byte for byte.
        let common = "/usr/share/common-licenses/GPL-3"
        if FileManager.default.fileExists(atPath: common) {
            #expect(text == (try String(contentsOfFile: common, encoding: .utf8)), "LICENSE differs from \(common)")
        }
    }

    @Test func readmeAndManPageStateTheLicence() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("## Licence"))
        #expect(readme.contains("GPL-3.0-or-later") && readme.contains("[LICENSE](LICENSE)"))
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        #expect(page.contains(".SH COPYRIGHT"))
        #expect(page.contains("GPL\\-3.0\\-or\\-later"))
    }
}
