/// What made a tensor node: the operations of graddiff's vectors and matrices, each
/// lowered onto the scalar tape (`TensorLowering`) and differentiated there by the one
/// scalar rule table; `TensorOp+Rules.swift` states each one's rule at the level of
/// whole vectors and matrices, as the lecture notes write them.
enum TensorOp: Hashable, Sendable {
    /// A vector or matrix of inputs (`W = [[0.1, 0.2]]`, or bound as `W=[[1,2]]`):
    /// its elements are the variables `W[1,1]`, `W[1,2]`, ...
    case input
    /// Numbers only: a literal of numbers, zeros, ones, randn, or arithmetic on them.
    case constant
    /// `[a, b, c]` or `[[a, b], [c, d]]` of expressions.
    case literal
    /// A built-in function or operator applied to each element (`sigmoid(z)`, `a + b`,
    /// `max(a, 0)`); a scalar operand is used with every element.
    case map(Op)
    /// A user function applied to each element (its name, and its index in the
    /// program's library).
    case call(String, Int)
    /// `A @ B`: matrix product; matrix·vector; vector·matrix (the vector a row); the dot
    /// product of two vectors.
    case matmul
    /// `transpose(A)` or `Aᵀ`.
    case transpose
    case dot, outer
    /// The sum of every element, or with `dimension` 1 over the rows (one sum per
    /// column), 2 over the columns (one sum per row).
    case sum(dimension: Int)
    case mean, norm, softmax, logsumexp

    /// The short name in the table's `op` column and in JSON.
    var name: String {
        switch self {
        case .input: return "var"
        case .constant: return "const"
        case .literal: return "literal"
        case .map(let op): return op.name
        case .call: return "call"
        case .matmul: return "matmul"
        case .transpose: return "transpose"
        case .dot: return "dot"
        case .outer: return "outer"
        case .sum: return "sum"
        case .mean: return "mean"
        case .norm: return "norm"
        case .softmax: return "softmax"
        case .logsumexp: return "logsumexp"
        }
    }
}

/// The functions of vectors and matrices a user may call, beside the elementwise ones of
/// the rule table (`Op`). They are names in call position only: `sum = 3` and a user
/// function `dot(a, b) = ...` keep working, and a user function of the same name wins.
public enum TensorFunction: String, CaseIterable, Sendable, BitwiseCopyable {
    case sum, mean, norm, softmax, logsumexp, transpose, dot, outer, zeros, ones, randn

    /// How many arguments it takes.
    var arities: ClosedRange<Int> {
        switch self {
        case .sum, .zeros, .ones, .randn: return 1...2
        case .dot, .outer: return 2...2
        default: return 1...1
        }
    }

    /// How it is called, for `--help`, the man page and arity errors.
    var usage: String {
        switch self {
        case .sum: return "sum(A), sum(W, 1) or sum(W, 2)"
        case .dot: return "dot(a, b)"
        case .outer: return "outer(a, b)"
        case .zeros, .ones, .randn: return "\(rawValue)(n) or \(rawValue)(m, n)"
        default: return "\(rawValue)(A)"
        }
    }

    /// One line on what it computes.
    var summary: String {
        switch self {
        case .sum: return "the sum of every element; sum(W, 1) over the rows, sum(W, 2) over the columns"
        case .mean: return "the mean of every element"
        case .norm: return "the Euclidean norm, sqrt(sum(A^2))"
        case .softmax: return "exp(A - logsumexp(A)): positive, summing to 1"
        case .logsumexp: return "log(sum(exp(A))), computed without overflow"
        case .transpose: return "rows and columns exchanged; also written Aᵀ"
        case .dot: return "the dot product of two vectors of one length"
        case .outer: return "the outer product: outer(a, b)[i, j] = a[i]·b[j]"
        case .zeros: return "a vector or matrix of zeros"
        case .ones: return "a vector or matrix of ones"
        case .randn: return "standard normal numbers, seeded by --seed"
        }
    }

    static func named(_ name: String) -> TensorFunction? {
        TensorFunction(rawValue: name)
    }
}
