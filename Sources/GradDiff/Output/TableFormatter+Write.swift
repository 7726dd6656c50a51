/// The node table written straight into bytes, laid out as `TextColumns` lays out rows
/// (two spaces between columns, numbers right-aligned, widths in Unicode scalars, no
/// trailing blanks). The cells are made once: numbers (and the few labels that are names)
/// into byte arrays, a chunk of rows at a time, while the expressions are composed by
/// `NodeText` on another core; then the rows are padded to the widest cells, a chunk of
/// rows on each core.
extension TableFormatter {
    static func write(_ result: PassResult, _ options: OutputOptions, to buffer: inout ByteBuffer) {
        let tape = result.tape
        let text = NodeText(unstarted: tape)
        let size = ParallelRows.rowsPerChunk
        let chunks = (0..<(tape.count + size - 1) / size).map { Cells(capacity: Swift.min(size, tape.count - $0 * size)) }
        let opNames = OpNameBytes()
        // One chunk (a table people read) is not worth a thread.
        Threads.forEach(chunks.count, threads: chunks.count > 1 ? Threads.available : 1, alongside: { text.compose() }) { chunk in
            chunks[chunk].measure(result, chunk * size..<Swift.min(tape.count, (chunk + 1) * size),
                                  opNames: opNames, precision: options.precision)
        }
        var measured = chunks.reduce(headers.map { $0.utf8.count }) { widths, chunk in zip(widths, chunk.widths).map { Swift.max($0, $1) } }
        measured[2] = Swift.max(measured[2], text.widest)
        if tape.stepNames.isEmpty, !tape.hasNotes {
            // Every constant is labelled by its own text, measured as it was composed.
            measured[0] = Swift.max(measured[0], text.widestConstant)
        } else {
            measureTextCells(tape, text, &measured)
        }
        let widths = measured
        if options.useColor { buffer.append("\u{1B}[1m") }
        var header = Row(widths: widths)
        for (column, name) in headers.enumerated() {
            var name = name
            name.withUTF8 { header.cell($0, column, to: &buffer) }
        }
        header.end(to: &buffer, reset: options.useColor)
        ParallelRows.write(tape.count, to: &buffer) { range, buffer in
            var row = Row(widths: widths)
            chunks[range.lowerBound / size].withView { cells in
                for i in range {
                    let local = i - range.lowerBound
                    switch labelSource(i, of: tape) {
                    case .stored: row.cell(cells.label(local), 0, to: &buffer)
                    case .text: text.withBytes(of: NodeID(i)) { row.cell($0, 0, to: &buffer) }
                    case .number:
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NodeText.maximumLabelLength) { label in
                            let length = NodeText.writeNumberLabel(i, to: label.baseAddress!)
                            row.cell(UnsafeBufferPointer(rebasing: label[..<length]), 0, width: length, to: &buffer)
                        }
                    }
                    opNames.withName(of: tape.ops[i]) { row.cell($0, 1, width: $0.count, to: &buffer) }
                    text.withBytes(of: NodeID(i)) { row.cell($0, 2, to: &buffer) }
                    let value = cells.number(2 * local), gradient = cells.number(2 * local + 1)
                    row.cell(value, 3, width: value.count, to: &buffer)
                    row.cell(gradient, 4, width: gradient.count, to: &buffer)
                    row.end(to: &buffer, reset: false)
                }
            }
        }
    }

    /// The label and expression columns widened to the cells `NodeText`'s widths leave
    /// out: a note (`f: a * b`) and a constant labelled by its text beside named steps.
    private static func measureTextCells(_ tape: Tape, _ text: NodeText, _ measured: inout [Int]) {
        for i in 0..<tape.count {
            if tape.noteIndex(of: i) >= 0 {
                measured[2] = Swift.max(measured[2], text.withBytes(of: NodeID(i)) { TextWidth.columns($0) })
            } else if labelSource(i, of: tape) == .text {
                measured[0] = Swift.max(measured[0], text.withBytes(of: NodeID(i)) { TextWidth.columns($0) })
            }
        }
    }

    /// Where a row's label comes from: `n12` for an unnamed op node, made as the row is
    /// written; a constant's own text (`0.25`, `pi`), composed by `NodeText`; any other
    /// (a variable, a named step) kept by `Cells`.
    private enum LabelSource {
        case number, text, stored
    }

    private static func labelSource(_ i: Int, of tape: Tape) -> LabelSource {
        if !tape.stepNames.isEmpty, tape.stepNames[NodeID(i)] != nil { return .stored }
        if tape.ops[i].arity > 0 { return .number }
        return tape.ops[i] == .constant && tape.noteIndex(of: i) < 0 ? .text : .stored
    }

    /// A chunk of rows' stored labels and numbers as bytes, and the widest of the label
    /// (but constants'), op and number columns: written by one thread, then read by any.
    /// Unchecked exclusivity: a class's stored property is otherwise checked at run time
    /// at every access (a row's), and no access overlaps a write, which all come first.
    private final class Cells: @unchecked Sendable {
        @exclusivity(unchecked) private(set) var labels = ByteBuffer(capacity: 64)
        /// Where each row's stored label ends in `labels` (it starts where the row
        /// before's ends; empty if not stored). Plain `Int32`s: a generic element type
        /// costs a runtime type lookup at every start-up.
        @exclusivity(unchecked) private(set) var labelEnds: [Int32] = []
        @exclusivity(unchecked) private(set) var numbers: ByteBuffer
        /// Two a row: value, gradient.
        @exclusivity(unchecked) private(set) var numberEnds: [Int32] = []
        @exclusivity(unchecked) private(set) var widths = [0, 0, 0, 0, 0]

        init(capacity: Int) {
            numbers = ByteBuffer(capacity: capacity * 24)
        }

        func measure(_ result: PassResult, _ range: Range<Int>, opNames: OpNameBytes, precision: Int) {
            let tape = result.tape
            var labels = ByteBuffer(capacity: 0), numbers = ByteBuffer(capacity: 0)
            swap(&labels, &self.labels)
            swap(&numbers, &self.numbers)
            var labelEnds: [Int32] = [], numberEnds: [Int32] = []
            labelEnds.reserveCapacity(range.count)
            numberEnds.reserveCapacity(2 * range.count)
            var widths = [0, 0, 0, 0, 0]
            for i in range {
                let start = labels.count
                switch labelSource(i, of: tape) {
                case .number: widths[0] = Swift.max(widths[0], 1 + DecimalDigits.count(UInt64(i)))
                case .text: break
                case .stored:
                    labels.append(contentsOf: tape.label(of: NodeID(i)))
                    widths[0] = Swift.max(widths[0], labels.withBytes { TextWidth.columns(UnsafeBufferPointer(rebasing: $0[start...])) })
                }
                labelEnds.append(Int32(labels.count))
                widths[1] = Swift.max(widths[1], opNames.count(of: tape.ops[i]))
                var before = numbers.count
                NumberFormat.appendSignificant(result.values[i], digits: precision, to: &numbers)
                numberEnds.append(Int32(numbers.count))
                widths[3] = Swift.max(widths[3], numbers.count - before)
                before = numbers.count
                // A constant has no gradient: its cell is blank.
                if result.hasGradient(NodeID(i)) {
                    NumberFormat.appendSignificant(result.gradients[i], digits: precision, to: &numbers)
                }
                numberEnds.append(Int32(numbers.count))
                widths[4] = Swift.max(widths[4], numbers.count - before)
            }
            swap(&labels, &self.labels)
            swap(&numbers, &self.numbers)
            self.labelEnds = labelEnds
            self.numberEnds = numberEnds
            self.widths = widths
        }

        /// The cells as plain buffers, for the rows' loop: reading a class's arrays at each
        /// row retained and released them.
        struct View {
            let labels: UnsafeBufferPointer<UInt8>, labelEnds: UnsafeBufferPointer<Int32>
            let numbers: UnsafeBufferPointer<UInt8>, numberEnds: UnsafeBufferPointer<Int32>

            func label(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: labels[(i == 0 ? 0 : Int(labelEnds[i - 1]))..<Int(labelEnds[i])])
            }

            /// Number `k`: row `k / 2`'s value, or its gradient for odd `k`.
            func number(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: numbers[(k == 0 ? 0 : Int(numberEnds[k - 1]))..<Int(numberEnds[k])])
            }
        }

        func withView<R>(_ body: (View) -> R) -> R {
            labels.withBytes { labels in
                labelEnds.withUnsafeBufferPointer { labelEnds in
                    numbers.withBytes { numbers in
                        numberEnds.withUnsafeBufferPointer { numberEnds in
                            body(View(labels: labels, labelEnds: labelEnds, numbers: numbers, numberEnds: numberEnds))
                        }
                    }
                }
            }
        }
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

        /// `width`: the cell's width in Unicode scalars, when the caller knows it (ASCII:
        /// its byte count); else it is counted.
        mutating func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ column: Int, width: Int? = nil, to buffer: inout ByteBuffer) {
            let padding = widths[column] - (width ?? TextWidth.columns(bytes))
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
