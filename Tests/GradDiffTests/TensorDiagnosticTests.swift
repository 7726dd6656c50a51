import Testing
@testable import GradDiff

/// A program that must be refused before anything is computed: the message, and the
/// caret line under the source (both operands of a shape error are underlined).
struct TensorErrorCase: Sendable, CustomTestStringConvertible {
    var id: String
    var program: String
    var bindings: [String] = []
    var message: String
    var carets: String
    var testDescription: String { id }
}

let tensorErrorCases: [TensorErrorCase] = [
    TensorErrorCase(id: "size below 1", program: "sum(zeros(0))",
                    message: "the size 0 of zeros is less than 1: a vector or matrix has at least one element",
                    carets: "          ^"),
    TensorErrorCase(id: "sum of three", program: "sum(W, 1, 2)", bindings: ["W=[[1, 2], [3, 4]]"],
                    message: "sum takes 1 or 2 arguments, but 3 were given", carets: "^~~~~~~~~~~~"),
    TensorErrorCase(id: "elementwise shapes differ", program: "a = [1, 2, 3]; b = [[1, 2], [3, 4]]; a + b",
                    message: "a has 3 elements but b is 2×2: elementwise + needs equal shapes",
                    carets: "                                     ^   ^"),
    TensorErrorCase(id: "product sizes differ", program: "W @ x", bindings: ["W=[[1, 2, 3], [4, 5, 6]]", "x=[1, 2]"],
                    message: "W is 2×3 but x has 2 elements: W @ x needs 3",
                    carets: "^   ^"),
    TensorErrorCase(id: "product of matrices", program: "A @ B", bindings: ["A=[[1, 2], [3, 4]]", "B=[[1, 2, 3]]"],
                    message: "A is 2×2 but B is 1×3: A @ B needs 2", carets: "^   ^"),
    TensorErrorCase(id: "ragged literal", program: "W = [[1, 2], [3, 4, 5]]",
                    message: "row 2 has 3 elements but row 1 has 2: a matrix's rows need one length",
                    carets: "     ^~~~~~  ^~~~~~~~~"),
    TensorErrorCase(id: "mixed literal", program: "v = [[1, 2], 3]",
                    message: "element 2 is a scalar, but the first element is a vector: a matrix is written by rows, [[1, 2], [3, 4]]",
                    carets: "     ^~~~~~  ^"),
    TensorErrorCase(id: "three dimensions", program: "[[[1]]]",
                    message: "graddiff has vectors and matrices only: a literal of matrices would have three dimensions",
                    carets: " ^~~~~"),
    TensorErrorCase(id: "empty literal", program: "v = []", message: "a vector needs at least one element", carets: "    ^~"),
    TensorErrorCase(id: "index out of range", program: "v = [1, 2, 3]; v[4] * x",
                    message: "index 4 is out of range: v has 3 elements", carets: "               ^ ^"),
    TensorErrorCase(id: "row out of range", program: "W = [[1, 2], [3, 4]]; W[3, 1]",
                    message: "index 3 is out of range: W is 2×2", carets: "                      ^ ^"),
    TensorErrorCase(id: "index not whole", program: "v = [1, 2]; v[1.5]",
                    message: "the index 1.5 is not a whole number written as a number", carets: "              ^~~"),
    TensorErrorCase(id: "index by a variable", program: "v = [1, 2]; v[i]",
                    message: "the index i is not a whole number written as a number", carets: "              ^"),
    TensorErrorCase(id: "matrix needs two indices", program: "W = [[1, 2], [3, 4]]; W[1]",
                    message: "W is 2×2: index it as W[i, j]", carets: "                      ^~~~"),
    TensorErrorCase(id: "scalar indexed", program: "x[1]", message: "x is a scalar, which has no elements to index",
                    carets: "^"),
    TensorErrorCase(id: "randn size not whole", program: "W = randn(2.5, 3)",
                    message: "the size 2.5 of randn is not a whole number written as a number", carets: "          ^~~"),
    TensorErrorCase(id: "randn size is a name", program: "W = randn(n)",
                    message: "the size n of randn is not a whole number written as a number", carets: "          ^"),
    TensorErrorCase(id: "sum of a scalar", program: "sum(x)", message: "sum takes a vector or matrix, but x is a scalar",
                    carets: "    ^"),
    TensorErrorCase(id: "dot of different lengths", program: "dot(a, b)", bindings: ["a=[1, 2]", "b=[1, 2, 3]"],
                    message: "a has 2 elements but b has 3 elements: dot needs vectors of one length", carets: "    ^  ^"),
    TensorErrorCase(id: "scalar matrix product", program: "2 @ v", bindings: ["v=[1, 2]"],
                    message: "@ multiplies vectors and matrices, but 2 is a scalar", carets: "^ ^"),
    TensorErrorCase(id: "unclosed bracket", program: "v = [1, 2", message: "expected ']' to close the '[' at column 5, found the end of the input",
                    carets: "    ^    ^"),
    TensorErrorCase(id: "bracket closed by parenthesis", program: "(1 + 2]",
                    message: "expected ')' to close the '(' at column 1, found ']'", carets: "^     ^"),
    TensorErrorCase(id: "function body is a vector", program: "f(a) = [a, a]",
                    message: "expected a scalar, but this is a 2-element vector", carets: "       ^~~~~~"),
    TensorErrorCase(id: "function body reads a matrix", program: "W = [[1, 2], [3, 4]]; f(a) = a * W",
                    message: "'W' is a 2×2 matrix, but a user function works on scalars", carets: "                                 ^"),
    TensorErrorCase(id: "sum over a dimension of a vector", program: "sum(v, 1)", bindings: ["v=[1, 2]"],
                    message: "sum(A, 1) and sum(A, 2) sum a matrix over its rows or columns, but v has 2 elements",
                    carets: "    ^"),
]

