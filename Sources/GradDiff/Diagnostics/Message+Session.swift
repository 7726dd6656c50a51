/// The catalogue: a session's commands (`:help`, `:wrt`, `:load`, ...) and its entries.
extension Message {
    static func unknownCommand(_ word: String, suggestion: String?) -> Message {
        Message("unknown command ':\(word)'", help: suggestion.map { "did you mean ':\($0)'?" } ?? ":help lists the commands")
    }
    static func commandTakesNoArgument(_ command: String, usage: String) -> Message {
        Message(":\(command) takes no argument", help: "write \(usage)")
    }
    static func commandNeedsArgument(_ command: String, what: String, usage: String) -> Message {
        Message(":\(command) needs \(what)", help: "write \(usage)")
    }
    static func noHelpTopic(_ topic: String, suggestion: String?, topics: [String]) -> Message {
        Message("no help on '\(topic)'",
                help: suggestion.map { "did you mean ':help \($0)'?" } ?? "the topics are \(topics.joined(separator: ", "))")
    }
    static func unknownFormat(_ format: String, formats: String) -> Message {
        Message("unknown format '\(format)'", help: "the formats are \(formats)")
    }
    static func precisionOutOfRange(_ text: String) -> Message {
        Message("the precision must be a whole number from 1 to 17, not '\(text)'")
    }
    static func wrtNotAName(_ text: String) -> Message { Message("'\(text)' is not a variable name", help: "write :wrt x,y") }
    static func wrtNotYetAVariable(_ name: String) -> Message {
        Message("'\(name)' is not a variable of the session yet", help: "expressions fail until it is one; :wrt alone prints every node")
    }
    /// `:wrt x` after `x = 5` made `x#2`, on an expression that reads the first `x`.
    static func wrtEarlierVersion(used: String, latest: String, latestName: String, name: Substring) -> Message {
        Message("this expression uses \(used), not \(latest): its gradient with respect to \(latestName) is 0",
                help: "a step keeps the \(name) it was defined with; define it again to use the new \(name)")
    }
    /// `:explain`, `:diff`, ... before any expression was typed; `usage` is the command's.
    static func noExpressionYet(_ usage: String) -> Message {
        Message("there is no expression yet", help: "type one first, such as (x + 1)^2, or give it: \(usage)")
    }
    /// `:explain` in the json format: its text would break the JSON Lines (or CSV) stream.
    /// Formats by name: diagnostics sit below the output formats.
    static func commandCannotPrint(_ usage: String, in format: String, formats: [String]) -> Message {
        let name = usage.prefix { $0 != " " }
        return Message("\(name) cannot be written in the \(format) format",
                       help: "switch with :format \(formats.joined(separator: " or :format ")), then run \(name) again")
    }
    static func unknownPass(_ word: String, suggestion: String) -> Message {
        Message("'\(word)' is not a pass", help: "did you mean '\(suggestion)'? the passes are backward, forward and both")
    }
    static func hessianTooLarge(_ count: Int, limit: Int) -> Message {
        Message("the Hessian of \(count) variables has \(count * count) entries, more than the limit of \(limit)",
                help: "name the variables you need with :wrt, or raise the limit with --max-nodes N")
    }
    static func checkFailed(_ names: [String], tolerance: Double) -> Message {
        Message("the gradient check failed for \(NameList.plain(names)): relative error above \(NumberFormat.shortest(tolerance))")
    }
    /// `:wrt x` with `:format csv`: the table lists every node, so :wrt would be ignored.
    static func wrtIgnoredByFormat(_ format: String) -> Message {
        Message(":wrt cannot be combined with the \(format) format, which lists every node",
                help: "use :format table or :format json with :wrt, or :wrt alone for every node")
    }
    static func wrtWithoutValue(_ name: String) -> Message {
        Message(":wrt names '\(name)', which has no value yet", help: "give it one first, such as: \(name) = 1; or change it with :wrt")
    }
    static func wrtNotSessionVariable(_ name: String, suggestion: String?) -> Message {
        Message(":wrt names '\(name)', which is not a variable of the session",
                help: didYouMean(suggestion, " (change it with :wrt)") ?? "change it with :wrt, or :wrt alone for every node")
    }
    static func unsetUndefined(_ name: String, isFree: Bool, suggestion: String?) -> Message {
        Message(isFree ? "'\(name)' has no value to unset" : "'\(name)' is not defined",
                help: didYouMean(suggestion) ?? ":vars lists the definitions")
    }
    static func unsetInUse(_ name: String, by user: String) -> Message {
        Message("cannot unset '\(name)': \(user) is defined with it", help: "unset \(user) first")
    }
    static func unsetRedraws(_ name: String, by user: String) -> Message {
        Message("cannot unset '\(name)': \(user) draws its numbers after it (randn), and would get \(name)'s",
                help: "unset \(user) first")
    }
    static func commandNeedsExpression(_ command: String, _ given: String, defines names: [String]) -> Message {
        let listed = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return Message("\(command) needs an expression, and '\(given)' only defines \(listed)",
                       help: "make definitions on a line of their own, then give an expression after \(command)")
    }
    /// A vector- or matrix-valued expression (`noun`: `a 2-element vector`) typed in a
    /// csv, tsv or dot session, whose rows and graph are a scalar's nodes and gradients.
    static func tensorCannotPrint(_ noun: String, _ expression: String, in format: String) -> Message {
        Message("'\(expression)' is \(noun), which cannot be written in the \(format) format",
                help: "give a scalar, such as sum(\(expression)), or switch with :format table or :format json, then type it again")
    }
    static func commandNeedsScalar(_ expression: String) -> Message {
        Message("'\(expression)' is a vector or matrix, which has no single gradient",
                help: "give a scalar, such as sum(\(expression))")
    }
}
