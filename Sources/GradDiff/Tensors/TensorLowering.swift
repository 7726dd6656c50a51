/// Vector and matrix operations written out as scalar tape nodes, the way a person
/// would write them by hand: `W @ x` is, for each row i, W[i,1]*x[1] + W[i,2]*x[2] + …
/// Every node goes through the `TapeBuilder` and the scalar rule table differentiates
/// it; elementwise results merge with identical nodes as anywhere else, while the inner
/// products and partial sums of `@`, dot, outer and sum are appended without a lookup
/// (nothing else computes them; 10^5 lookups would be most of a layer's cost). Plain loops, no
/// recursion; the caller has checked the shapes and the node limit.
enum TensorLowering {
    /// `op` applied to each element; an operand with one element (a scalar) is used
    /// with every element of the other.
    static func map(_ op: Op, _ a: ArraySlice<NodeID>, _ b: ArraySlice<NodeID>?,
                    into builder: inout TapeBuilder, at span: SourceSpan) -> [NodeID] {
        guard let b else { return a.map { builder.apply(op, $0, at: span) } }
        let count = Swift.max(a.count, b.count)
        var result: [NodeID] = []
        result.reserveCapacity(count)
        for k in 0..<count {
            let left = a.count == 1 ? a[a.startIndex] : a[a.startIndex + k]
            let right = b.count == 1 ? b[b.startIndex] : b[b.startIndex + k]
            result.append(builder.apply(op, left, right, at: span))
        }
        return result
    }

    /// Σ_l a[l]·b[l], left to right, as a person writes a dot product.
    static func dot(_ a: ArraySlice<NodeID>, from aStart: Int, _ b: ArraySlice<NodeID>, from bStart: Int,
                    stride bStride: Int = 1, count: Int,
                    into builder: inout TapeBuilder, at span: SourceSpan) -> NodeID {
        var sum = builder.applyUnmerged(.multiply, a[aStart], b[bStart], at: span)
        for l in 1..<count {
            let product = builder.applyUnmerged(.multiply, a[aStart + l], b[bStart + l * bStride], at: span)
            sum = builder.applyUnmerged(.add, sum, product, at: span)
        }
        return sum
    }

    /// The product of an m×k and a k×n operand (a vector on the left is a row, 1×k; on
    /// the right a column, k×1): m·n dot products of length k.
    static func matmul(_ a: ArraySlice<NodeID>, rows m: Int, inner k: Int, _ b: ArraySlice<NodeID>, columns n: Int,
                       into builder: inout TapeBuilder, at span: SourceSpan) -> [NodeID] {
        var result: [NodeID] = []
        result.reserveCapacity(m * n)
        for i in 0..<m {
            for j in 0..<n {
                result.append(dot(a, from: a.startIndex + i * k, b, from: b.startIndex + j, stride: n, count: k,
                                  into: &builder, at: span))
            }
        }
        return result
    }

    /// outer(a, b)[i, j] = a[i]·b[j].
    static func outer(_ a: ArraySlice<NodeID>, _ b: ArraySlice<NodeID>, into builder: inout TapeBuilder,
                      at span: SourceSpan) -> [NodeID] {
        var result: [NodeID] = []
        result.reserveCapacity(a.count * b.count)
        for x in a {
            for y in b { result.append(builder.applyUnmerged(.multiply, x, y, at: span)) }
        }
        return result
    }

    /// The elements of an m×n matrix in the order of its n×m transpose (no new nodes).
    static func transpose(_ a: ArraySlice<NodeID>, rows m: Int, columns n: Int) -> [NodeID] {
        var result: [NodeID] = []
        result.reserveCapacity(a.count)
        for j in 0..<n {
            for i in 0..<m { result.append(a[a.startIndex + i * n + j]) }
        }
        return result
    }

    /// a[1] + a[2] + …, left to right (`stride` and `count` pick a row or a column).
    static func sum(_ a: ArraySlice<NodeID>, from start: Int, stride: Int = 1, count: Int,
                    into builder: inout TapeBuilder, at span: SourceSpan) -> NodeID {
        var sum = a[start]
        for l in 1..<count { sum = builder.applyUnmerged(.add, sum, a[start + l * stride], at: span) }
        return sum
    }

    /// Sums over the rows of an m×n matrix (`dimension` 1: n column sums) or over its
    /// columns (`dimension` 2: m row sums).
    static func sum(_ a: ArraySlice<NodeID>, rows m: Int, columns n: Int, dimension: Int,
                    into builder: inout TapeBuilder, at span: SourceSpan) -> [NodeID] {
        if dimension == 1 {
            return (0..<n).map { j in sum(a, from: a.startIndex + j, stride: n, count: m, into: &builder, at: span) }
        }
        return (0..<m).map { i in sum(a, from: a.startIndex + i * n, count: n, into: &builder, at: span) }
    }