@Suite struct TensorDiagnosticTests {
    @Test(arguments: tensorErrorCases)
    func shapeErrorsNameBothShapesAtParseTime(_ example: TensorErrorCase) throws {
        let bindings = try example.bindings.map { try Binding.parse($0) }
        let errors = userErrors {
            _ = try ProgramParser.parse(SourceText(name: "expression", text: example.program), bindings: bindings)
        }
        let error = try #require(errors.first, "\(example.program) was accepted")
        #expect(error.diagnostic.message == example.message)
        let rendered = DiagnosticRenderer(useColor: false).render(error).split(separator: "\n", omittingEmptySubsequences: false)
        let caretLine = try #require(rendered.first { $0.hasPrefix("   | ") }, "\(rendered)")
        #expect(caretLine.dropFirst(5) == example.carets[...], "\(rendered.joined(separator: "\n"))")
    }

    /// A free name used as a vector is a scalar because nothing binds it as one: the help
    /// says so, and names a binding spelled in another case (it said only "write [a, b, c]").
    @Test func aFreeNameUsedAsAVectorIsToldHowToBindIt() throws {
        func help(_ program: String, _ bindings: [String]) throws -> String? {
            let parsed = try bindings.map { try Binding.parse($0) }
            return userErrors { _ = try ProgramParser.parse(SourceText(name: "expression", text: program), bindings: parsed) }
                .first?.diagnostic.help
        }
        #expect(try help("sum(w)", ["W=[1, 2]"]) == "W=… binds 'W', not 'w' (names are case-sensitive)")
        #expect(try help("sum(W @ x)", []) == "bind W as a vector or matrix, such as W=[1, 2, 3]; or multiply by a scalar with '*'")
        #expect(try help("dot(v, [1, 2])", []) == "bind v as a vector, such as v=[1, 2, 3]; or for matrices write A @ B")
        // Not a free name: the general help.
        #expect(try help("sum(2*x)", []) == "write [a, b, c] for a vector")
        #expect(try help("2 @ v", ["v=[1, 2]"]) == "multiply by a scalar with '*'")
    }

