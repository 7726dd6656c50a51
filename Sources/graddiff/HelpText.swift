import GradDiff

/// The prose of `--help`: examples, the function list (read from the rule table) and
/// the exit statuses (read from `ExitStatus`), laid out for the terminal (`HelpLayout`).
///
/// An example's comment that starts with "prints" is a promise: `DocumentedExampleTests`
/// runs the command and finds that line in its output.
enum HelpText {
    static var discussion: String {
        var help = HelpLayout()
        help.line("Examples:")
        help.examples([
            (#"graddiff "(x+y)*z" x=1 y=3 z=-3"#, nil),
            (#"graddiff -q --wrt x "x^2" x=3"#, "prints 6"),
            (#"graddiff --explain "p = x + y; g = p * z" x=1 y=3 z=-3"#, nil),
            (#"graddiff --render graph.svg "p = x + y; g = p * z" x=1 y=3 z=-3"#, nil),
            (#"graddiff --render page.html "(x+y)*z" x=1 y=3 z=-3"#, "a page that steps in a browser"),
            (#"graddiff diff "x^2*y + sin(x*y)""#, "the derivatives as formulas"),
            (#"graddiff --tangent x=1,y=0 "x*y + y" x=2 y=3"#, "forward mode: a tangent column"),
            (#"graddiff --explain=forward-mode --tangent x=1 "p = x + y; g = p * z" x=1 y=3 z=-3"#, nil),
            (#"graddiff --jacobian --output p,g "p = x + y; g = p * z" x=1 y=3 z=-3"#, nil),
            (#"graddiff --hessian "x^2*y" x=1 y=2"#, nil),
            (#"graddiff --check "abs(x) + sin(y)" x=0 y=1"#, nil),
            (#"graddiff minimize "(x-3)^2" x=0 --lr 0.1"#, "gradient descent: see `graddiff minimize --help`"),
            (#"graddiff --explain "z = W @ x + b; s = sum(sigmoid(z))" 'W=[[1,2],[3,4]]' 'x=[1,-1]' 'b=[0,0]'"#, nil),
            ("graddiff", "a session: type x = 3, then x^2"),
        ])
        help.line()
        help.paragraph("Operators: + - * / ^ (or **, right-associative), unary - and +, parentheses.", hanging: 2)
        help.paragraph("Functions: " + Op.userFunctions.map(\.name).joined(separator: " "), hanging: 2)
        help.paragraph("Constants: pi (or π), e", hanging: 2)
        help.paragraph("""
            Vectors and matrices: [1, 2], [[1, 2], [3, 4]] (by rows), A @ B, Aᵀ, v[i] and W[i, j] (from 1); \
            the functions above apply to each element, and \
            \(TensorFunction.allCases.map(\.rawValue).joined(separator: " ")) take whole ones. \
            Bind them as W='[[1,2],[3,4]]' or W=@weights.csv. See VECTORS AND MATRICES in graddiff(1).
            """)
        help.paragraph(#"An expression starting with '-' must follow '--': `graddiff -- "-x^2" x=2`"#)
        help.line()
        help.paragraph("""
            Files: --render, `minimize --history` and --plot, and a session's :save write a new file \
            beside the target, then rename it into place: a symbolic link there is replaced, never \
            followed. Only a session typed at a terminal writes files; :save keeps an existing file, \
            :save! replaces it. Files read with -f, :load, --data and --batch must be UTF-8 text; one \
            that is not, or that does not :load, is named but never quoted.
            """)
        help.line()
        help.line("Exit status:")
        for status in ExitStatus.allCases {
            help.row(String(status.rawValue), status.meaning, labelWidth: 5)
        }
        help.line()
        help.paragraph("""
            `'graddiff diff --help'` and `'graddiff minimize --help'` describe the subcommands. \
            See graddiff(1) for programs, sessions, output formats and the JSON shape.
            """)
        return help.text
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
