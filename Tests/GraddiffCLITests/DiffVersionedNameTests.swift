import Foundation
import Testing

/// A reassigned variable's later versions (`x#2`) in `graddiff diff`'s output: pasted
/// back, a `#` would start a comment, so the program text names them `x_2` and says so;
/// LaTeX escapes the `#`.
@Suite struct DiffVersionedNameTests {
    static let program = "x = 1; a = x*y; x = 2; a*x"

    @Test func versionedVariablePrintsUnderAPasteableName() throws {
        let result = try GraddiffProcess.run(["diff", Self.program])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            # size: 3 operations
            # x_2 is x#2, version 2 of x (# would start a comment)
            d_x = y * x_2
            d_y = x * x_2
            d_x_2 = x * y

            """)
        let json = try GraddiffProcess.run(["diff", "--format", "json", Self.program])
        #expect(json.stdout == "{\"x\": \"y * x_2\", \"y\": \"x * x_2\", \"x_2\": \"x * y\"}\n")
    }

    @Test func pastedBackTheFormulasKeepTheirValue() throws {
        let formulas = try GraddiffProcess.run(["diff", Self.program])
        let pasted = formulas.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "; ")
        let value = try GraddiffProcess.run(["-q", pasted + "; d_x", "x=1", "y=3", "x_2=2"])
        #expect(value.status == 0, "\(value.stderr)")
        #expect(value.stdout == "6\n")  // d_x = y * x_2
    }

    @Test func aTakenNameGetsAnotherUnderscore() throws {
        let result = try GraddiffProcess.run(["diff", "x_2 = 5; x = 1; x = 3; x * x_2"])
        #expect(result.stdout.contains("# x__2 is x#2"), "\(result.stdout)")
        #expect(result.stdout.contains("d_x__2 = x_2"), "\(result.stdout)")
    }

    @Test func latexEscapesTheVersionMark() throws {
        let result = try GraddiffProcess.run(["diff", "--format", "latex", Self.program])
        #expect(result.stdout.contains("\\mathit{x\\#2}"), "\(result.stdout)")
        #expect(LaTeXValidityTests.problem(in: result.stdout) == nil, "\(result.stdout)")
    }
}