    /// W^T is a power with a variable T: the help points to ᵀ (it suggested binding T).
    @Test func caretTIsToldAboutTheTranspose() throws {
        let bindings = [try Binding.parse("W=[[1, 2], [3, 4]]"), try Binding.parse("x=[1, -1]")]
        let program = try ProgramParser.parse(SourceText(name: "expression", text: "sum(W^T)"), bindings: bindings)
        let errors = userErrors { _ = try Evaluation.run(program, bindings: bindings) }
        #expect(errors.first?.diagnostic.help == "W^T raises W to the power of a variable T; for the transpose write Wᵀ or transpose(W)")
        // A scalar raised to T in a vector program is an ordinary power.
        let mixed = try ProgramParser.parse(SourceText(name: "expression", text: "v = [x, 1]; sum(v) * y^T"), bindings: [])
        let scalarBase = userErrors { _ = try Evaluation.run(mixed, bindings: [try Binding.parse("x=1"), try Binding.parse("y=2")]) }
        #expect(scalarBase.first?.diagnostic.help == "bind it after the expression, such as: T=1")
        // A scalar program's T is an ordinary variable.
        let scalar = userErrors { _ = try evaluate("x^T", "x=2") }
        #expect(scalar.first?.diagnostic.help == "bind it after the expression, such as: T=1")
    }

    @Test func bindingsOfTheWrongShapeAreRefused() throws {
        func messages(_ program: String, _ bindings: [String]) throws -> [String] {
            let parsed = try bindings.map { try Binding.parse($0) }
            return userErrors {
                _ = try Evaluation.run(ProgramParser.parse(SourceText(name: "expression", text: program), bindings: parsed),
                                       bindings: parsed)
            }.map(\.diagnostic.message)
        }
        #expect(try messages("W = [[1, 2]]; sum(W)", ["W=[1, 2, 3]"])
                == ["'W' is a 1×2 matrix in the program but bound to a 3-element vector", "'W' is a 1×2 matrix here"])
        #expect(try messages("W = [[1, 2]]; sum(W)", ["W=3"]) == ["'W' is a 1×2 matrix; it needs every element"])
        #expect(try messages("w = 1; w * 2", ["w=[1, 2]"]) == ["'w' is a scalar in the program but bound to a 2-element vector"])
        #expect(try messages("sum(W @ x)", ["x=[1, 2]"]).first?.hasPrefix("@ multiplies vectors and matrices") == true)
    }

    @Test func missingInputsAreNamedOnceWithAnExample() throws {
        let program = try ProgramParser.parse(SourceText(name: "expression", text: "sum(W @ x)"),
                                              bindings: [try Binding.parse("W=[[1, 2], [3, 4]]"), try Binding.parse("x=[1, 2]")])
        let errors = userErrors { _ = try Evaluation.run(program, bindings: [try Binding.parse("W=[[1, 2], [3, 4]]")]) }
        #expect(errors.map(\.diagnostic.message) == ["no value for the variable 'x'"])
        #expect(errors.first?.diagnostic.help == "bind it after the expression, such as: x=[0, 0]")
    }

    @Test func aVectorOutputHasNoSingleGradient() throws {
        let errors = userErrors { _ = try evaluateTensors("z = W @ x", ["W=[[1, 2], [3, 4]]", "x=[1, 2]"]) }
        #expect(errors.map(\.diagnostic.message) == ["the output z is a 2-element vector, which has no single gradient"])
        #expect(errors.first?.diagnostic.help == "make the output a scalar, such as sum(z); graddiff --jacobian prints the derivative of each element")
    }

    @Test func hugeShapesAreRefusedBeforeAnyNodeIsMade() throws {
        let errors = userErrors { _ = try evaluateTensors("sum(zeros(100000, 100000))") }
        #expect(errors.first?.diagnostic.message.contains("more than the limit") == true)
        let product = userErrors {
            _ = try ProgramParser.parse(SourceText(name: "expression", text: "A = ones(20, 20); sum(A @ A)"), nodeLimit: 1000)
        }
        #expect(product.first?.diagnostic.message == "the graph has more than 1000 nodes, the limit")
    }
}
