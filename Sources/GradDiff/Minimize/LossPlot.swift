#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--plot FILE.svg`: the loss curve as a standalone SVG document, drawn directly
/// (no plotting library). Step on the horizontal axis, the loss on a log scale on the
/// vertical one, one polyline vertex per logged step, the stop reason in the title.
/// A loss of 0 or below cannot sit on a log axis: it is drawn at the axis' floor.
public enum LossPlot {
    static let width = 640.0, height = 400.0
    static let left = 80.0, right = 20.0, top = 40.0, bottom = 50.0

    public static func svg(_ result: MinimizeResult, title: String) -> String {
        let points = result.history.map { (step: Double($0.step), loss: $0.loss) }
        let positive = points.map(\.loss).filter { $0 > 0 && $0.isFinite }
        let low = floor(log10(positive.min() ?? 1e-16))
        var high = ceil(log10(positive.max() ?? 1))
        if high <= low { high = low + 1 }
        let lastStep = max(points.map(\.step).max() ?? 1, 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ step: Double) -> Double { left + step / lastStep * plotWidth }
        func y(_ loss: Double) -> Double {
            let exponent = loss > 0 && loss.isFinite ? log10(loss) : low
            return top + (high - exponent) / (high - low) * plotHeight
        }
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(format(width))" height="\(format(height))" viewBox="0 0 \(format(width)) \(format(height))" font-family="sans-serif" font-size="12">
            <title>\(MarkupText.escaped(title))</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(format(width / 2))" y="22" text-anchor="middle" font-size="14">\(MarkupText.escaped(title))</text>

            """
        // Decade grid lines and labels on the log axis, at most about ten of them.
        let decades = Int(high - low)
        let every = max(1, (decades + 9) / 10)
        for exponent in stride(from: Int(low), through: Int(high), by: every) {
            let level = y(pow(10, Double(exponent)))
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(level))\" x2=\"\(format(width - right))\" y2=\"\(format(level))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(format(left - 6))\" y=\"\(format(level + 4))\" text-anchor=\"end\">1e\(exponent)</text>\n"
        }
        for tick in 0...4 {
            let step = (lastStep * Double(tick) / 4).rounded()
            svg += "<text x=\"\(format(x(step)))\" y=\"\(format(height - bottom + 16))\" text-anchor=\"middle\">\(Int(step))</text>\n"
        }
        svg += """
            <line x1="\(format(left))" y1="\(format(top))" x2="\(format(left))" y2="\(format(height - bottom))" stroke="black"/>
            <line x1="\(format(left))" y1="\(format(height - bottom))" x2="\(format(width - right))" y2="\(format(height - bottom))" stroke="black"/>
            <text x="\(format(left + plotWidth / 2))" y="\(format(height - 12))" text-anchor="middle">step</text>
            <text x="18" y="\(format(top + plotHeight / 2))" text-anchor="middle" transform="rotate(-90 18 \(format(top + plotHeight / 2)))">loss (log scale)</text>

            """
        let vertices = points.map { "\(format(x($0.step))),\(format(y($0.loss)))" }.joined(separator: " ")
        svg += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"\(vertices)\"/>\n"
        svg += "</svg>\n"
        return svg
    }

    private static func format(_ value: Double) -> String {
        NumberFormat.significant((value * 10).rounded() / 10, digits: 8)
    }
}
