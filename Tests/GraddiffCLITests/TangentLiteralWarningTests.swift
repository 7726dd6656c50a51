import Foundation
import Testing

/// `--tangent`'s values warn as a binding's literals do: 1e400 becomes inf and 1e-400
/// becomes 0 wherever it is written.
@Suite struct TangentLiteralWarningTests {
    @Test func anOverflowingTangentWarns() throws {
        let result = try GraddiffProcess.run(["--tangent", "x=1e400", "x*y", "x=1", "y=2"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: 1e400 is too large for a double and becomes inf\nhelp: in --tangent x=1e400\n")
    }

    @Test func anUnderflowingTangentWarns() throws {
        let result = try GraddiffProcess.run(["--tangent", "x=1e-400", "x*y", "x=1", "y=2"])
        #expect(result.stderr == "warning: 1e-400 is too small for a double and becomes 0\nhelp: in --tangent x=1e-400\n")
    }

    @Test func anOrdinaryTangentIsQuiet() throws {
        let result = try GraddiffProcess.run(["--tangent", "x=1", "x*y", "x=1", "y=2"])
        #expect(result.stderr == "")
    }
}