    /// The mean: the sum divided by the count.
    static func mean(_ a: ArraySlice<NodeID>, into builder: inout TapeBuilder, at span: SourceSpan) -> NodeID {
        let total = sum(a, from: a.startIndex, count: a.count, into: &builder, at: span)
        return builder.apply(.divide, total, builder.constant(Double(a.count), at: span), at: span)
    }

    /// The Euclidean norm √(Σ a²).
    static func norm(_ a: ArraySlice<NodeID>, into builder: inout TapeBuilder, at span: SourceSpan) -> NodeID {
        let squares = a.map { builder.apply(.multiply, $0, $0, at: span) }
        let total = sum(squares[...], from: 0, count: squares.count, into: &builder, at: span)
        return builder.apply(.sqrt, total, at: span)
    }

    /// log Σ exp(a) = c + log Σ exp(a − c), with c the largest element (`logsumexpShift`):
    /// every exp(a − c) is at most 1 (`expDifference`, which never holds an overflowing
    /// a − c), the largest exactly 1, so the sum neither overflows nor underflows to 0.
    /// The log is log1p of the sum without that 1 (`logsumexpLog`), over the elements
    /// each shift leaves (`logsumexpRest`): every element but one largest, so the sum
    /// keeps the digits 1 + sum would round away (near a result of 0 they are all of it).
    /// c and the rests carry no derivative, so ∂/∂a = exp(a − c) / Σ exp(a − c) =
    /// softmax(a) however the largest is tied. An element −inf adds 0 (a mask); all −inf
    /// give −inf (and a uniform softmax, as any equal elements); +inf gives +inf (softmax
    /// shares 1 among the +inf elements); nan gives nan.
    static func logsumexp(_ a: ArraySlice<NodeID>, into builder: inout TapeBuilder, at span: SourceSpan) -> NodeID {
        let shifted = shiftedExponentials(a, into: &builder, at: span)
        // A lone element's sum is 1, with nothing to keep: log(1) = 0.
        guard a.count > 1 else {
            return builder.applyUnmerged(.add, shifted.shift, builder.applyUnmerged(.log, shifted.total, at: span), at: span)
        }
        let rests = shifted.shifts.map { shift in
            builder.applyUnmerged(.logsumexpRest, builder.tape.first[Int(shift)], builder.tape.second[Int(shift)], at: span)
        }
        var rest = builder.applyUnmerged(.expDifference, rests[0], shifted.shift, at: span)
        for element in rests.dropFirst() {
            rest = builder.applyUnmerged(.add, rest, builder.applyUnmerged(.expDifference, element, shifted.shift, at: span), at: span)
        }
        let log = builder.applyUnmerged(.logsumexpLog, shifted.total, rest, at: span)
        return builder.applyUnmerged(.add, shifted.shift, log, at: span)
    }

    /// softmax(a)[i] = exp(a[i] − c) / Σ exp(a − c), the quotient exp(a[i] − logsumexp(a))
    /// is, without rounding logsumexp first (at 1000 its last digit is 1e-13 of the result):
    /// positive, summing to 1, never overflowing.
    static func softmax(_ a: ArraySlice<NodeID>, into builder: inout TapeBuilder, at span: SourceSpan) -> [NodeID] {
        let shifted = shiftedExponentials(a, into: &builder, at: span)
        return shifted.exponentials.map { builder.applyUnmerged(.divide, $0, shifted.total, at: span) }
    }

    /// The shift c (the largest element, the last of the running shifts), each
    /// exp(a[i] − c), and their sum, left to right. Appended without a lookup, as sum's:
    /// softmax(v) beside logsumexp(v) sharing them would show them as steps of their own
    /// in the table.
    private static func shiftedExponentials(_ a: ArraySlice<NodeID>, into builder: inout TapeBuilder, at span: SourceSpan)
        -> (shift: NodeID, shifts: [NodeID], exponentials: [NodeID], total: NodeID) {
        // A lone element is its own shift, but as shift(a, a), which carries no derivative.
        var shifts = [builder.applyUnmerged(.logsumexpShift, a[a.startIndex], a[a.startIndex + (a.count > 1 ? 1 : 0)], at: span)]
        for x in a.dropFirst(2) { shifts.append(builder.applyUnmerged(.logsumexpShift, shifts[shifts.count - 1], x, at: span)) }
        let shift = shifts[shifts.count - 1]
        let exponentials = a.map { builder.applyUnmerged(.expDifference, $0, shift, at: span) }
        var total = exponentials[0]
        for term in exponentials.dropFirst() { total = builder.applyUnmerged(.add, total, term, at: span) }
        return (shift, shifts, exponentials, total)
    }
}
