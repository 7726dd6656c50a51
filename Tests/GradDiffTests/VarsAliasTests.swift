import Testing
@testable import GradDiff

/// `:vars` lists a step that names an input again (`w = x`) as a step: it was listed
/// as an input of its own, `w = 1`, as if w could be set apart from x.
@Suite struct VarsAliasTests {
    @Test func anAliasOfAnInputIsAStep() {
        var repl = session("x = 1", "w = x  # the same input", "p = w * 2", "x = 5")
        #expect(repl.run(":vars").output == """
            inputs
              x = 1
              x#2 = 5
            steps
              w = x = 1
              p = x * 2 = 2

            """)
    }

    /// An alias of a name with no value yet says what it needs, as before.
    @Test func anAliasOfAFreeNameNeedsIt() {
        var repl = session("w = y")
        #expect(repl.run(":vars").output.contains("steps\n  w = y  (needs y)\n"), "\(repl.run(":vars").output)")
    }
}
