/// Literals, indices and transposes: the parts of the tensor language that only
/// arrange elements.
extension Parser {
    /// `[a, b, c]` (a vector of scalars) or `[[a, b], [c, d]]` (a matrix, by rows of one
    /// length). All numbers make a constant; anything else a literal node.
    mutating func literal(_ items: [Operand], at span: SourceSpan) throws(UserError) -> Operand {
        let shapes = items.map(shape(of:))
        let first = shapes[0]
        if first.rank == 2 || shapes.contains(where: { $0.rank == 2 }) {
            let culprit = items[shapes.firstIndex(where: { $0.rank == 2 })!]
            throw error(.literalTooDeep, at: culprit.span)
        }
        for (index, shape) in shapes.enumerated().dropFirst() where shape.rank != first.rank {
            let message: Message = first.rank == 1 ? .literalMixesRanks(element: index + 1) : .literalRowNotVector(element: index + 1)
            throw error(message, at: items[index].span, also: [items[0].span])
        }
        if first.rank == 1, let ragged = shapes.firstIndex(where: { $0.rows != first.rows }) {
            throw error(.raggedLiteral(row: ragged + 1, count: shapes[ragged].rows, firstCount: first.rows),
                        at: items[ragged].span, also: [items[0].span])
        }
        let result: TensorShape = first.rank == 0 ? .vector(items.count) : .matrix(items.count, first.rows)
        try ensureRoom(for: result.count, at: span)
        let numbers = items.map(constantNumbers)
        if numbers.allSatisfy({ $0 != nil }) {
            return constant(numbers.flatMap { $0! }, shape: result, at: span)
        }
        let start = context.builder.tape.count
        var elements: [NodeID] = []
        elements.reserveCapacity(result.count)
        for item in items { elements += elementIDs(reference(item)) }
        let id = context.tensors.append(.literal, shape: result, inputs: [], elements: elements, tapeStart: start,
                                        tapeEnd: context.builder.tape.count, span: span)
        context.tensors.setText(shortText(span), of: id)
        return Operand(node: -1, tensor: id, literal: 0, span: span)
    }

    /// `v[i]` or `W[i, j]`, counted from 1; the index is a whole number as written.
    mutating func index(_ indexed: Operand, _ indices: [Operand], at span: SourceSpan, open: SourceSpan) throws(UserError) -> Operand {
        let form = shape(of: indexed)
        let name = quoted(indexed)
        guard !form.isScalar else { throw error(.notIndexable(form.phrase(name)), at: indexed.span) }
        guard indices.count == form.rank else {
            let usage = form.rank == 1 ? "\(name)[i]" : "\(name)[i, j]"
            throw error(.indexCount(form.phrase(name), usage: usage), at: open.union(span), also: [indexed.span])
        }
        var flat = 0
        for (axis, index) in indices.enumerated() {
            guard index.tensor < 0, index.node < 0, index.literal.rounded() == index.literal, Swift.abs(index.literal) < 1e15 else {
                throw error(.indexNotWhole(source.text(of: index.span)), at: index.span)
            }
            let size = axis == 0 ? form.rows : form.columns
            let value = Int(index.literal)
            guard (1...size).contains(value) else {
                let range = form.rank == 1 ? "\(name)[1] to \(name)[\(size)]"
                    : (axis == 0 ? "rows 1 to \(size)" : "columns 1 to \(size)")
                throw error(.indexOutOfRange(value, what: form.phrase(name), range: range), at: index.span, also: [indexed.span])
            }
            flat = axis == 0 ? value - 1 : flat * form.columns + value - 1
        }
        if let numbers = constantNumbers(indexed) { return Operand(node: -1, literal: numbers[flat], span: span) }
        let element = context.tensors.elements(of: indexed.tensor)[context.tensors.elements(of: indexed.tensor).startIndex + flat]
        return Operand(node: element, literal: 0, span: span)
    }

    /// `Aᵀ` or `transpose(A)`: a matrix's rows and columns exchanged; a vector or a
    /// scalar is its own transpose (as in numpy), a vector's kept as a node so the
    /// table and the narration read `Uᵀ @ a` as written. No new tape nodes.
    mutating func transpose(_ operand: Operand, at span: SourceSpan) throws(UserError) -> Operand {
        let form = shape(of: operand)
        guard form.rank == 2 || (form.rank == 1 && constantNumbers(operand) == nil) else {
            var same = operand
            same.span = span
            return same
        }
        if let numbers = constantNumbers(operand) {
            let moved = (0..<form.count).map { k in numbers[(k % form.rows) * form.columns + k / form.rows] }
            return constant(moved, shape: form.transposed, at: span)
        }
        let input = reference(operand)
        let elements = elementIDs(input)
        return lowered(.transpose, shape: form.transposed, inputs: [input], at: span) { _ in
            form.rank == 1 ? Array(elements) : TensorLowering.transpose(elements, rows: form.rows, columns: form.columns)
        }
    }
}
