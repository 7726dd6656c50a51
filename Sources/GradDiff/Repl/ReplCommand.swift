/// The REPL's commands: one row each, read by `:help`, completion, the "did you mean"
/// of a mistyped command and the man page's INTERACTIVE USE section.
public struct ReplCommand: Sendable {
    public enum Name: String, CaseIterable, Sendable {
        case help, vars, unset, clear, format, precision, wrt, explain, diff, hessian, check, render, load, save, quit
        case saveReplacing = "save!"

        /// The commands that show more of an expression (the last one, or one given).
        var analyzesAnExpression: Bool {
            [.explain, .diff, .hessian, .check, .render].contains(self)
        }

        /// The session formats this command's output can be written in, as the
        /// command-line option it mirrors allows them; nil when it writes nothing
        /// there (`:render` draws into a file). Plain text inside JSON Lines or CSV
        /// would break a reader of the stream.
        var printableFormats: [OutputFormat]? {
            switch self {
            case .explain: [.table, .markdown]
            case .vars: [.table, .markdown, .json]
            case .diff, .hessian, .check: [.table, .json]
            default: nil
            }
        }
    }

    public let name: Name
    /// The arguments as `:help` shows them: `NAME`, `[TOPIC]`.
    public let arguments: String
    /// One line: what the command does.
    public let summary: String

    public static let all: [ReplCommand] = [
        ReplCommand(name: .help, arguments: "[TOPIC]", summary: "list the commands, or explain one command or topic (keys, statements, functions)"),
        ReplCommand(name: .vars, arguments: "", summary: "list the inputs with their values, the steps, the functions and the variables with no value"),
        ReplCommand(name: .unset, arguments: "NAME", summary: "forget the input, step or function NAME, every version of it"),
        ReplCommand(name: .clear, arguments: "", summary: "forget every input, step and function (settings stay)"),
        ReplCommand(name: .format, arguments: "[FORMAT]", summary: "print results as \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"),
        ReplCommand(name: .precision, arguments: "[N]", summary: "significant digits of numbers in tables (1-17), and of :wrt's once set"),
        ReplCommand(name: .wrt, arguments: "[NAMES]", summary: "print only the gradients with respect to NAMES (x,y); no names: every node again"),
        ReplCommand(name: .explain, arguments: "[PASS] [EXPR]",
                    summary: "narrate the backward pass (or forward, or both) of EXPR or the last expression, as --explain"),
        ReplCommand(name: .diff, arguments: "[EXPR]", summary: "the derivatives as formulas, and their values here, as graddiff diff"),
        ReplCommand(name: .hessian, arguments: "[EXPR]", summary: "the second derivatives (of the :wrt variables), as --hessian"),
        ReplCommand(name: .check, arguments: "[EXPR]", summary: "compare each gradient with a central finite difference, as --check"),
        ReplCommand(name: .render, arguments: "FILE [EXPR]",
                    summary: "draw the graph into FILE: .html (a page that steps), .svg, .png or .pdf, as --render (at a terminal only)"),
        ReplCommand(name: .load, arguments: "FILE", summary: "run the statements of a program file in the session"),
        ReplCommand(name: .save, arguments: "FILE", summary: "write the definitions as a program that -f and :load read back (a new FILE; at a terminal only)"),
        ReplCommand(name: .saveReplacing, arguments: "FILE", summary: "like :save, but replace FILE if it exists (a symbolic link there is replaced, not followed)"),
        ReplCommand(name: .quit, arguments: "", summary: "end the session (so does Ctrl-D on an empty line)"),
    ]

    /// `:format [FORMAT]`, as `:help` and the man page show it.
    public var usage: String {
        arguments.isEmpty ? ":\(name.rawValue)" : ":\(name.rawValue) \(arguments)"
    }

    /// The command `word` names: its full name or a prefix (`:q`, `:v`); a prefix of
    /// several commands means the first of them in `:help`'s list (`:h` is `:help`, `:c`
    /// is `:clear`). A '!' form (`:save!`) is never abbreviated: `:sa` is `:save`.
    public static func named(_ word: String) -> ReplCommand? {
        if let exact = all.first(where: { $0.name.rawValue == word }) { return exact }
        return all.first { !word.isEmpty && !$0.name.rawValue.hasSuffix("!") && $0.name.rawValue.hasPrefix(word) }
    }

    /// `:help` with no topic: every command on one line.
    static var overview: String {
        let width = all.map(\.usage.count).max() ?? 0
        var text = "Type statements as in a program file: x = 1 binds an input, p = x + y defines a step,\n"
        text += "f(a, b) = a*b a function; an expression prints its node table. Commands:\n"
        for command in all {
            text += "  " + command.usage.padded(to: width) + "  " + command.summary + "\n"
        }
        text += "EXPR is an expression; without one, the command takes the last expression typed.\n"
        text += "Commands may be shortened (:q, :v; :h is :help). :help keys lists the editing keys.\n"
        return text
    }

    /// Topics of `:help TOPIC` beyond the commands themselves.
    static var topics: [(name: String, text: String)] {
        [("keys", """
            Enter            run the line (an unclosed '(' continues it on the next line)
            Tab              complete a function, constant, input, step or command
            Up, Down         previous and next line of the history
            Ctrl-R           search the history backwards
            Ctrl-C           abandon the line being typed, or interrupt a long computation
            Ctrl-D           end the session (on an empty line)
            Line editing follows readline and ~/.inputrc: set editing-mode vi for vi keys.
            History is kept in $GRADDIFF_HISTORY, else ~/.graddiff_history (the last \(ReplSession.historyLimit) lines).

            """),
         ("statements", """
            x = 1            bind the input x (any constant expression: r = 2*pi)
            p = x + y        define the step p (an expression with variables)
            f(a, b) = a*b    define a function, inlined at each call
            (x + y) * z      print the node table of an expression (only the nodes it needs)
            Assigning a name again makes a new version (x#2) that later lines see; definitions
            made before keep the old one. Separate statements with ';'. '#' starts a comment.

            """),
         ("functions", """
            Functions: \(Op.userFunctions.map(\.name).joined(separator: " "))
            Constants: \(Op.constants.map(\.name).joined(separator: " "))
            Operators: + - * / ^ (or **), unary - and +, parentheses

            """)]
    }

    /// The text of `:help TOPIC`, or nil for an unknown topic.
    static func help(_ topic: String) -> String? {
        let word = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if let command = named(word) {
            return "\(command.usage)\n  \(command.summary)\n"
        }
        return topics.first(where: { $0.name == word })?.text
    }

    /// Every topic `:help` knows, for completion and suggestions.
    static var topicNames: [String] {
        all.map(\.name.rawValue) + topics.map(\.name)
    }
}
