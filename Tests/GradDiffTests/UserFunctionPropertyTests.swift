import Foundation
import Testing
@testable import GradDiff

/// Programs of user functions that call each other, against the same program with every
/// call written out by hand: expanding a call (the body's own calls only when it is
/// called) must give the values and gradients of the text it stands for.
struct UserFunctionPropertyTests {
    static let baseSeed: UInt64 = 0xF0_CA11
    static let programCount = 150

    /// One function `f<i>(a, b) = (e1) * f<j>(e2, e3) + (e4)`, or `e1` for the first:
    /// expressions over the parameters a and b and the program's input z.
    struct Definition {
        var parts: [String]
        var callee: Int?
    }

    /// An expression of the generator's over x and y made one over the parameters a and b.
    static func overParameters(_ generator: inout ExpressionGenerator, depth: Int) -> String {
        renamed(generator.expression(depth: depth), ["x": "a", "y": "b"])
    }

    /// `text` with each whole-word name in `names` replaced (function names such as
    /// `atan` keep their letters).
    static func renamed(_ text: String, _ names: [String: String]) -> String {
        var result = ""
        var word = ""
        for character in text + " " {
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
                continue
            }
            result += names[word] ?? word
            word = ""
            result.append(character)
        }
        return String(result.dropLast())
    }

    static func body(_ definition: Definition, index: Int) -> String {
        guard let callee = definition.callee else { return definition.parts[0] }
        let p = definition.parts
        return "(\(p[0])) * f\(callee)(\(p[1]), \(p[2])) + (\(p[3]))"
    }

    /// The call `f<index>(a, b)` written out: the body with the arguments in place of the
    /// parameters, and its own call written out the same way.
    static func expanded(_ definitions: [Definition], _ index: Int, _ a: String, _ b: String) -> String {
        let definition = definitions[index]
        let substitute = { (text: String) in renamed(text, ["a": "(\(a))", "b": "(\(b))"]) }
        guard let callee = definition.callee else { return "(\(substitute(definition.parts[0])))" }
        let p = definition.parts.map(substitute)
        return "((\(p[0])) * \(expanded(definitions, callee, p[1], p[2])) + (\(p[3])))"
    }

    @Test func expandedCallsAgreeWithTheTextWrittenOut() throws {
        for index in 0..<Self.programCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            var definitions: [Definition] = [Definition(parts: [Self.overParameters(&generator, depth: 2)], callee: nil)]
            for i in 1..<4 {
                let parts = (0..<4).map { _ in Self.overParameters(&generator, depth: 1) }
                definitions.append(Definition(parts: parts, callee: generator.random.below(i)))
            }
            let program = definitions.indices.map { "f\($0)(a, b) = \(Self.body(definitions[$0], index: $0))" }
                .joined(separator: "\n") + "\nf3(x, y) + f2(y, z) * f1(z, x)"
            let written = "\(Self.expanded(definitions, 3, "x", "y")) + \(Self.expanded(definitions, 2, "y", "z")) * \(Self.expanded(definitions, 1, "z", "x"))"
            let point = generator.point()
            let bindings = "x=\(point["x"]!) y=\(point["y"]!) z=\(point["z"]!)"
            let called = try evaluate(program, bindings)
            let byHand = try evaluate(written, bindings)
            #expect(called.value.bitPattern == byHand.value.bitPattern, "seed \(seed): \(program)")
            guard called.value.isFinite else { continue }
            for name in ["x", "y", "z"] {
                // An argument the callee ignores leaves its variables on the caller's tape
                // (gradient 0) but out of the text written out.
                let (a, b) = (called.gradient(name) ?? 0, byHand.gradient(name) ?? 0)
                // The same paths, summed perhaps in another order.
                #expect(isClose(a, b, relative: 1e-10, absolute: 1e-9), "seed \(seed): d/d\(name) \(a) called, \(b) written out\n\(program)")
            }
        }
    }
}
