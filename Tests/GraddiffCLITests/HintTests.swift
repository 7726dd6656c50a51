import Foundation
import Testing

/// A new user's usual slips, each answered with the help a person would want: the
/// status and the lines of standard error (`shows`, each the whole line or its end after
/// the diagnostic's place), and what must not be said.
@Suite struct HintTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var shows: [String]
        var never: [String] = []
        /// A command the help suggests, which must then work.
        var fixed: [String]? = nil
        var testDescription: String { "graddiff " + arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        // An unused binding never suggests a name that is already bound.
        Case(arguments: ["x+y", "x=1", "y=2", "z=3"], status: 0,
             shows: ["warning: 'z' is bound but not used", "help: the expression's variables are x, y"], never: ["did you mean"]),
        Case(arguments: ["x+speed", "x=1", "sped=2"], status: 65,
             shows: ["error: no value for the variable 'speed'", "help: sped=2 binds 'sped', not 'speed': write speed=2"],
             fixed: ["x+speed", "x=1", "speed=2"]),
        Case(arguments: ["x", "X=1"], status: 65,
             shows: ["help: X=1 binds 'X', not 'x' (names are case-sensitive): write x=1"], fixed: ["x", "x=1"]),
        Case(arguments: ["-x^2", "x=2"], status: 64,
             shows: ["Error: Unknown option '-x^2'",
                     #"Help: an expression starting with '-' must follow '--', after the options: graddiff -- "-x^2" x=2"#],
             fixed: ["--", "-x^2", "x=2"]),
        Case(arguments: ["--format", "json", "-x*y", "x=2", "y=1"], status: 64,
             shows: [#"Help: an expression starting with '-' must follow '--', after the options: graddiff --format json -- "-x*y" x=2 y=1"#]),
        // "-1" is no option: an expression, which must follow '--'.
        Case(arguments: ["-q", "-1"], status: 64,
             shows: ["Help: an expression starting with '-' must follow '--', after the options: graddiff -q -- -1"],
             fixed: ["-q", "--", "-1"]),
        Case(arguments: ["minimize", "-x^2+x^4", "x=2"], status: 64,
             shows: ["Error: Unknown option '-x^2+x^4'",
                     #"Help: an expression starting with '-' must follow '--', after the options: graddiff minimize -- "-x^2+x^4" x=2"#],
             never: ["Did you mean"]),
        // Nothing to minimize over, and why: no variable at all is not "every variable is a data column".
        Case(arguments: ["minimize", "-q", "3"], status: 65,
             shows: ["error: there are no parameters to minimize over",
                     "help: the program has no variables, so its value is a constant; write one to adjust, such as x in (x - 3)^2"],
             never: ["data column"]),
        // minimize prints no steps, and --output names what it minimizes.
        Case(arguments: ["minimize", "-q", "--steps", "1", "p = x*2; x^2", "x=1"], status: 0,
             shows: ["warning: 'p' is not used by the output",
                     "help: what is minimized does not depend on it; --output NAME minimizes another step"],
             never: ["printed", "differentiates"]),
        // Another command's option is named as theirs: '-q' under diff is no expression
        // to put after '--' (which would differentiate -q, a variable).
        Case(arguments: ["diff", "-q", "x^2"], status: 64,
             shows: ["Error: Unknown option '-q'",
                     "Help: graddiff diff has no option '-q'; graddiff itself and graddiff minimize have it: "
                        + "leave it out, or run one of those instead"],
             never: ["must follow '--'"], fixed: ["diff", "x^2"]),
        Case(arguments: ["minimize", "--hessian", "(x-3)^2", "x=0"], status: 64,
             shows: ["Help: graddiff minimize has no option '--hessian'; graddiff itself has it: leave it out, or run that instead"],
             fixed: ["--hessian", "(x-3)^2", "x=0"]),
        Case(arguments: ["--steps", "3", "(x-3)^2", "x=0"], status: 64,
             shows: ["Help: graddiff itself has no option '--steps'; graddiff minimize has it: leave it out, or run that instead"],
             fixed: ["minimize", "--steps", "3", "(x-3)^2", "x=0"]),
        // Alone, it is still another command's.
        Case(arguments: ["diff", "-q"], status: 64,
             shows: ["Help: graddiff diff has no option '-q'; graddiff itself and graddiff minimize have it: "
                        + "leave it out, or run one of those instead"]),
        // No command's option, and not the expression (x^2 is, or a word after it is no binding).
        Case(arguments: ["diff", "-z", "x^2"], status: 64,
             shows: ["Help: graddiff diff has no option '-z', and it is not the expression: leave it out "
                        + "(graddiff diff --help lists the options)"],
             never: ["must follow '--'"], fixed: ["diff", "x^2"]),
        Case(arguments: ["minimize", "(x-3)^2", "-z", "x=0"], status: 64,
             shows: ["Help: graddiff minimize has no option '-z', and it is not the expression: leave it out "
                        + "(graddiff minimize --help lists the options)"]),
        // Where it could be the expression, '--' as before, under every command.
        Case(arguments: ["diff", "-x^2"], status: 64,
             shows: [#"Help: an expression starting with '-' must follow '--', after the options: graddiff diff -- "-x^2""#],
             fixed: ["diff", "--", "-x^2"]),
        Case(arguments: ["diff", "--order", "2", "-z", "z=1"], status: 64,
             shows: ["Help: an expression starting with '-' must follow '--', after the options: graddiff diff --order 2 -- -z z=1"],
             fixed: ["diff", "--order", "2", "--", "-z", "z=1"]),
        // A suggestion only where it is a plausible typo: not '--tol' for '--foo'.
        Case(arguments: ["--foo", "x"], status: 64, shows: ["Error: Unknown option '--foo'"], never: ["Did you mean"]),
        Case(arguments: ["--precison", "3", "x", "x=1"], status: 64, shows: ["Error: Unknown option '--precison'. Did you mean '--precision'?"]),
        // diff has no --jacobian: the help names the command that has.
        Case(arguments: ["diff", "v = [x, y]"], status: 65,
             shows: ["help: make the output a scalar, such as sum(v); graddiff --jacobian prints the derivative of each element"]),
        Case(arguments: ["x*y*z", "x=-2,y=5,z=-4"], status: 65,
             shows: ["error: unexpected ',' in the value of 'x'", "help: separate bindings with spaces, not commas: x=-2 y=5 z=-4"]),
        Case(arguments: ["x*y*z", "x=-2 y=5 z=-4"], status: 65,
             shows: ["error: 'x=-2 y=5 z=-4' is several bindings in one argument",
                     "help: give each binding as a word of its own, without quotes around them all: x=-2 y=5 z=-4"],
             never: ["to multiply"]),
        // A call's commas are no separators.
        Case(arguments: ["m+a", "m=max(1,2)", "a=hypot(3, 4)"], status: 0, shows: []),
        Case(arguments: ["x*y", "x", "=", "-2", "y", "=", "5"], status: 64,
             shows: ["Help: write each binding as one word, without spaces around '=': x=-2 y=5"]),
        Case(arguments: ["x*y", "x", "=", "2", "y", "=", "5"], status: 65,
             shows: ["bindings:1:3: error: spaces around '=' split a binding into several arguments",
                     "help: write each binding as one word, without spaces around '=': x=2 y=5"]),
        Case(arguments: ["diff", "x*y", "x=", "-2"], status: 64,
             shows: ["Help: write each binding as one word, without spaces around '=': x=-2"]),
        Case(arguments: ["minimize", "(x-3)^2", "x=0", "--lr", "-0.1"], status: 64,
             shows: ["Error: Missing value for '--lr <RATE>'", "Help: attach a value that starts with '-' with '=': --lr=-0.1"]),
        // A count or seed cannot be negative: attaching it with '=' (the hint above) was
        // refused next ("The value '-1' is invalid").
        Case(arguments: ["--seed", "-1", "x", "x=1"], status: 64,
             shows: ["Error: Missing value for '--seed <N>'", "Help: give --seed a whole number that is not negative (see --help)"],
             never: ["--seed=-1"]),
        // A binding alone is the expression, a program that only declares x (standard
        // input is not read): said, with the ways to what was meant.
        Case(arguments: ["x=3"], status: 0,
             shows: ["warning: 'x=3' is read as the expression: a program that only declares x",
                     "help: give the expression first (graddiff EXPRESSION x=3), read it from standard input with -f - x=3, "
                        + "or start a session with -i x=3"]),
        Case(arguments: ["x^2", "x=3"], status: 0, shows: [], never: ["is read as the expression"]),
        // Quoted for the shell where it has blanks; a table binding is one too.
        Case(arguments: ["y = 2*pi"], status: 0,
             shows: ["help: give the expression first (graddiff EXPRESSION \"y = 2*pi\"), read it from standard input with "
                        + "-f - \"y = 2*pi\", or start a session with -i \"y = 2*pi\""]),
        Case(arguments: ["W=@missing.csv"], status: 65, shows: ["warning: 'W=@missing.csv' is read as the expression: a program that only declares W"]),
        Case(arguments: ["x²", "x=2"], status: 65,
             shows: ["expression:1:2: error: unexpected superscript '²' after 'x'", "help: write x^2 for a power"],
             fixed: ["x^2", "x=2"]),
        Case(arguments: ["2*x⁻¹", "x=2"], status: 65, shows: ["help: write x^-1 for a power"]),
        // Subscripts stay part of a name.
        Case(arguments: ["w₁*2", "w₁=3"], status: 0, shows: []),
    ]

    @Test(arguments: cases) func slip(_ test: Case) throws {
        let result = try GraddiffProcess.run(test.arguments)
        #expect(result.status == test.status, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for line in test.shows {
            // A diagnostic's line is "source:line:column: error: ...": its place may precede.
            #expect(lines.contains { $0 == line || $0.hasSuffix(": " + line) }, "missing '\(line)' in:\n\(result.stderr)")
        }
        for text in test.never {
            #expect(!result.stderr.contains(text), "\(result.stderr)")
        }
        if let fixed = test.fixed {
            let again = try GraddiffProcess.run(fixed)
            #expect(again.status == 0, "the suggested graddiff \(fixed.joined(separator: " ")): \(again.stderr)")
        }
    }
}
