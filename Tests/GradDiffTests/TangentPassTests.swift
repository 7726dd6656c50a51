import Foundation
import Testing
@testable import GradDiff

/// Forward mode against reverse mode: a tangent along a direction is the gradient dotted
/// with that direction, for random expressions and every op, and kinks follow `--kink`
/// alike in both.
struct TangentPassTests {
    static let baseSeed: UInt64 = 0x7A_46E7
    static let expressionCount = 300

    @Test func tangentsEqualGradientsDottedWithTheDirection() throws {
        for index in 0..<Self.expressionCount {
            let seed = Self.baseSeed &+ UInt64(index)
            var generator = ExpressionGenerator(seed: seed)
            let text = generator.expression(depth: 4)
            let evaluation = try evaluate(text, SymbolicBackwardPassTests.bindings(generator.point()))
            let direction = evaluation.tape.variableNames.map { _ in generator.random.uniform(-2, 2) }
            let tangents = TangentPass.run(evaluation.tape, values: evaluation.values, direction: direction)
            var dot = 0.0
            for (slot, gradient) in evaluation.variableGradients.enumerated() { dot += gradient * direction[slot] }
            let scale = evaluation.variableGradients.enumerated().map { Swift.abs($1 * direction[$0]) }.reduce(0, +)
            #expect(isClose(tangents[Int(evaluation.output)], dot, relative: 1e-12, absolute: 1e-12 * scale),
                    "seed \(seed): \(text) along \(direction): forward \(tangents[Int(evaluation.output)]), reverse \(dot)")
        }
    }

    /// Every op, each input moved alone: the tangent is that input's gradient exactly
    /// (one product of the same partial with 1).
    @Test(arguments: OpRuleTests.opsWithInputs)
    func everyOpAgreesWithTheBackwardPass(_ op: Op) throws {
        for (a, b) in OpRuleTests.domain(op) {
            var builder = TapeBuilder()
            let x = builder.variable("x", at: SourceSpan(start: 0, end: 0))
            let y = builder.variable("y", at: SourceSpan(start: 0, end: 0))
            let node = builder.apply(op, x, op.arity == 2 ? y : -1, at: SourceSpan(start: 0, end: 0))
            let tape = builder.tape
            let values = ForwardPass.run(tape, variables: [a, b])
            let gradients = BackwardPass.run(tape, values: values, output: node)
            for slot in 0..<(op.arity) {
                let tangent = TangentPass.run(tape, values: values, direction: TangentPass.unit(slot, of: 2))[Int(node)]
                let gradient = gradients[Int(tape.variableNodes[slot])]
                #expect(tangent == gradient || tangent.isNaN && gradient.isNaN, "\(op.name) at (\(a), \(b)), input \(slot)")
            }
        }
    }

    @Test(arguments: KinkConvention.allCases.filter { $0 != .error })
    func kinksFollowTheConventionInBothModes(_ kinks: KinkConvention) throws {
        for text in ["abs(x) + relu(y)", "max(x, y) * 3", "min(x, y) - abs(x - y)"] {
            let program = try parseProgram(text)
            let output = try #require(program.output)
            let result = PassResult(program.tape, output: output, variables: [0, 0], kinks: kinks)
            for slot in 0..<2 {
                let tangent = TangentPass.run(result.tape, values: result.values, direction: TangentPass.unit(slot, of: 2),
                                              kinks: kinks)[Int(output)]
                #expect(tangent == result.variableGradients[slot], "\(text), --kink \(kinks.rawValue), input \(slot)")
            }
        }
    }

    @Test func aStillInputSendsNothingEvenWhereItsPartialIsNaN() throws {
        // ∂(x^2)/∂2 is nan at x = -3 (log of a negative base), but the constant never moves.
        let evaluation = try evaluate("x^2", "x=-3")
        let tangents = TangentPass.run(evaluation.tape, values: evaluation.values, direction: [1])
        #expect(tangents[Int(evaluation.output)] == -6)
    }

    @Test func theJacobianIsTheSameInBothModesAndTheCheaperIsChosen() throws {
        let evaluation = try evaluate("p = x + y; q = p * z; r = sin(q) + x", "x=1 y=3 z=-3")
        let outputs = try evaluation.program.outputNodes(named: "p, q, r")
        let forward = OutputJacobian(evaluation.tape, values: evaluation.values, outputs: outputs, slots: [0, 1, 2], mode: .forward)
        let reverse = OutputJacobian(evaluation.tape, values: evaluation.values, outputs: outputs, slots: [0, 1, 2], mode: .reverse)
        for row in 0..<3 {
            for column in 0..<3 { #expect(isClose(forward.matrix[row][column], reverse.matrix[row][column], relative: 1e-15)) }
        }
        #expect(reverse.matrix[2][0] == cos(-12.0) * -3 + 1)
        // Two outputs, one input: forward; one output, three inputs: reverse.
        let tall = OutputJacobian(evaluation.tape, values: evaluation.values, outputs: Array(outputs.prefix(2)), slots: [0], mode: nil)
        #expect(tall.mode == .forward)
        let wide = OutputJacobian(evaluation.tape, values: evaluation.values, outputs: [outputs[2]], slots: [0, 1, 2], mode: nil)
        #expect(wide.mode == .reverse)
        #expect(wide.costs.forwardMultiplyAdds == 3 * wide.costs.reverseMultiplyAdds)
    }

    @Test func directionsAreReadAndChecked() throws {
        let program = try parseProgram("x * y")
        #expect(try program.direction("y=2") == [0, 2])
        #expect(try program.direction(" x = 1 , y=-0.5") == [1, -0.5])
        #expect(userErrors { _ = try program.direction("") }.first?.diagnostic.message.contains("needs a direction") == true)
        #expect(userErrors { _ = try program.direction("q=1") }.first?.diagnostic.message == "--tangent names 'q', which is not a variable of the expression")
        #expect(userErrors { _ = try program.direction("x=1,x=2") }.count == 1)
        #expect(userErrors { _ = try program.direction("x") }.count == 1)
        #expect(try parseProgram("sin(t)").direction("") == [1])
    }
}
