import Foundation
import Testing
@testable import GradDiff

/// Random smooth expressions over x, y, z, built so that every function stays inside
/// its domain (log and sqrt of positive arguments, denominators at least 1.5, powers with
/// a variable exponent on a base of at least 1). Deterministic: a seed replays a case.
struct ExpressionGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func leaf() -> String {
        let leaves = ["x", "y", "z", "x", "y", "z", "0.5", "2", "3", "-1.5", "0.25", "pi"]
        return leaves[random.below(leaves.count)]
    }

    mutating func expression(depth: Int) -> String {
        if depth == 0 || random.below(5) == 0 { return leaf() }
        let a = expression(depth: depth - 1)
        switch random.below(30) {
        case 0, 1: return "(\(a) + \(expression(depth: depth - 1)))"
        case 2, 3: return "(\(a) - \(expression(depth: depth - 1)))"
        case 4, 5: return "(\(a)) * (\(expression(depth: depth - 1)))"
        case 6: return "(\(a)) / (1.5 + (\(expression(depth: depth - 1)))^2)"
        case 7: return "(\(a))^2"
        case 8: return "(\(a))**3"
        case 9: return "(1 + (\(a))^2)^sin(\(expression(depth: depth - 1)))"
        case 10: return "sin(\(a))"
        case 11: return "cos(\(a))"
        case 12: return "tanh(\(a))"
        case 13: return "atan(\(a))"
        case 14: return "sigmoid(\(a))"
        case 15: return "softplus(\(a))"
        case 16: return "exp(\(a))"
        case 17: return "log(1 + (\(a))^2)"
        case 18: return "sqrt(1 + (\(a))^2)"
        case 19: return "hypot(\(a), 1 + (\(expression(depth: depth - 1)))^2)"
        case 20: return "-(\(a))"
        case 21: return "cbrt(2 + (\(a))^2)"
        case 22: return "atan2(\(a), 2 + (\(expression(depth: depth - 1)))^2)"
        case 23: return "sinh(tanh(\(a))) + cosh(tanh(\(a)))"
        case 24: return "log2(1 + (\(a))^2) - ln(2 + sin(\(a)))"
        case 25: return "log10(2 + cos(\(a)))"
        case 26: return "asin(tanh(\(a))/2) + acos(sigmoid(\(a)) - 0.5)"
        case 27: return "tan(atan(\(a))/2)"
        // Repeat a subexpression so the tape merges it and its gradient sums paths.
        case 28: return "((\(a)) * (\(a)) + (\(a)))"
        default: return "pow(2 + sin(\(a)), \(expression(depth: depth - 1)))"
        }
    }

    mutating func point() -> [String: Double] {
        ["x": random.uniform(-2, 2), "y": random.uniform(-2, 2), "z": random.uniform(-2, 2)]
    }
}

struct PropertyTests {
    static let baseSeed: UInt64 = 0x6AD_D1FF
    static let expressionCount = 400
    static let pointsPerExpression = 3

    /// Where central differences with step h and 2h agree with each other, reverse mode
    /// must agree with them: within 1e-5 relative plus 1e-6·max(1, |f|) absolute, which
    /// is far above the O(h²) truncation and ε·|f|/h rounding of the estimate.
    static func agrees(_ reverse: Double, _ difference: Double, value: Double) -> Bool {
        isClose(reverse, difference, relative: 1e-5, absolute: 1e-6 * Swift.max(1, Swift.abs(value)))
    }

