import Foundation
import Testing
@testable import GradDiff

/// The table's names and constants: every op spelled out, internal ops kept from users,
/// and the constants exact.
struct OpNameTests {
    /// Every op has a name of its own, spelled out: the fallback reflects on the enum,
    /// which cost every table's first run a million instructions (sechSquared had none).
    @Test func everyOpHasAnExplicitName() {
        let names = Op.allCases.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        for op in Op.allCases { #expect(op.name != "op\(op.rawValue)", "\(op) has no name of its own") }
    }

    @Test func internalOpsAreNotUserFunctions() {
        for op in [Op.xlogy, .lessOrEqual, .multiplyOrZero, .sechSquared, .powerDerivative, .logsumexpShift, .expDifference,
                   .logsumexpRest, .logsumexpLog, .atanDerivative, .atanDerivativeProduct, .hypotQuotient] {
            #expect(!op.isUserFunction)
        }
        // sign and step are callable, so that printed derivatives can be pasted back in.
        #expect(Op.function(named: "sign") == .sign)
        #expect(Op.function(named: "step") == .step)
        #expect(Op.function(named: "xlogy") == nil)
        #expect(Op.function(named: "ln") == .log)
        #expect(Op.function(named: "pow") == .power)
        // Every user function is reachable by its spelling, with the arity the table says.
        for (name, op) in Op.userFunctions {
            #expect(Op.function(named: name) == op)
        }
    }

    @Test func constantsAreExact() {
        #expect(Op.constant(named: "pi") == Double.pi)
        #expect(Op.constant(named: "π") == Double.pi)
        #expect(Op.constant(named: "e") == exp(1.0))
    }

    // MARK: Swift's own automatic differentiation as an independent oracle
}
