/// Batch rows read and written as bytes, a chunk of lines at a time, so that chunks can
/// be evaluated on several cores at once (each with its own copy of the evaluator) and
/// written in input order.
///
/// A row of plain decimals in ASCII (nearly every row) is split, read (`PlainDecimal`)
/// and written without a `String`, in the table layout (a carried column is copied as
/// it is); any other row, every row of the numbers and JSON Lines layouts and every row
/// in error goes through `evaluate(fields:into:)`, so both paths print and fail alike.
extension BatchEvaluator {
    /// What a chunk of lines gave: the output rows, and the rows that failed, in order,
    /// each with the output length before it (to interleave output and errors as they
    /// happened) and its line within the chunk (0 for the first).
    public struct ChunkResult: Sendable {
        public var output: [UInt8] = []
        public var failures: [(outputLength: Int, line: Int, text: String, error: DelimitedText.RowError)] = []
        /// Numbers out of a double's range, read as inf or 0: each with its line within the
        /// chunk and the line's text (for the caret).
        public var warnings: [(line: Int, text: String, warning: DelimitedText.RowWarning)] = []
        /// Lines read, up to and including a failure if `stopAtFailure` stopped there.
        public var lines = 0
        /// Rows whose value or a printed gradient is nan or infinite (for `--strict`), and
        /// the line within the chunk of the first.
        public var nonFiniteRows = 0
        public var firstNonFiniteLine: Int?

        public init() {}
    }

    /// Evaluates every line of `chunk` (lines end with "\n"; the last may not), skipping
    /// blank ones; with `stopAtFailure`, stops after the first row in error.
    public mutating func evaluate(chunk: UnsafeBufferPointer<UInt8>, stopAtFailure: Bool) -> ChunkResult {
        var result = ChunkResult()
        var output = ByteBuffer()
        var fields: [Range<Int>] = []
        // Taken once a chunk: a copy of the tape (or of its readers) made at each row
        // retains and releases every array of it, counts that the chunks on other cores
        // change at the same moment (about 700 instructions a row, and cache lines
        // passed between the cores).
        let shared = RowContext(tape: evaluation.tape, readers: evaluation.result.readsVariable, senders: senders,
                                separator: UInt8(ascii: delimiter.unicodeScalars.first!))
        var start = 0
        while start < chunk.count {
            var end = start
            while end < chunk.count, chunk[end] != UInt8(ascii: "\n") { end += 1 }
            let row = UnsafeBufferPointer(rebasing: chunk[start..<end])
            result.lines += 1
            start = end + 1
            if isBlank(row) { continue }
            do throws(DelimitedText.RowError) {
                let warnings = try evaluate(row: row, shared, into: &output, fields: &fields)
                for warning in warnings {
                    result.warnings.append((result.lines - 1, String(decoding: row, as: UTF8.self), warning))
                }
                if !lastRowIsFinite {
                    if result.nonFiniteRows == 0 { result.firstNonFiniteLine = result.lines - 1 }
                    result.nonFiniteRows += 1
                }
            } catch {
                result.failures.append((output.count, result.lines - 1, String(decoding: row, as: UTF8.self), error))
                if stopAtFailure { break }
            }
        }
        result.output = output.withBytes { Array($0) }
        return result
    }

    /// Whether the row just evaluated printed only finite numbers: its value and the
    /// gradients it reports.
    private var lastRowIsFinite: Bool {
        values[Int(evaluation.output)].isFinite && reported.allSatisfy { gradients[$0.node].isFinite }
    }

    /// A line of only spaces and carriage returns (and tabs, in a CSV table) is no row.
    private func isBlank(_ row: UnsafeBufferPointer<UInt8>) -> Bool {
        let tabIsBlank = delimiter != "\t"
        return row.allSatisfy { $0 == UInt8(ascii: " ") || $0 == 13 || ($0 == 9 && tabIsBlank) }
    }

    /// What every row of a chunk reads: the tape, which nodes read a variable and which
    /// send gradient, and the table's delimiter as a byte.
    struct RowContext {
        let tape: Tape
        let readers: [Bool]
        let senders: [Bool]
        let separator: UInt8
    }

    /// Evaluates one row and appends its output row (with a newline); returns the row's
    /// warnings (a plain decimal has none).
    mutating func evaluate(row: UnsafeBufferPointer<UInt8>, _ shared: RowContext, into output: inout ByteBuffer,
                           fields: inout [Range<Int>]) throws(DelimitedText.RowError) -> [DelimitedText.RowWarning] {
        // The numbers layout writes plain decimal (as -q does), through the string path.
        guard layout == .table, readPlainFields(of: row, separator: shared.separator, into: &fields) else {
            // Not plain: the string path reads (or rejects) it exactly as before.
            var text = ""
            let warnings = try evaluate(fields: DelimitedText.checkedFields(of: Substring(String(decoding: row, as: UTF8.self)),
                                                                            delimiter: delimiter), into: &text)
            output.append(contentsOf: text)
            return warnings
        }
        ForwardPass.run(shared.tape, variables: variables, into: &values)
        BackwardPass.run(shared.tape, values: values, output: evaluation.output, into: &gradients, senders: shared.senders,
                         readers: shared.readers, kinks: evaluation.kinkConvention)
        let separator = shared.separator
        for field in fields {
            output.append(UnsafeBufferPointer(rebasing: row[field]))
            output.append(separator)
        }
        NumberFormat.appendShortest(values[Int(evaluation.output)], to: &output)
        for variable in reported {
            output.append(separator)
            NumberFormat.appendShortest(gradients[variable.node], to: &output)
        }
        output.append(UInt8(ascii: "\n"))
        return []
    }

    /// Finds the row's fields (trimmed of spaces and carriage returns, a simple quoted
    /// field without its quotes) and stores their numbers in `variables`; false, storing
    /// perhaps some, unless the row is ASCII, its quoted fields hold nothing the string
    /// path would write quoted (`DelimitedText.fields` reads those), it has one field per
    /// column, and every field that binds a variable is a plain decimal.
    private mutating func readPlainFields(of row: UnsafeBufferPointer<UInt8>, separator: UInt8, into fields: inout [Range<Int>]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\"")
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == 13 }
        var start = 0
        while true {
            var (low, high, end) = (start, start, start)
            while low < row.count, isBlank(row[low]) { low += 1 }
            if low < row.count, row[low] == quote {
                // A quoted field the string path would write back bare ("a1", "1.5"): no
                // quote, delimiter, non-ASCII byte or end blank inside, only blanks after it.
                high = low + 1
                while high < row.count, row[high] != quote {
                    if row[high] >= 0x80 || row[high] == separator { return false }
                    high += 1
                }
                guard high < row.count else { return false }
                end = high + 1
                while end < row.count, isBlank(row[end]) { end += 1 }
                guard end == row.count || row[end] == separator else { return false }
                low += 1
                if high > low, isBlank(row[low]) || isBlank(row[high - 1]) { return false }
            } else {
                end = low
                while end < row.count, row[end] != separator {
                    if row[end] >= 0x80 || row[end] == quote { return false }
                    end += 1
                }
                high = end
                while high > low, isBlank(row[high - 1]) { high -= 1 }
            }
            // A carried column is copied, not read.
            guard fields.count < columnSlots.count else { return false }
            if let slot = columnSlots[fields.count] {
                guard let value = PlainDecimal.parse(UnsafeBufferPointer(rebasing: row[low..<high])) else { return false }
                variables[slot] = value
            }
            fields.append(low..<high)
            if end == row.count { break }
            start = end + 1
        }
        return fields.count == columnSlots.count
    }
}
