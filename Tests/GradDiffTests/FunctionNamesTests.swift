import Testing
@testable import GradDiff

/// `Op.function(named:)` skips names shorter than every function's without building the
/// function table; the length it compares against is written out, so it is checked here.
struct FunctionNamesTests {
    @Test func theShortestLengthIsTheShortestFunctionName() {
        let lengths = Op.userFunctions.map { $0.name.utf8.count }
        #expect(Op.shortestFunctionName == lengths.min())
    }

    @Test func everyFunctionIsFoundByItsName() {
        for (name, op) in Op.userFunctions {
            #expect(Op.function(named: name) == op, "\(name)")
        }
        #expect(Op.function(named: "x") == nil && Op.function(named: "lnx") == nil)
    }
}
