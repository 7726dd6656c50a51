import Testing
@testable import GradDiff

/// The session's definitions: :vars lists them, :unset forgets one unless a later one
/// is written with it, and :clear forgets them all but keeps the settings.
@Suite struct ReplDefinitionCommandTests {
    @Test func varsListsInputsStepsFunctionsAndWhatHasNoValue() {
        var repl = session("x = 2", "f(a) = a^2", "p = f(x) + w", "x = 5", "q = x * 2")
        #expect(repl.run(":vars").output == """
            inputs
              x = 2
              x#2 = 5
            steps
              p = f(x) + w  (needs w)
              q = x#2 * 2 = 10
            functions
              f(a) = a^2
            no value yet
              w

            """)
        #expect(ReplSession(files: MemoryFiles()).variables().output.hasPrefix("nothing defined yet"))
        // Every version of a function: g still calls the first f (only the latest showed).
        var functions = session("f(a) = a", "g(a) = f(a)*3", "f(a) = a*2")
        #expect(functions.run(":vars").output == "functions\n  f(a) = a  (earlier version)\n  g(a) = f(a)*3\n  f(a) = a*2\n")
    }

    @Test func unsetForgetsEveryVersion() {
        var repl = session("x = 1", "x = 2", "y = 5")
        #expect(repl.run(":unset x").output == "unset x (2 versions)\n")
        #expect(repl.run("x").messages == ["no value for the variable 'x'"])
        #expect(repl.run(":vars").output == "inputs\n  y = 5\n")
        #expect(repl.run("x = 7").output == "x = 7\n")
    }

    @Test func unsetRefusesWhatLaterDefinitionsAreWrittenWith() {
        var repl = session("x = 1", "p = x + 1", "q = p * 2", "f(a) = a + 1", "g(a) = f(a) * 2")
        #expect(repl.run(":unset x").messages == ["cannot unset 'x': p is defined with it"])
        #expect(repl.run(":unset p").messages == ["cannot unset 'p': q is defined with it"])
        #expect(repl.run(":unset f").messages == ["cannot unset 'f': g is defined with it"])
        #expect(repl.run(":unset nope").messages == ["'nope' is not defined"])
        #expect(!repl.run(":unset q").failed)
        #expect(!repl.run(":unset p").failed)
        #expect(repl.program.names["p"] == nil)
    }

    /// randn draws from one stream in order: unsetting an earlier draw would hand its
    /// numbers to a later one (b changed silently); it is refused, as a use is.
    @Test func unsetRefusesWhatWouldRedrawALaterRandn() {
        var repl = session("a = randn(2)", "b = randn(2)", "c = 1")
        #expect(repl.run(":unset a").messages == ["cannot unset 'a': b draws its numbers after it (randn), and would get a's"])
        #expect(!repl.run(":unset c").failed && !repl.run(":unset b").failed && !repl.run(":unset a").failed)
    }

    /// An input named like a constant (`pi = 3`) that a later definition reads: without
    /// it the definition would silently read the constant (y went from 6 to 6.28).
    @Test func unsetRefusesAConstantsRedefinitionInUse() {
        var repl = session("pi = 3", "y = 2*pi", "e = 3", "f(a) = a*e", "z = 1")
        #expect(repl.run(":unset pi").messages == ["cannot unset 'pi': y is defined with it"])
        #expect(repl.run(":unset e").messages == ["cannot unset 'e': f is defined with it"])
        #expect(!repl.run(":unset f").failed && !repl.run(":unset e").failed)
    }

    @Test func clearForgetsDefinitionsButKeepsSettings() {
        var repl = session("x = 1", ":format csv", "f(a) = a")
        #expect(repl.run(":clear").aside == "cleared 2 definitions\n")
        #expect(repl.definitions.isEmpty && repl.program.tape.count == 0)
        #expect(repl.format == .csv)
        #expect(repl.run("f(1)").failed)
    }
}
