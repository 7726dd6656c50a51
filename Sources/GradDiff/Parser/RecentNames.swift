#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last few names a parser read, each with where it read it: a name met again (`x1`,
/// `tanh` in a long expression) is known by comparing its bytes with that earlier place,
/// without making a `String` of it and hashing that again. A name that is a built-in
/// function keeps its op, which no definition can change.
struct RecentNames: Sendable {
    static let capacity = 8
    private var spans: [SourceSpan] = []
    private var names: [String] = []
    /// Each name's built-in function's raw value, `none` for a name that is not one (raw
    /// bytes: an array of optionals costs a runtime type lookup at every start-up).
    private var functions: [UInt8] = []
    private static let none = UInt8.max
    /// The entry the next new name replaces, once all are taken.
    private var next = 0

    /// The name spelled by `span` of `source`, and its built-in function if it is one.
    mutating func name(at span: SourceSpan, in source: SourceText) -> (name: String, function: Op?) {
        let length = Int(span.end - span.start)
        let found: Int? = source.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            for (index, known) in spans.enumerated() where Int(known.end - known.start) == length
                && memcmp(base + Int(known.start), base + Int(span.start), length) == 0 {
                return index
            }
            return nil
        }
        if let found { return (names[found], Op(rawValue: functions[found])) }
        let name = source.text(of: span)
        let function = Op.function(named: name)
        if spans.count < Self.capacity {
            spans.append(span)
            names.append(name)
            functions.append(function?.rawValue ?? Self.none)
        } else {
            (spans[next], names[next], functions[next]) = (span, name, function?.rawValue ?? Self.none)
            next = (next + 1) % Self.capacity
        }
        return (name, function)
    }
}
