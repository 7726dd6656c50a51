/// The catalogue: vectors and matrices, their shapes, literals, indices and bindings.
/// Every shape is known before a number is computed, so these are all parse-time errors
/// (exit status 65) with both shapes named.
extension Message {
    /// `left` and `right` say what each operand is (`a is 3×2`, `b has 2 elements`).
    static func shapesDiffer(_ operation: String, left: String, right: String) -> Message {
        Message("\(left) but \(right): elementwise \(operation) needs equal shapes",
                help: "graddiff does not broadcast: only a scalar goes with every element of a vector or matrix")
    }
    /// `W is 2×3 but x has 2 elements: W @ x needs 3`.
    static func productMismatch(left: String, right: String, expression: String, needs: Int) -> Message {
        Message("\(left) but \(right): \(expression) needs \(needs)",
                help: "A @ B needs as many columns in A as B has rows (a vector on the right is a column, on the left a row)")
    }
    static func productOfScalar(_ what: String, help: String = "multiply by a scalar with '*'") -> Message {
        Message("@ multiplies vectors and matrices, but \(what)", help: help)
    }
    static func needsTensor(_ function: String, _ what: String, help: String = "write [a, b, c] for a vector") -> Message {
        Message("\(function) takes a vector or matrix, but \(what)", help: help)
    }
    static func needsVectors(_ function: String, _ what: String, help: String = "for matrices write A @ B") -> Message {
        Message("\(function) takes two vectors, but \(what)", help: help)
    }
    static func lengthsDiffer(_ function: String, left: String, right: String) -> Message {
        Message("\(left) but \(right): \(function) needs vectors of one length")
    }
    static func dimensionNeedsMatrix(_ what: String) -> Message {
        Message("sum(A, 1) and sum(A, 2) sum a matrix over its rows or columns, but \(what)",
                help: "write sum(v) for the sum of a vector")
    }
    static let dimensionInvalid = Message("the dimension must be 1 (sum over the rows: one sum per column) or 2 (over the columns: one sum per row)")
    static let emptyLiteral = Message("a vector needs at least one element", help: "write [1, 2, 3]; zeros(n) makes n zeros")
    static func raggedLiteral(row: Int, count: Int, firstCount: Int) -> Message {
        Message("row \(row) has \(count) element\(count == 1 ? "" : "s") but row 1 has \(firstCount): a matrix's rows need one length")
    }
    static func literalMixesRanks(element: Int) -> Message {
        Message("element \(element) is a scalar, but the first element is a vector: a matrix is written by rows, [[1, 2], [3, 4]]")
    }
    static func literalRowNotVector(element: Int) -> Message {
        Message("element \(element) is a vector, but the first element is a scalar",
                help: "a vector's elements are scalars; a matrix is written by rows, [[1, 2], [3, 4]]")
    }
    static let literalTooDeep = Message("graddiff has vectors and matrices only: a literal of matrices would have three dimensions")
    static func notIndexable(_ what: String) -> Message {
        Message("\(what), which has no elements to index", help: "index a vector as v[i] and a matrix as W[i, j]")
    }
    static func indexCount(_ what: String, usage: String) -> Message {
        Message("\(what): index it as \(usage)")
    }
    static func indexNotWhole(_ text: String) -> Message {
        Message("the index \(text) is not a whole number written as a number",
                help: "indices are fixed before anything is computed, and count from 1: v[1] is the first element")
    }
    static func indexOutOfRange(_ index: Int, what: String, range: String) -> Message {
        Message("index \(index) is out of range: \(what)", help: "indices count from 1: \(range)")
    }
    static func sizeNotWhole(_ function: String, _ text: String, isSmall: Bool = false) -> Message {
        Message(isSmall ? "the size \(text) of \(function) is less than 1: a vector or matrix has at least one element"
                        : "the size \(text) of \(function) is not a whole number written as a number",
                help: "sizes are fixed before anything is computed: write \(function)(3) or \(function)(2, 3)")
    }
    static func sizeTooLarge(_ count: Int, limit: Int) -> Message {
        Message("\(count) elements is more than the limit of \(limit) nodes", help: "raise it with --max-nodes N")
    }
    static func scalarExpected(_ noun: String) -> Message {
        Message("expected a scalar, but this is \(noun)", help: "reduce it to a scalar, such as sum(...), or pick an element, v[1]")
    }
    static func functionBodyTensor(_ name: String, _ noun: String) -> Message {
        Message("the body of \(name) is \(noun); a user function returns a scalar",
                help: "a call on vectors or matrices applies it to each element")
    }
    static func tensorInFunctionBody(_ name: String, _ noun: String) -> Message {
        Message("'\(name)' is \(noun), but a user function works on scalars",
                help: "pass it as an argument: a call on a vector applies the function to each element")
    }
    static let tensorCallInFunctionBody = Message("inside a function's body, a user function takes scalars",
                                                  help: "call it on the vector outside the body")
    static func tensorOutput(_ name: String, _ noun: String) -> Message {
        Message("the output \(name) is \(noun), which has no single gradient",
                help: "make the output a scalar, such as sum(\(name)); graddiff --jacobian prints the derivative of each element")
    }
    /// The help of "no value for the variable 'T'" where T is an exponent: `W^T`.
    static func caretTransposeHelp(_ name: String) -> String {
        "\(name)^T raises \(name) to the power of a variable T; for the transpose write \(name)ᵀ or transpose(\(name))"
    }
    static func severalOutputsWithTensor(_ name: String, _ noun: String) -> Message {
        Message("--output names several steps, but \(name) is \(noun): the Jacobian of several outputs takes scalar steps",
                help: "give it alone, --output \(name) --jacobian, for a row per element; or name its elements' sum")
    }
    /// A binding whose shape is not the declared input's.
    static func bindingShape(_ name: String, declared: String, bound: String) -> Message {
        Message("'\(name)' is \(declared) in the program but bound to \(bound)", help: "bind it with the shape the program declares")
    }
    /// The note under `bindingShape`, at the input's declaration.
    static func declaredShapeHere(_ name: String, _ noun: String) -> Message {
        Message("'\(name)' is \(noun) here")
    }
    static func scalarBoundToTensor(_ name: String, noun: String, example: String) -> Message {
        Message("'\(name)' is \(noun); it needs every element", help: "bind it as \(example), or from a file as \(name)=@FILE.csv")
    }
    static func tensorBoundToScalar(_ name: String, noun: String) -> Message {
        Message("'\(name)' is a scalar in the program but bound to \(noun)", help: "bind it to one number, such as \(name)=1")
    }
    static func tensorValueUsesVariables(_ name: String) -> Message {
        Message("the value of '\(name)' must be numbers or a constant expression", help: "write numbers, such as \(name)=[[1, 2], [3, 4]]")
    }
    /// A table of numbers read for `name=@FILE`.
    static func tableFieldNotANumber(_ field: String, row: Int, column: Int) -> Message {
        Message("'\(field)' in row \(row), column \(column) is not a number", help: "the file holds numbers only, one row per line, no header")
    }
    static func tableFieldHexadecimal(_ field: String, row: Int, column: Int) -> Message {
        Message("'\(field)' in row \(row), column \(column) is hexadecimal, which graddiff does not read", help: "write the number in decimal")
    }
    static func tableFieldEmpty(row: Int, column: Int) -> Message {
        Message("row \(row), column \(column) is empty", help: "write a number in every field; a comma or semicolon separates two numbers")
    }
    static func tableRowLength(row: Int, count: Int, firstCount: Int) -> Message {
        Message("row \(row) has \(count) number\(count == 1 ? "" : "s") but row 1 has \(firstCount): a matrix's rows need one length")
    }
    static func tableEmptyFile(_ name: String) -> Message {
        Message("'\(name)' holds no numbers", help: "write one row of numbers per line, separated by commas or tabs")
    }
    static func bracketUnclosed(column: Int, found: String) -> Message {
        Message("expected ']' to close the '[' at column \(column), found \(found)", help: "add ']'")
    }
    static let bracketOutsideLiteral = Message("unmatched ']'", help: "remove it, or add '[' before it")
}
