import Testing
@testable import GradDiff

/// The analysis commands (:check, :hessian, :explain, :render, :diff) on the last or a
/// given expression, what a failed one leaves, and kinks under the session's --kink.
@Suite struct ReplAnalysisCommandTests {
    @Test func analysisCommandsTakeTheLastOrAGivenExpression() {
        var repl = session("x = 2")
        #expect(repl.run(":check").messages == ["there is no expression yet"])
        _ = repl.run("x^3")
        #expect(repl.run(":hessian").output == "    x\nx  12\n")
        // A given expression becomes the last one, without its table.
        #expect(repl.run(":hessian x^2").output == "   x\nx  2\n")
        #expect(repl.run(":explain forward").output.contains("n2 = x^2 = 2^2 = 4"))
        #expect(repl.run(":explain forwrd").messages == ["'forwrd' is not a pass"])
        // A failed check is a warning: the session goes on.
        let kink = repl.run(":check abs(x - 2)")
        #expect(!kink.failed)
        #expect(repl.run(":render").messages == [":render needs a file name"])
        #expect(repl.run(":render g.svg").messages == ["cannot draw 'g.svg' here: this session has no picture renderer"])
        _ = repl.run(":clear")
        #expect(repl.run(":diff").messages == ["there is no expression yet"])
    }

    /// A command given an expression that fails leaves the session as it was: a vector
    /// (`:check [x, 2*x]` went on with the expression before it) or a refused render
    /// (whose expression became the last one).
    @Test func aFailedCommandLeavesTheLastExpression() {
        var repl = session("x = 1", "x^3")
        #expect(repl.run(":check [x, 2*x]").messages == ["'[x, 2*x]' is a vector or matrix, which has no single gradient"])
        #expect(repl.run(":hessian [x, 3*x]").failed)
        #expect(repl.run(":render g.svg x*7").failed)
        let diff = repl.run(":diff").output
        #expect(diff.contains("d_x = 3 * x^2"), "\(diff)")
        #expect(repl.definitions.map(\.name) == ["x"])
    }

    /// An expression at a kink warns in a session as on the command line (it was silent).
    @Test func aKinkWarnsInASession() {
        var repl = session("x = 0")
        let reply = repl.run("relu(x)")
        #expect(!reply.failed && reply.messages == ["n1 is evaluated at a kink: relu(x) at x = 0"], "\(reply.messages)")
    }

    /// `--kink` holds for a whole session: the gradient sent through the kink follows it
    /// (and the help names it), and with `error` the expression fails, as the command
    /// line's does; the session is then as it was.
    @Test func aSessionFollowsItsKinkConvention() {
        var repl = session("x = 0")
        repl.kinks = .mean
        let mean = repl.run("relu(x)")
        #expect(mean.output.contains("x     var   x               0       0.5"), "\(mean.output)")
        #expect(mean.diagnostics.first?.diagnostic.help?.hasSuffix("graddiff uses 0.5 (--kink mean)") == true)
        repl.kinks = .error
        let refused = repl.run("y = 1; relu(x) + y")
        #expect(refused.failed && refused.diagnostics.map(\.diagnostic.severity) == [.error], "\(refused.messages)")
        #expect(repl.program.names["y"] == nil)
        #expect(!repl.run("relu(x + 1)").failed)
    }
}
