import Foundation
import Testing

/// What the command line says when something is wrong: diagnostics that explain
/// themselves with a caret at the column, warnings, colour only when asked, and the exit
/// status of each kind (64 usage, 65 data, 66 an unreadable file, 1 under --strict).
@Suite struct CommandLineDiagnosticTests {
    @Test(arguments: [
        (["(x+y", "x=1", "y=2"], "expected ')' to close the '(' at column 1"),
        (["sine(x)", "x=1"], "did you mean 'sin'?"),
        (["min(x)", "x=1"], "min takes 2 arguments, but 1 was given"),
        (["2x", "x=1"], "expected an operator"),
        (["0x10"], "hexadecimal numbers are not supported"),
        (["(x+y)*z", "x=1"], "no values for the variables 'y', 'z'"),
        (["x", "x="], "has no value"),
        (["x", "=3"], "has no name"),
        (["x", "x=abc"], "must be a number or constant expression"),
        (["x", "1x=2"], "is not a valid variable name"),
        (["x", "x=1", "x=2"], "'x' is bound twice"),
        (["x", "pi=3"], "built-in constant"),
        (["x", "foo"], "is not a binding"),
        (["sin = 3; sin"], "built-in function"),
        (["f(a) = f(a) + 1; f(2)"], "calls itself"),
        (["", "x=1"], "the expression is empty"),
    ])
    func errorsExplainThemselves(arguments: [String], message: String) throws {
        let result = try GraddiffProcess.run(arguments)
        #expect(result.status == 65, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("error:"))
    }

    @Test func diagnosticsPointAtTheColumnWithACaret() throws {
        let result = try GraddiffProcess.run(["x + sine(y)", "x=1", "y=2"])
        #expect(result.stderr.hasPrefix("expression:1:5: error: unknown function 'sine'\n"))
        #expect(result.stderr.contains(" 1 | x + sine(y)\n   |     ^~~~\n"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let result = try GraddiffProcess.run(["θ + η + sine(θ)", "θ=1", "η=2"])
        #expect(result.stderr.hasPrefix("expression:1:9: error"), "\(result.stderr)")
    }

    @Test func unusedBindingIsAWarning() throws {
        let result = try GraddiffProcess.run(["x*2", "x=1", "w=3"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: 'w' is bound but not used"))
    }

    @Test func strictTurnsNonFiniteIntoAnError() throws {
        let result = try GraddiffProcess.run(["--strict", "1/x", "x=0"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("error"))
        #expect(result.stderr.contains("inf"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try GraddiffProcess.run(["--no-such-flag", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["--precision", "0", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["--format", "yaml", "x", "x=1"]).status == 64)
        #expect(try GraddiffProcess.run(["-i", "x+1"]).status == 64)
        #expect(try GraddiffProcess.run(["-i", "-f", "prog.gd"]).status == 64)
        #expect(try GraddiffProcess.run(["--keep-going", "x", "x=1"]).status == 64)
    }

    @Test func unreadableFilesHaveTheirOwnStatus() throws {
        let missing = try GraddiffProcess.run(["-f", "/nonexistent/prog.gd"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot open '/nonexistent/prog.gd'"))
        let directory = try GraddiffProcess.run(["-f", "/tmp"])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let piped = try GraddiffProcess.run(["sine(x)", "x=1"])
        #expect(!piped.stderr.contains("\u{1B}["))
        let forced = try GraddiffProcess.run(["--color", "always", "sine(x)", "x=1"])
        #expect(forced.stderr.contains("\u{1B}["))
        let never = try GraddiffProcess.run(["--color", "never", "sine(x)", "x=1"], environment: ["NO_COLOR": "1"])
        #expect(!never.stderr.contains("\u{1B}["))
    }
}
