/// Numbers with a fixed count of decimals (`12.345`), since `String(format:)` would
/// bring in Foundation for one function.
enum FixedPoint {
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((Swift.abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + "\(scaled)" }
        let fraction = String(scaled % scale)
        let padding = String(repeating: "0", count: decimals - fraction.count)
        return sign + "\(scaled / scale)." + padding + fraction
    }
}