    @Test func reverseModeAgreesWithFiniteDifferences() throws {
        var checked = 0
        var skipped = 0
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            var parser = try Parser(source: SourceText(name: "seed \(seed)", text: text))
            let (output, _) = try parser.parseExpression()
            let tape = parser.context.builder.tape
            for _ in 0..<Self.pointsPerExpression {
                let point = generator.point()
                let variables = tape.variableNames.map { point[$0]! }
                let values = ForwardPass.run(tape, variables: variables)
                let value = values[Int(output)]
                let gradients = BackwardPass.run(tape, values: values, output: output)
                let reverse = tape.variableNodes.map { gradients[Int($0)] }
                guard value.isFinite, Swift.abs(value) < 1e6,
                      reverse.allSatisfy({ $0.isFinite && Swift.abs($0) < 1e6 }) else {
                    skipped += 1
                    continue
                }
                let fine = FiniteDifferences.gradient(tape, variables: variables, output: output)
                let coarse = FiniteDifferences.gradient(
                    tape, variables: variables, output: output, relativeStep: 2 * FiniteDifferences.defaultStep)
                for slot in tape.variableNames.indices {
                    // Where the two estimates disagree the function is too curved here for
                    // the estimate to be an oracle; such points are counted, not checked.
                    guard Self.agrees(fine[slot], coarse[slot], value: value) else {
                        skipped += 1
                        continue
                    }
                    checked += 1
                    #expect(Self.agrees(reverse[slot], fine[slot], value: value),
                            """
                            seed \(seed): d/d\(tape.variableNames[slot]) of \(text) at \(point): \
                            reverse mode \(reverse[slot]), central difference \(fine[slot])
                            """)
                }
            }
        }
        // The oracle must actually have been consulted for most points.
        #expect(checked > 2 * Self.expressionCount, "checked \(checked), skipped \(skipped)")
        #expect(skipped < checked / 10, "checked \(checked), skipped \(skipped)")
    }

    @Test func mergedAndUnmergedTapesAgree() throws {
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            let point = generator.point()
            let merged = try parseAndDifferentiate(text, point, merging: true)
            let unmerged = try parseAndDifferentiate(text, point, merging: false)
            let value = merged.values[Int(merged.output)]
            #expect(value.bitPattern == unmerged.values[Int(unmerged.output)].bitPattern, "seed \(seed): \(text)")
            #expect(merged.tape.variableNames == unmerged.tape.variableNames, "seed \(seed)")
            #expect(merged.tape.count <= unmerged.tape.count, "seed \(seed)")
            guard value.isFinite else { continue }
            for slot in merged.tape.variableNames.indices {
                let a = merged.gradients[Int(merged.tape.variableNodes[slot])]
                let b = unmerged.gradients[Int(unmerged.tape.variableNodes[slot])]
                // Sums of paths in another order round differently, by a few ulp of the terms.
                #expect(isClose(a, b, relative: 1e-10, absolute: 1e-9),
                        "seed \(seed): d/d\(merged.tape.variableNames[slot]) of \(text): \(a) merged, \(b) unmerged")
            }
        }
    }

    /// The `index`th case: its seed, a depth-4 expression and a point.
    static func generated(_ index: Int) -> (seed: UInt64, text: String, point: [String: Double]) {
        let seed = baseSeed &+ UInt64(index)
        var generator = ExpressionGenerator(seed: seed)
        let text = generator.expression(depth: 4)
        return (seed, text, generator.point())
    }

    @Test func backwardPassTwiceGivesIdenticalGradients() throws {
        for index in 0..<Self.expressionCount / 4 {
            let (seed, text, point) = Self.generated(index)
            let result = try parseAndDifferentiate(text, point)
            var buffer: [Double] = []
            BackwardPass.run(result.tape, values: result.values, output: result.output, into: &buffer)
            let first = buffer.map(\.bitPattern)
            BackwardPass.run(result.tape, values: result.values, output: result.output, into: &buffer)
            #expect(buffer.map(\.bitPattern) == first, "seed \(seed): the second pass accumulated into the first")
            #expect(result.gradients.map(\.bitPattern) == first, "seed \(seed)")
            #expect(buffer[Int(result.output)] == 1)
        }
    }

    /// The pass with its senders found once (as minimize and batch rows run it) gives the
    /// plain pass's gradients bit for bit, for the output and for inner nodes taken as
    /// the output (the nodes after them then send nothing).
    @Test func backwardPassWithSendersFoundOnceAgrees() throws {
        for index in 0..<Self.expressionCount / 4 {
            let (seed, text, point) = Self.generated(index)
            let result = try parseAndDifferentiate(text, point)
            let readers = result.tape.variableReaders()
            for output in Set([result.output, result.output / 2, 0]) {
                var plain: [Double] = [], once: [Double] = []
                BackwardPass.run(result.tape, values: result.values, output: output, into: &plain)
                let senders = BackwardPass.senders(result.tape, output: output, readers: readers)
                BackwardPass.run(result.tape, values: result.values, output: output, into: &once, senders: senders,
                                 readers: readers)
                #expect(once.map(\.bitPattern) == plain.map(\.bitPattern), "seed \(seed), output n\(output): \(text)")
            }
        }
    }

    @Test func printedTextParsesToTheSameTape() throws {
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            let point = generator.point()
            let original = try parseAndDifferentiate(text, point)
            let printed = NodeText(original.tape, maximumWidth: Int.max)[original.output]
            let reparsed = try parseAndDifferentiate(printed, point)
            #expect(reparsed.tape.ops == original.tape.ops, "seed \(seed): \(text) printed as \(printed)")
            #expect(reparsed.tape.first == original.tape.first, "seed \(seed): \(text) printed as \(printed)")
            #expect(reparsed.tape.second == original.tape.second, "seed \(seed): \(text) printed as \(printed)")
            let value = original.values[Int(original.output)]
            #expect(reparsed.values[Int(reparsed.output)].bitPattern == value.bitPattern, "seed \(seed): \(printed)")
        }
    }
}
