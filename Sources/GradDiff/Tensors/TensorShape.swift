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
        elementName("", flat)
    }

    /// `name` followed by element `flat`'s index (`W[2,3]`), written byte by byte: an
    /// input of this shape names every element, 10^5 names for a 784-128 layer, where
    /// string interpolation costs ten times as much.
    func elementName(_ name: String, _ flat: Int) -> String {
        guard rank > 0 else { return name }
        let row = rank == 1 ? flat + 1 : flat / columns + 1
        let column = rank == 1 ? 0 : flat % columns + 1
        var name = name
        let (rowDigits, columnDigits) = (Self.decimalDigits(row), rank == 2 ? Self.decimalDigits(column) : 0)
        let length = 2 + rowDigits + (rank == 2 ? 1 + columnDigits : 0)
        return name.withUTF8 { prefix in
            // The exact length: up to 15 bytes, the string is kept inline, with no allocation.
            String(unsafeUninitializedCapacity: prefix.count + length) { bytes in
                var at = prefix.isEmpty ? 0 : bytes.initialize(fromContentsOf: prefix)
                bytes[at] = UInt8(ascii: "[")
                at = Self.writeDecimal(row, digits: rowDigits, into: bytes, at: at + 1)
                if rank == 2 {
                    bytes[at] = UInt8(ascii: ",")
                    at = Self.writeDecimal(column, digits: columnDigits, into: bytes, at: at + 1)
                }
                bytes[at] = UInt8(ascii: "]")
                return at + 1
            }
        }
    }

    /// Writes `value` (not negative, of `digits` decimal digits) at `at`; returns the
    /// index after it.
    private static func writeDecimal(_ value: Int, digits: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var rest = value
        for k in stride(from: at + digits - 1, through: at, by: -1) {
            bytes[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return at + digits
    }

    /// How many decimal digits `value` (not negative) has.
    private static func decimalDigits(_ value: Int) -> Int {
        var digits = 1
        var rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }

    /// The shape with rows and columns exchanged (a vector and a scalar are their own
    /// transposes, as in numpy).
    var transposed: TensorShape {
        rank == 2 ? .matrix(columns, rows) : self
    }
}
