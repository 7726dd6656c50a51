/// The catalogue: reading text (characters and numbers) and its syntax.
extension Message {
    static let hexadecimalNumber = Message("hexadecimal numbers are not supported", help: "write the number in decimal")
    static let digitAfterPoint = Message("expected a digit after '.'", help: "write a number such as 0.5")
    static let exponentWithoutDigits = Message("the exponent of this number has no digits", help: "write it as 1e-3 or 2E+10")
    static func numberTooLarge(_ text: String) -> Message { Message("\(text) is too large for a double and becomes inf") }
    static func numberTooSmall(_ text: String) -> Message { Message("\(text) is too small for a double and becomes 0") }
    /// `c#2` typed in an expression: '#' starts a comment there.
    static func versionLabelInExpression(_ label: String, name: String) -> Message {
        Message("'#' starts a comment, so '\(label)' is read as \(name) and the rest of the line is not read",
                help: "\(label) is how a table labels a version: in an expression \(name) is its latest version; "
                    + "put a blank before '#' for a comment")
    }
    static let invalidUTF8 = Message("the input is not valid UTF-8", help: "graddiff reads UTF-8 text")

    /// A character the language has no use for, with what was probably meant.
    static func unexpectedCharacter(_ shown: String, _ scalar: Unicode.Scalar) -> Message {
        let help: String?
        switch scalar {
        case "×", "·", "⋅": help = "write '*' for multiplication"
        case "÷": help = "write '/' for division"
        case "−", "–": help = "write '-' (ASCII hyphen-minus) for subtraction"
        case "{": help = "use '(' and ')' for grouping, '[' and ']' for vectors and matrices"
        case "\0": help = "the input contains a NUL byte"
        case "²", "³", "¹", "⁰", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁺", "⁻": help = "write '^' for a power, such as x^2"
        default: help = nil
        }
        return Message("unexpected character '\(shown)'", help: help)
    }

    /// `x²`: a superscript is not a power in graddiff's syntax.
    static func superscriptPower(_ shown: String, after name: String, exponent: String) -> Message {
        Message("unexpected superscript '\(shown)' after '\(name)'", help: "write \(name)^\(exponent) for a power")
    }
    static let emptyExpression = Message("the expression is empty", help: "write an expression such as (x+y)*z")
    static let commaOutsideCall = Message("',' separates function arguments, but this is not a function call",
                                          help: "remove the ',' or call a function such as max(a, b)")
    /// Two operands side by side (`2x`, `x (y)`): the product was probably meant.
    /// `next` is nil when the second operand opens with '('.
    static func operatorMissing(before token: String, previous: String, next: String?) -> Message {
        func shortened(_ text: String) -> String { text.count <= 12 ? text : String(text.prefix(10)) + "…" }
        return Message("expected an operator before \(token)",
                       help: "to multiply, write '\(shortened(previous))*\(next.map(shortened) ?? "(…)")'")
    }
    static func operandMissing(after text: String, found: String) -> Message {
        Message("expected an expression after '\(text)', found \(found)")
    }
    static func argumentMissing(for function: String, found: String, afterComma: Bool) -> Message {
        Message("expected an argument for \(function), found \(found)", help: afterComma ? "remove the extra ','" : nil)
    }
    static func expressionMissing(found: String) -> Message { Message("expected an expression, found \(found)") }
    static func groupUnclosed(column: Int, found: String) -> Message {
        Message("expected ')' to close the '(' at column \(column), found \(found)", help: "add ')'")
    }
    static func callUnclosed(_ function: String, found: String) -> Message {
        Message("expected ')' to close the call to \(function), found \(found)", help: "add ')'")
    }
    static let unmatchedParenthesis = Message("unmatched ')'", help: "remove it, or add '(' before it")
    static let misplacedEquals = Message("unexpected '='", help: "only a name can be assigned: write name = expression")
    static func unexpectedAfterExpression(_ token: String, isComma: Bool) -> Message {
        Message("unexpected \(token) after the expression",
                help: isComma ? "',' separates function arguments" : "separate statements with ';' or a newline")
    }
    static func arity(_ function: String, wants: Int, given: Int, signature: String) -> Message {
        arity(function, wants: "\(wants) \(wants == 1 ? "argument" : "arguments")", given: given, signature: signature)
    }
    /// `wants` in words: "2 arguments", "1 or 2 arguments".
    static func arity(_ function: String, wants: String, given: Int, signature: String) -> Message {
        Message("\(function) takes \(wants), but \(given) \(given == 1 ? "was" : "were") given", help: "call it as \(signature)")
    }
}
