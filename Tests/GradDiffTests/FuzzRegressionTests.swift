import Testing
@testable import GradDiff

/// Inputs the fuzzer (Fuzz/) found crashing, kept so the crashes stay fixed.
@Suite struct FuzzRegressionTests {
    /// The hash table grew while appending a node, re-inserting it, and then inserted it a
    /// second time; a constant declaration's `truncate` removed one copy, and a later
    /// lookup met the other, pointing past the end of the tape.
    @Test func growThenTruncateLeavesNoStaleEntry() throws {
        let program = "cc+c+ab+b1+c1+cd+-d;f;4;a+b;da*bb^1+c+c+1+c+(-a);dd;f=e^2;2"
        let parsed = try ProgramParser.parse(SourceText(name: "fuzz", text: program))
        #expect(parsed.output.map { parsed.tape.ops[Int($0)] } == .constant)
        // Every size of program around the table's growth points, for good measure.
        for count in 1...140 {
            let statements = (0..<count).map { "v\($0) + \($0)" } + ["k = e^2", "2 + 3", "k * 2"]
            let program = try ProgramParser.parse(SourceText(name: "grow", text: statements.joined(separator: "; ")))
            #expect(program.tape.count > count)
        }
    }

    /// `:wrt` named a variable with no value (`y = +y` makes the step `y` the free
    /// variable `y`); the next expression looked up that variable's row in a table that
    /// had left it out. Found by the program fuzzer (Fuzz/ProgramFuzzer.swift).
    @Test func wrtNamingAVariableWithNoValueIsAnErrorNotATrap() {
        var repl = ReplSession(files: MemoryFiles())
        _ = repl.run("y = +y")
        _ = repl.run(":wrt y")
        let reply = repl.run("3")
        #expect(reply.failed)
        #expect(reply.messages == [":wrt names 'y', which has no value yet"])
        _ = repl.run("y = 2")
        #expect(repl.run("3").output.hasSuffix(" 0\n") == true)
    }
}
