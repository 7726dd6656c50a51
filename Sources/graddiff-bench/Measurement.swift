/// What one shape at one size cost: the tape's real size, the best time of each phase,
/// and the growth of peak resident memory across one parse + forward + backward.
struct Measurement {
    var shape: Shape
    /// The size asked for; `nodes` is what the tape really holds.
    var requestedNodes: Int
    var nodes: Int
    var textBytes: Int
    var parseNanoseconds: UInt64
    var forwardNanoseconds: UInt64
    var backwardNanoseconds: UInt64
    var peakBytesBeyondText: Int

    var totalNanoseconds: UInt64 { parseNanoseconds + forwardNanoseconds + backwardNanoseconds }
    var backwardPerForward: Double { Double(backwardNanoseconds) / Double(max(forwardNanoseconds, 1)) }
    var nanosecondsPerNode: Double { Double(totalNanoseconds) / Double(max(nodes, 1)) }
    var bytesPerNode: Double { Double(peakBytesBeyondText) / Double(max(nodes, 1)) }
}

/// The one line a measuring child prints and its parent reads back:
/// `nodes=… text_bytes=… parse_ns=… forward_ns=… backward_ns=… peak_bytes=…`.
extension Measurement {
    var line: String {
        "nodes=\(nodes) text_bytes=\(textBytes) parse_ns=\(parseNanoseconds) forward_ns=\(forwardNanoseconds)"
            + " backward_ns=\(backwardNanoseconds) peak_bytes=\(peakBytesBeyondText)"
    }

    init?(shape: Shape, requestedNodes: Int, line: String) {
        var fields: [Substring: Int] = [:]
        for field in line.split(separator: " ") {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]) else { return nil }
            fields[parts[0]] = value
        }
        guard let nodes = fields["nodes"], let textBytes = fields["text_bytes"],
            let parse = fields["parse_ns"], let forward = fields["forward_ns"],
            let backward = fields["backward_ns"], let peak = fields["peak_bytes"]
        else { return nil }
        self.init(
            shape: shape, requestedNodes: requestedNodes, nodes: nodes, textBytes: textBytes,
            parseNanoseconds: UInt64(parse), forwardNanoseconds: UInt64(forward),
            backwardNanoseconds: UInt64(backward), peakBytesBeyondText: peak)
    }
}
