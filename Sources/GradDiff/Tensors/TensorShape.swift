/// The shape of a value: a scalar, a vector of n elements, or an m×n matrix given by
/// rows. graddiff has no higher ranks. Elements are kept in row-major order and indexed
/// from 1, as the lecture notes write w_ij: W[i, j] is element (i - 1)·n + (j - 1).
struct TensorShape: Hashable, Sendable {
    /// 0 for a scalar, 1 for a vector, 2 for a matrix.
    let rank: Int
    /// A vector's length is `rows`; a scalar is 1×1.
    let rows: Int
    let columns: Int

    static let scalar = TensorShape(rank: 0, rows: 1, columns: 1)

    static func vector(_ count: Int) -> TensorShape {
        TensorShape(rank: 1, rows: count, columns: 1)
    }

    static func matrix(_ rows: Int, _ columns: Int) -> TensorShape {
        TensorShape(rank: 2, rows: rows, columns: columns)
    }

    /// How many elements a value of this shape has.
    var count: Int { rows * columns }

    var isScalar: Bool { rank == 0 }

    /// The sizes as JSON and numpy write them: [] for a scalar, [3], [2, 3].
    var dimensions: [Int] {
        switch rank {
        case 0: return []
        case 1: return [rows]
        default: return [rows, columns]
        }
    }

    /// The shape as a table's shape column shows it: `scalar`, `3`, `2×3`.
    var text: String {
        switch rank {
        case 0: return "scalar"
        case 1: return "\(rows)"
        default: return "\(rows)×\(columns)"
        }
    }

    /// What `name` is, said in a message: `W is 2×3`, `x has 3 elements`, `s is a scalar`.
    func phrase(_ name: String) -> String {
        switch rank {
        case 0: return "\(name) is a scalar"
        case 1: return "\(name) has \(rows) element\(rows == 1 ? "" : "s")"
        default: return "\(name) is \(rows)×\(columns)"
        }
    }

    /// The shape as a noun: `a scalar`, `a 3-element vector`, `a 2×3 matrix`.
    var noun: String {
        switch rank {
        case 0: return "a scalar"
        case 1: return "a \(rows)-element vector"
        default: return "a \(rows)×\(columns) matrix"
        }
    }

    /// The element's index as written after a name: `[2]`, `[1,3]`; empty for a scalar.
    func indexText(_ flat: Int) -> String {
        switch rank {
        case 0: return ""
        case 1: return "[\(flat + 1)]"
        default: return "[\(flat / columns + 1),\(flat % columns + 1)]"
        }
    }

    /// The shape with rows and columns exchanged (a vector and a scalar are their own
    /// transposes, as in numpy).
    var transposed: TensorShape {
        rank == 2 ? .matrix(columns, rows) : self
    }
}
