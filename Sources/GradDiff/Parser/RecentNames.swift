#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last few names a parser read: a name met again (`x1`, `tanh` in a long expression)
/// is known by comparing its bytes with the string kept for it, without making a
/// `String` of it and hashing that again. A name called as a function
/// keeps its built-in op once looked up, which no definition can change, and a name
/// read as a free variable the node it read, as a hint to check.
struct RecentNames: Sendable {
    static let capacity = 8
    /// Each name's length (up to 255) and first seven bytes in one word, compared before any bytes.
    private var keys: [UInt64] = []
    private var names: [String] = []
    /// Each name's built-in function's raw value, `none` for a name that is not one,
    /// `unknown` before it is asked for (raw bytes: an array of optionals costs a runtime
    /// type lookup at every start-up).
    private var functions: [UInt8] = []
    private static let none = UInt8.max, unknown = UInt8.max - 1
    /// Each name's free-variable node when last read (-1: none yet): a hint the parser
    /// checks against the tape (`TapeBuilder.isVariable(_:named:)`) before using it.
    private var variables: [NodeID] = []
    /// The entry the next new name replaces, once all are taken.
    private var next = 0

    /// Forgets every name, keeping the memory.
    mutating func forget() {
        keys.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        functions.removeAll(keepingCapacity: true)
        variables.removeAll(keepingCapacity: true)
        next = 0
    }

    /// The name spelled by `span` of the text `bytes` (a source's bytes, lent by the
    /// caller, so that a name costs no copy of the text and no reference counting), and
    /// its entry (for `function(_:)` and the variable hint).
    mutating func name(at span: SourceSpan, in bytes: UnsafeBufferPointer<UInt8>) -> (name: String, entry: Int) {
        let (start, length) = (Int(span.start), Int(span.end - span.start))
        // A span outside the text (never made by the lexer) gets a key no name has.
        guard let base = bytes.baseAddress, start >= 0, length > 0, start + length <= bytes.count else {
            return remember("", key: 0)
        }
        let key = Self.key(base + start, length: length, readable: bytes.count - start)
        for index in keys.indices where keys[index] == key {
            // Seven bytes or fewer: the key is the whole name. Longer: the key holds 255
            // for every length from 255 on, so the lengths are compared before the bytes.
            if length <= 7 { return (names[index], index) }
            var known = names[index]
            if known.utf8.count == length, known.withUTF8({ memcmp($0.baseAddress!, base + start, length) == 0 }) {
                return (names[index], index)
            }
        }
        return remember(String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self), key: key)
    }

    /// Takes an entry for the new name `name` with key `key`: a free one, else the oldest.
    private mutating func remember(_ name: String, key: UInt64) -> (name: String, entry: Int) {
        if names.count < Self.capacity {
            if names.capacity == 0 {
                // Room for every entry at once, not grown one name at a time.
                keys.reserveCapacity(Self.capacity)
                names.reserveCapacity(Self.capacity)
                functions.reserveCapacity(Self.capacity)
                variables.reserveCapacity(Self.capacity)
            }
            keys.append(key)
            names.append(name)
            functions.append(Self.unknown)
            variables.append(-1)
            return (name, names.count - 1)
        }
        let entry = next
        (keys[entry], names[entry], functions[entry], variables[entry]) = (key, name, Self.unknown, -1)
        next = (next + 1) % Self.capacity
        return (name, entry)
    }

    /// A name's length (255 for any longer) and first (up to) seven bytes, little-endian,
    /// in one word: one load when eight bytes can be read there.
    private static func key(_ name: UnsafePointer<UInt8>, length: Int, readable: Int) -> UInt64 {
        let kept = Swift.min(length, 7)
        var word: UInt64 = 0
        if readable >= 8 {
            word = UnsafeRawPointer(name).loadUnaligned(as: UInt64.self)
        } else {
            for index in 0..<kept { word |= UInt64(name[index]) << (8 * UInt64(index)) }
        }
        return word & ((1 << (8 * UInt64(kept))) - 1) | UInt64(Swift.min(length, 255)) << 56
    }

    /// The built-in function the name of `entry` calls, if it is one (looked up once).
    mutating func function(_ entry: Int) -> Op? {
        if functions[entry] == Self.unknown { functions[entry] = Op.function(named: names[entry])?.rawValue ?? Self.none }
        return Op(rawValue: functions[entry])
    }

    /// The node the name of `entry` read as a free variable when last resolved, or -1.
    func variableHint(_ entry: Int) -> NodeID { variables[entry] }

    mutating func setVariableHint(_ node: NodeID, for entry: Int) { variables[entry] = node }
}
