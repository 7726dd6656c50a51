import Foundation
import Testing

/// `minimize` names what diverged: a finite loss whose gradient is nan or infinite at the
/// starting values (sqrt at 0) is the gradient's fault, not the loss's.
@Suite struct MinimizeDivergenceCauseTests {
    struct StartCase: CustomTestStringConvertible, Sendable {
        let id: String
        let arguments: [String]
        var testDescription: String { id }
    }

    @Test(arguments: [StartCase(id: "sqrt-at-zero", arguments: ["sqrt(x)", "x=0"]),
                      StartCase(id: "norm-of-zeros", arguments: ["norm([x*0, y*0])", "x=1", "y=1"])])
    func aGradientNotFiniteAtTheStartIsNamed(_ start: StartCase) throws {
        let result = try GraddiffProcess.run(["minimize", "-q"] + start.arguments)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("# diverged at step 0: the gradient is not finite;"), "\(result.stdout)")
        #expect(result.stdout.contains("# loss 0\n"))
        #expect(result.stderr == """
            error: the gradient became nan or infinite at step 0; stopped
            help: the loss is finite at the starting values but its gradient is not (as sqrt's at 0): start elsewhere

            """)
    }

    @Test func aLossNotFiniteAtTheStartIsNamed() throws {
        let result = try GraddiffProcess.run(["minimize", "-q", "log(x)", "x=0"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("# diverged at step 0: the loss is not finite;"))
        #expect(result.stderr.contains("error: the loss became nan or infinite at step 0; stopped\nhelp: the starting values give no finite loss: choose others"))
    }
}
