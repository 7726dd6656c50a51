/// Elementwise operators and functions, `@`, and the functions of vectors and matrices
/// (`TensorFunction`), checked for shape and lowered onto the tape.
extension Parser {
    /// `op` on each element: equal shapes, or a scalar with a vector or matrix (no other
    /// broadcasting). Numbers only are folded at once, without tape nodes.
    mutating func elementwise(_ op: Op, _ left: Operand, _ right: Operand?, at span: SourceSpan,
                              spelling: String? = nil) throws(UserError) -> Operand {
        let leftShape = shape(of: left)
        var result = leftShape
        if let right {
            let rightShape = shape(of: right)
            if leftShape.isScalar {
                result = rightShape
            } else if !rightShape.isScalar && rightShape != leftShape {
                let operation = spelling ?? Self.spelling(of: op)
                throw error(.shapesDiffer(operation, left: phrase(left), right: phrase(right)), at: left.span, also: [right.span])
            }
        }
        try ensureRoom(for: result.count, at: span)
        if let a = constantNumbers(left), right.map({ constantNumbers($0) != nil }) ?? true {
            let b = right.flatMap(constantNumbers) ?? [0]
            let values = (0..<result.count).map { k in op.value(a[a.count == 1 ? 0 : k], b[b.count == 1 ? 0 : k]) }
            return constant(values, shape: result, at: span)
        }
        let inputs = [reference(left)] + (right.map { [reference($0)] } ?? [])
        let a = elementIDs(inputs[0])
        let b = inputs.count > 1 ? elementIDs(inputs[1]) : nil
        return lowered(.map(op), shape: result, inputs: inputs, at: span) { builder in
            TensorLowering.map(op, a, b, into: &builder, at: span)
        }
    }

    /// How an op is written in a message: `+`, `*`, `max`.
    static func spelling(of op: Op) -> String {
        switch op {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .power: return "^"
        case .negate: return "-"
        default: return op.functionSpelling ?? op.name
        }
    }

    /// `A @ B` on the operand stack's top two: m×k @ k×n is m×n; a matrix times a vector
    /// (a column) is a vector; a vector (a row) times a matrix is a vector; two vectors
    /// give their dot product.
    mutating func matrixProduct(_ operands: inout ValueStack<Operand>, operator span: SourceSpan) throws(UserError) {
        let right = operands.removeLast()
        let left = operands.removeLast()
        let whole = left.span.union(right.span)
        let (a, b) = (shape(of: left), shape(of: right))
        for (operand, shape) in [(left, a), (right, b)] where shape.isScalar {
            throw error(.productOfScalar(shape.phrase(quoted(operand)), help: helpForScalar(operand, otherwise: "multiply by a scalar with '*'")),
                        at: operand.span, also: [span])
        }
        let (m, k) = a.rank == 2 ? (a.rows, a.columns) : (1, a.rows)
        let (rows, n) = b.rank == 2 ? (b.rows, b.columns) : (b.rows, 1)
        guard k == rows else {
            let expression = "\(quoted(left)) @ \(quoted(right))"
            throw error(.productMismatch(left: phrase(left), right: phrase(right), expression: expression, needs: k),
                        at: left.span, also: [right.span])
        }
        let product: TensorShape = a.rank == 2 && b.rank == 2 ? .matrix(m, n) : (a.rank == 1 && b.rank == 1 ? .scalar : .vector(m * n))
        let (count, overflow) = (m * n).multipliedReportingOverflow(by: 2 * k)
        try ensureRoom(for: overflow ? Int.max : count, at: whole)
        let inputs = [reference(left), reference(right)]
        let (x, y) = (elementIDs(inputs[0]), elementIDs(inputs[1]))
        context.builder.reserve(nodes: count)
        operands.append(lowered(.matmul, shape: product, inputs: inputs, at: whole) { builder in
            TensorLowering.matmul(x, rows: m, inner: k, y, columns: n, into: &builder, at: whole)
        })
    }

    /// A call with a vector or matrix argument, or of a tensor function; nil when the
    /// call is a scalar one (every argument a scalar, the callee elementwise).
    mutating func tensorCall(_ callee: Callee, name: String, _ arguments: [Operand],
                             at span: SourceSpan) throws(UserError) -> Operand? {
        switch callee {
        case .tensor(let function):
            return try call(function, arguments, at: span)
        case .builtIn(let op):
            guard arguments.contains(where: { $0.tensor >= 0 }) else { return nil }
            return try elementwise(op, arguments[0], arguments.count > 1 ? arguments[1] : nil, at: span, spelling: name)
        case .user:
            guard arguments.contains(where: { $0.tensor >= 0 }) else { return nil }
            return try elementwiseUserCall(name, arguments, at: span)
        }
    }

    /// A user function on vectors or matrices: applied to each element, the arguments
    /// of one shape (a scalar argument goes with every element).
    private mutating func elementwiseUserCall(_ name: String, _ arguments: [Operand], at span: SourceSpan) throws(UserError) -> Operand {
        if deferredCalls != nil { throw error(.tensorCallInFunctionBody, at: span) }
        guard let index = context.functions.index(of: name) else { preconditionFailure("resolved user functions exist") }
        let tensorArgument = arguments.first(where: { $0.tensor >= 0 })!
        let common = shape(of: tensorArgument)
        for argument in arguments where !shape(of: argument).isScalar && shape(of: argument) != common {
            throw error(.shapesDiffer("call of \(name)", left: phrase(tensorArgument), right: phrase(argument)),
                        at: tensorArgument.span, also: [argument.span])
        }
        let inputs = arguments.map { reference($0) }
        let elements = inputs.map { elementIDs($0) }
        if let existing = context.tensors.existing(.call(name, index), inputs) { return operand(for: existing, at: span) }
        let start = context.builder.tape.count
        var results: [NodeID] = []
        for k in 0..<common.count {
            let scalars = elements.map { $0.count == 1 ? $0[$0.startIndex] : $0[$0.startIndex + k] }
            results.append(try call(.user, name: name, scalars, at: span))
        }
        let id = context.tensors.append(.call(name, index), shape: common, inputs: inputs, elements: results, tapeStart: start,
                                        tapeEnd: context.builder.tape.count, span: span)
        return operand(for: id, at: span)
    }
}
