/// Output text as UTF-8 bytes, written in place: what the formatters of large outputs
/// (the node table, JSON, CSV, TSV, batch rows) append to instead of building a `String`
/// per cell. With a `sink`, `flushIfFull()` hands the bytes on whenever they pass
/// `chunkSize` (the command writes each chunk with one write(2)), so a million-row output
/// needs a megabyte of memory, not a gigabyte; without one the bytes accumulate, for
/// `string()`.
///
/// One owner, no copies (`~Copyable`): the memory is the buffer's, freed by its deinit.
public struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    public private(set) var count = 0
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// The size past which `flushIfFull()` hands the bytes to the sink.
    public let chunkSize: Int

    /// An empty buffer; `sink`, if given, receives every full chunk and the rest on `flush()`.
    public init(chunkSize: Int = 1 << 20, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.chunkSize = chunkSize
        self.sink = sink
        capacity = sink == nil ? 256 : chunkSize + 4096
        start = .allocate(capacity: capacity)
    }

    /// An empty buffer without a sink, with room for `capacity` bytes before it grows.
    public init(capacity: Int) {
        chunkSize = 1 << 20
        sink = nil
        self.capacity = Swift.max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Room for at least `extra` more bytes; returns where the next byte goes. Write
    /// through it, then `commit` what was written.
    @inline(__always)
    public mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count + extra > capacity { grow(to: count + extra) }
        return start + count
    }

    /// Counts `written` bytes as appended (after writing through `reserve`'s pointer).
    @inline(__always)
    public mutating func commit(_ written: Int) {
        count += written
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = Swift.max(capacity * 2, 256)
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = newCapacity
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    public mutating func append(_ text: StaticString) {
        guard text.hasPointerRepresentation else { return text.withUTF8Buffer { append($0) } }
        let length = text.utf8CodeUnitCount
        reserve(length).update(from: text.utf8Start, count: length)
        count += length
    }

    public mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// `value` in decimal (no padding).
    public mutating func appendInteger(_ value: Int) {
        if value >= 0, value < 100_000_000 {
            // Up to eight digits (every node id): one word of digits, stored whole; the
            // bytes past the digits are written in room reserved and then overwritten.
            let digits = DecimalDigits.count(UInt64(value))
            let word = DecimalDigits.eightDigits(UInt32(value)) >> UInt64((8 - digits) * 8)
            UnsafeMutableRawPointer(reserve(8)).storeBytes(of: word, as: UInt64.self)
            count += digits
            return
        }
        let magnitude = value.magnitude
        let digits = DecimalDigits.count(UInt64(magnitude))
        let pointer = reserve(digits + 1)
        var written = 0
        if value < 0 {
            pointer.pointee = UInt8(ascii: "-")
            written = 1
        }
        DecimalDigits.write(UInt64(magnitude), count: digits, to: pointer + written)
        count += written + digits
    }

    /// `count` copies of `byte` (padding).
    public mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// The bytes written so far (since the last flush).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// Hands the bytes to the sink once they pass `chunkSize`.
    @inline(__always)
    public mutating func flushIfFull() {
        if count >= chunkSize, sink != nil { flush() }
    }

    /// Hands every byte written so far to the sink (if there is one) and starts over.
    public mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(UnsafeBufferPointer(start: start, count: count))
        count = 0
    }

    /// Appends what `other` holds: a large chunk goes to the sink as it is, after the
    /// bytes before it, rather than being copied (rows made on another thread).
    public mutating func append(_ other: borrowing ByteBuffer) {
        if sink != nil, other.count >= chunkSize / 2 {
            flush()
            sink?(UnsafeBufferPointer(start: other.start, count: other.count))
        } else {
            append(UnsafeBufferPointer(start: other.start, count: other.count))
            flushIfFull()
        }
    }

    /// Forgets the bytes written, keeping the memory for the next ones.
    public mutating func removeAll() {
        count = 0
    }

    /// The bytes as text (the buffer of a formatter that returns a `String`).
    public func string() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }
}
