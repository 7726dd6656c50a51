/// A plain literal read before the lexer reaches it.
///
/// A large expression's distinct constants are looked up in a hash table at random
/// slots, each a wait for memory when the lookup comes right after the literal is read.
/// Reading the next literal one literal early lets the parser start loading its slot
/// (`TapeBuilder.prefetchConstant`) a whole term before the lookup.
struct LiteralAhead: Sendable {
    /// Where the literal starts (-1: none read), where it ends, and its value.
    var start = -1
    var end = 0
    var value = 0.0

    /// How far past a literal the next one is looked for: a term or two of an expression.
    static let window = 64
}

extension Lexer {
    /// Reads the plain literal after `offset` (the end of a literal just read), skipping
    /// names (whose digits are not literals), within `LiteralAhead.window` bytes.
    ///
    /// Whatever it finds is only used if the lexer later reads a number starting exactly
    /// there, and it is `PlainDecimal.leading` of the same bytes, which is what `number()`
    /// would compute: a guess in a comment or a string of digits the parser never reads
    /// costs a little time and changes nothing.
    @inline(__always)
    mutating func readLiteralAhead() {
        let from = offset
        ahead = source.bytes.withUnsafeBufferPointer { LiteralAhead.after(from, in: $0) }
    }
}

extension LiteralAhead {
    /// The plain literal starting within `window` bytes of `offset`, not inside a name.
    @inline(__always)
    static func after(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> LiteralAhead {
        var index = offset
        let limit = Swift.min(bytes.count, offset + window)
        while index < limit {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") {
                guard let (value, end) = PlainDecimal.leading(bytes, from: index) else { break }
                return LiteralAhead(start: index, end: end, value: value)
            }
            index += 1
            // A name's digits are part of it (`x1`): skip to its end. Any byte beyond
            // ASCII is taken as a name's; a wrong guess only wastes the reading.
            if byte >= 0x80 || Lexer.isNameByte(byte, continuing: false) {
                while index < limit, bytes[index] >= 0x80 || Lexer.isNameByte(bytes[index], continuing: true) { index += 1 }
            }
        }
        return LiteralAhead()
    }
}
