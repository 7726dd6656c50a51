import Testing
@testable import GradDiff

/// Element names are written byte by byte (`TensorShape.elementName`); they must be what
/// string interpolation writes, for every shape, index and name.
struct TensorShapeTests {
    /// What the names were before they were written byte by byte.
    private func interpolated(_ name: String, _ shape: TensorShape, _ flat: Int) -> String {
        switch shape.rank {
        case 0: return name
        case 1: return "\(name)[\(flat + 1)]"
        default: return "\(name)[\(flat / shape.columns + 1),\(flat % shape.columns + 1)]"
        }
    }

    @Test func elementNamesAreTheInterpolatedOnes() {
        let shapes: [TensorShape] = [.scalar, .vector(1), .vector(12), .vector(1_000_001), .matrix(1, 1), .matrix(3, 7),
                                     .matrix(128, 784), .matrix(99_999, 100_001)]
        // Short names stay inline in the string, long and non-ASCII ones do not.
        let names = ["", "W", "W1", "θ", "变量", "a_rather_long_weight_name", "x′"]
        var generator = SplitMix64(seed: 18)
        for shape in shapes {
            let picks = [0, shape.count - 1] + (0..<20).map { _ in Int.random(in: 0..<shape.count, using: &generator) }
            for name in names {
                for flat in picks {
                    #expect(shape.elementName(name, flat) == interpolated(name, shape, flat), "\(name) \(shape) \(flat)")
                    #expect(shape.indexText(flat) == interpolated("", shape, flat))
                }
            }
        }
        #expect(TensorShape.matrix(128, 784).elementName("W1", 128 * 784 - 1) == "W1[128,784]")
        #expect(TensorShape.vector(10).elementName("b", 9) == "b[10]")
        #expect(TensorShape.matrix(99_999, 100_001).elementName("W", 99_999 * 100_001 - 1) == "W[99999,100001]")
    }
}
