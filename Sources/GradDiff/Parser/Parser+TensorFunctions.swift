/// The functions of vectors and matrices (`TensorFunction`): reductions, products,
/// the transpose, and the constant makers zeros, ones and randn.
extension Parser {
    mutating func call(_ function: TensorFunction, _ arguments: [Operand], at span: SourceSpan) throws(UserError) -> Operand {
        switch function {
        case .zeros, .ones, .randn:
            return try generator(function, arguments, at: span)
        case .transpose:
            return try transpose(arguments[0], at: span)
        case .dot, .outer:
            return try vectorProduct(function, arguments[0], arguments[1], at: span)
        case .sum where arguments.count == 2:
            return try sum(arguments[0], dimension: arguments[1], at: span)
        default:
            return try reduction(function, arguments[0], at: span)
        }
    }

    /// zeros(n), ones(m, n), randn(m, n): constants whose sizes are whole numbers as
    /// written; randn draws from the program's seeded stream.
    private mutating func generator(_ function: TensorFunction, _ arguments: [Operand], at span: SourceSpan) throws(UserError) -> Operand {
        var sizes: [Int] = []
        for argument in arguments {
            guard argument.tensor < 0, argument.node < 0, argument.literal.rounded() == argument.literal,
                  argument.literal >= 1, argument.literal <= Double(nodeLimit) else {
                if argument.tensor < 0, argument.node < 0, argument.literal.rounded() == argument.literal, argument.literal > 1 {
                    throw error(.sizeTooLarge(Int(Swift.min(argument.literal, 1e18)), limit: nodeLimit), at: argument.span)
                }
                let isSmall = argument.tensor < 0 && argument.node < 0 && argument.literal.rounded() == argument.literal
                throw error(.sizeNotWhole(function.rawValue, source.text(of: argument.span), isSmall: isSmall), at: argument.span)
            }
            sizes.append(Int(argument.literal))
        }
        let shape: TensorShape = sizes.count == 1 ? .vector(sizes[0]) : .matrix(sizes[0], sizes[1])
        let (count, overflow) = sizes[0].multipliedReportingOverflow(by: sizes.count == 2 ? sizes[1] : 1)
        guard !overflow, count <= nodeLimit else {
            throw error(.sizeTooLarge(overflow ? Int.max : count, limit: nodeLimit), at: span)
        }
        let values: [Double]
        switch function {
        case .zeros: values = Array(repeating: 0, count: count)
        case .ones: values = Array(repeating: 1, count: count)
        default: values = context.tensors.random.numbers(count)
        }
        return constant(values, shape: shape, at: span)
    }

    /// dot(a, b) and outer(a, b), of two vectors.
    private mutating func vectorProduct(_ function: TensorFunction, _ a: Operand, _ b: Operand,
                                        at span: SourceSpan) throws(UserError) -> Operand {
        for operand in [a, b] where shape(of: operand).rank != 1 {
            throw error(.needsVectors(function.rawValue, phrase(operand), help: helpForScalar(operand, as: "a vector", otherwise: "for matrices write A @ B")),
                        at: operand.span)
        }
        let (m, n) = (shape(of: a).rows, shape(of: b).rows)
        if function == .dot && m != n {
            throw error(.lengthsDiffer("dot", left: phrase(a), right: phrase(b)), at: a.span, also: [b.span])
        }
        try ensureRoom(for: 2 * m * (function == .dot ? 1 : n), at: span)
        let inputs = [reference(a), reference(b)]
        let (x, y) = (elementIDs(inputs[0]), elementIDs(inputs[1]))
        if function == .dot {
            return lowered(.dot, shape: .scalar, inputs: inputs, at: span) { builder in
                [TensorLowering.dot(x, from: x.startIndex, y, from: y.startIndex, count: m, into: &builder, at: span)]
            }
        }
        return lowered(.outer, shape: .matrix(m, n), inputs: inputs, at: span) { builder in
            TensorLowering.outer(x, y, into: &builder, at: span)
        }
    }

    /// sum(W, 1): the sum of each column (over the rows); sum(W, 2): of each row.
    private mutating func sum(_ matrix: Operand, dimension: Operand, at span: SourceSpan) throws(UserError) -> Operand {
        let form = shape(of: matrix)
        guard form.rank == 2 else { throw error(.dimensionNeedsMatrix(phrase(matrix)), at: matrix.span) }
        guard dimension.tensor < 0, dimension.node < 0, dimension.literal == 1 || dimension.literal == 2 else {
            throw error(.dimensionInvalid, at: dimension.span)
        }
        let axis = Int(dimension.literal)
        try ensureRoom(for: form.count, at: span)
        let input = reference(matrix)
        let elements = elementIDs(input)
        let result: TensorShape = .vector(axis == 1 ? form.columns : form.rows)
        return lowered(.sum(dimension: axis), shape: result, inputs: [input], at: span) { builder in
            TensorLowering.sum(elements, rows: form.rows, columns: form.columns, dimension: axis, into: &builder, at: span)
        }
    }

    /// sum, mean, norm, logsumexp (a scalar) and softmax (the argument's shape), over
    /// every element.
    private mutating func reduction(_ function: TensorFunction, _ argument: Operand, at span: SourceSpan) throws(UserError) -> Operand {
        let form = shape(of: argument)
        guard !form.isScalar else {
            throw error(.needsTensor(function.rawValue, phrase(argument), help: helpForScalar(argument, otherwise: "write [a, b, c] for a vector")),
                        at: argument.span)
        }
        try ensureRoom(for: 5 * form.count + 1, at: span)
        let input = reference(argument)
        let x = elementIDs(input)
        switch function {
        case .softmax:
            return lowered(.softmax, shape: form, inputs: [input], at: span) { TensorLowering.softmax(x, into: &$0, at: span) }
        case .mean:
            return lowered(.mean, shape: .scalar, inputs: [input], at: span) { [TensorLowering.mean(x, into: &$0, at: span)] }
        case .norm:
            return lowered(.norm, shape: .scalar, inputs: [input], at: span) { [TensorLowering.norm(x, into: &$0, at: span)] }
        case .logsumexp:
            return lowered(.logsumexp, shape: .scalar, inputs: [input], at: span) { [TensorLowering.logsumexp(x, into: &$0, at: span)] }
        default:
            return lowered(.sum(dimension: 0), shape: .scalar, inputs: [input], at: span) { builder in
                [TensorLowering.sum(x, from: x.startIndex, count: x.count, into: &builder, at: span)]
            }
        }
    }
}
