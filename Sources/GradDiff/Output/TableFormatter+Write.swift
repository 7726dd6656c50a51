/// The node table written straight into bytes, laid out as `TextColumns` lays out rows
/// (two spaces between columns, numbers right-aligned, widths in Unicode scalars, no
/// trailing blanks). The cells are made once: labels and numbers into two byte arrays,
/// expressions by `NodeText`; a first pass measures the columns, a second copies.
extension TableFormatter {
    static func write(_ result: PassResult, _ options: OutputOptions, to buffer: inout ByteBuffer) {
        let tape = result.tape
        let text = NodeText(tape)
        var labels = ByteBuffer()
        var labelEnds: [Int] = []
        var numbers = ByteBuffer()
        var numberEnds: [Int] = []  // two a node: value, gradient
        labelEnds.reserveCapacity(tape.count)
        numberEnds.reserveCapacity(2 * tape.count)
        let opNames = Op.allCases.map { Array($0.name.utf8) }
        var widths = headers.map { $0.utf8.count }
        for i in 0..<tape.count {
            let start = labels.count
            appendLabel(NodeID(i), of: tape, to: &labels)
            labelEnds.append(labels.count)
            widths[0] = Swift.max(widths[0], labels.withBytes { scalarCount(UnsafeBufferPointer(rebasing: $0[start...])) })
            widths[1] = Swift.max(widths[1], opNames[Int(tape.ops[i].rawValue)].count)
            widths[2] = Swift.max(widths[2], text.withBytes(of: NodeID(i)) { scalarCount($0) })
            var before = numbers.count
            NumberFormat.appendSignificant(result.values[i], digits: options.precision, to: &numbers)
            numberEnds.append(numbers.count)
            widths[3] = Swift.max(widths[3], numbers.count - before)
            before = numbers.count
            // A constant has no gradient: its cell is blank.
            if result.hasGradient(NodeID(i)) {
                NumberFormat.appendSignificant(result.gradients[i], digits: options.precision, to: &numbers)
            }
            numberEnds.append(numbers.count)
            widths[4] = Swift.max(widths[4], numbers.count - before)
        }
        if options.useColor { buffer.append("\u{1B}[1m") }
        var row = Row(widths: widths)
        for (column, header) in headers.enumerated() {
            var header = header
            header.withUTF8 { row.cell($0, column, to: &buffer) }
        }
        row.end(to: &buffer, reset: options.useColor)
        labels.withBytes { labelBytes in
            numbers.withBytes { numberBytes in
                for i in 0..<tape.count {
                    row.cell(UnsafeBufferPointer(rebasing: labelBytes[(i == 0 ? 0 : labelEnds[i - 1])..<labelEnds[i]]), 0, to: &buffer)
                    opNames[Int(tape.ops[i].rawValue)].withUnsafeBufferPointer { row.cell($0, 1, to: &buffer) }
                    text.withBytes(of: NodeID(i)) { row.cell($0, 2, to: &buffer) }
                    let value = (i == 0 ? 0 : numberEnds[2 * i - 1])..<numberEnds[2 * i]
                    row.cell(UnsafeBufferPointer(rebasing: numberBytes[value]), 3, to: &buffer)
                    row.cell(UnsafeBufferPointer(rebasing: numberBytes[numberEnds[2 * i]..<numberEnds[2 * i + 1]]), 4, to: &buffer)
                    row.end(to: &buffer, reset: false)
                    buffer.flushIfFull()
                }
            }
        }
    }

    /// `tape.label(of: id)` as bytes, without a `String` for the common `n12`.
    private static func appendLabel(_ id: NodeID, of tape: Tape, to buffer: inout ByteBuffer) {
        if tape.ops[Int(id)].arity > 0, tape.stepNames.isEmpty || tape.stepNames[id] == nil {
            buffer.append(UInt8(ascii: "n"))
            buffer.appendInteger(Int(id))
        } else {
            buffer.append(contentsOf: tape.label(of: id))
        }
    }

    /// How many Unicode scalars UTF-8 `bytes` hold: the bytes that do not continue one.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// One line being written: cells padded to their column's width (left-aligned text,
    /// right-aligned numbers), pending blanks dropped at the end of the line.
    private struct Row {
        let widths: [Int]
        /// Blanks owed before the next cell: written only if a cell follows.
        var blanks = 0

        init(widths: [Int]) {
            self.widths = widths
        }

        mutating func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ column: Int, to buffer: inout ByteBuffer) {
            let padding = widths[column] - TableFormatter.scalarCount(bytes)
            if column > 0 { blanks += 2 }
            if column >= 3 { blanks += padding }
            if !bytes.isEmpty {
                buffer.append(repeating: UInt8(ascii: " "), count: blanks)
                blanks = 0
                buffer.append(bytes)
            }
            if column < 3 { blanks += padding }
        }

        mutating func end(to buffer: inout ByteBuffer, reset: Bool) {
            if reset { buffer.append("\u{1B}[0m") }
            buffer.append(UInt8(ascii: "\n"))
            blanks = 0
        }
    }
}
