/// The benchmark's table: one row per shape and size, printed as each finishes (the
/// full run takes a while, and a partial table is better than none if it is stopped).
enum ResultsTable {
    private static let columns: [(title: String, width: Int)] = [
        ("shape", 8), ("nodes", 10), ("parse ms", 10), ("forward ms", 11), ("backward ms", 12),
        ("total ms", 10), ("bwd/fwd", 8), ("ns/node", 8), ("bytes/node", 11),
    ]

    static var header: String {
        let titles = columns.enumerated().map { index, column in
            index == 0 ? padRight(column.title, column.width) : padLeft(column.title, column.width)
        }
        return titles.joined(separator: " ") + "\n" + String(repeating: "-", count: titles.joined(separator: " ").count)
    }

    static func row(_ measurement: Measurement) -> String {
        let cells = [
            measurement.shape.rawValue,
            "\(measurement.nodes)",
            milliseconds(measurement.parseNanoseconds),
            milliseconds(measurement.forwardNanoseconds),
            milliseconds(measurement.backwardNanoseconds),
            milliseconds(measurement.totalNanoseconds),
            FixedPoint.format(measurement.backwardPerForward, decimals: 2),
            FixedPoint.format(measurement.nanosecondsPerNode, decimals: 1),
            FixedPoint.format(measurement.bytesPerNode, decimals: 1),
        ]
        return zip(columns, cells).enumerated().map { index, pair in
            index == 0 ? padRight(pair.1, pair.0.width) : padLeft(pair.1, pair.0.width)
        }.joined(separator: " ")
    }

    static func failedRow(_ shape: Shape, requestedNodes: Int, reason: String) -> String {
        padRight(shape.rawValue, columns[0].width) + " " + padLeft("~\(requestedNodes)", columns[1].width) + "  failed: " + reason
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        FixedPoint.format(Double(nanoseconds) / 1e6, decimals: 3)
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
