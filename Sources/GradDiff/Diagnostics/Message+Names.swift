/// The catalogue: names, bindings, functions and what they may mean.
extension Message {
    static func useFunctionWithParentheses(_ name: String) -> Message {
        Message("'\(name)' is a function; call it with parentheses", help: "write \(name)(…)")
    }
    static func notDefinedHere(_ name: String, suggestion: String?) -> Message {
        Message("'\(name)' is not defined here",
                help: didYouMean(suggestion) ?? "only numbers, constants and functions may appear here")
    }
    static func recursion(_ name: String) -> Message {
        Message("\(name) calls itself; recursive functions are not supported",
                help: "graddiff inlines every call, so a function may only call functions defined before it")
    }
    static func unknownFunction(_ name: String, suggestion: String?) -> Message {
        Message("unknown function '\(name)'",
                help: didYouMean(suggestion) ?? "to multiply, write '\(name)*(…)'; `graddiff --help` lists the functions")
    }
    static func builtInFunctionRedefined(_ name: String) -> Message {
        Message("'\(name)' is a built-in function and cannot be redefined", help: "use another name")
    }
    static func constantShadowed(_ name: String) -> Message {
        Message("'\(name)' shadows the built-in constant \(name); later statements mean this definition",
                help: "rename it to keep the constant")
    }
    static func stepNamedLikeFunction(_ name: String) -> Message {
        Message("'\(name)' is already a function", help: "use another name for the step")
    }
    static func assignmentWithoutExpression(_ name: String) -> Message {
        Message("expected an expression after '\(name) ='", help: "write \(name) = expression")
    }
    static func functionNamedLikeStep(_ name: String) -> Message {
        Message("'\(name)' is already a step or input", help: "use another name for the function")
    }
    static func builtInFunctionAsParameter(_ name: String) -> Message {
        Message("'\(name)' is a built-in function and cannot name a parameter", help: "use another name")
    }
    static func parameterShadowsConstant(_ parameter: String, in function: String) -> Message {
        Message("the parameter '\(parameter)' shadows the built-in constant \(parameter) inside \(function)",
                help: "rename it to use the constant in the body")
    }
    static func parameterRepeated(_ name: String) -> Message {
        Message("the parameter '\(name)' appears twice", help: "give each parameter its own name")
    }
    static func functionWithoutBody(_ name: String) -> Message { Message("expected the body of \(name) after '='") }

    static func notABinding(_ argument: String) -> Message {
        Message("'\(argument)' is not a binding", help: "bindings are written name=value, such as x=3")
    }
    static func bindingWithoutName(_ argument: String) -> Message {
        Message("the binding '\(argument)' has no name", help: "write name=value, such as x=3")
    }
    static func invalidVariableName(_ name: String) -> Message {
        Message("'\(name)' is not a valid variable name", help: "names are letters, digits and '_', not starting with a digit")
    }
    static func builtInBound(_ name: String, isConstant: Bool) -> Message {
        Message("'\(name)' is a built-in \(isConstant ? "constant" : "function") and cannot be bound", help: "use another name")
    }
    static func bindingWithoutValue(_ argument: String, name: String) -> Message {
        Message("the binding '\(argument)' has no value", help: "write \(name)=NUMBER, such as \(name)=1")
    }
    /// `x=-2,y=5`: `separated` is the same bindings as separate words.
    static func bindingsJoinedByCommas(_ name: String, separated: String) -> Message {
        Message("unexpected ',' in the value of '\(name)'", help: "separate bindings with spaces, not commas: \(separated)")
    }
    /// `"x=-2 y=5"` quoted as one argument.
    static func bindingsInOneArgument(_ argument: String, separated: String) -> Message {
        Message("'\(argument)' is several bindings in one argument",
                help: "give each binding as a word of its own, without quotes around them all: \(separated)")
    }
    static func unexpectedInValue(_ token: String, of name: String) -> Message {
        Message("unexpected \(token) in the value of '\(name)'")
    }
    static func valueUsesVariables(_ name: String, variables: String) -> Message {
        Message("the value of '\(name)' must be a number or constant expression, but it uses \(variables)",
                help: "write a number such as \(name)=1.5, or an expression of numbers, pi and e")
    }
}
