import Testing
@testable import GradDiff

// Helpers shared by the engine tests: closeness with a stated tolerance, and a short
// path from text to values and gradients through the real pipeline.

/// Whether `actual` is within `relative`·max(|actual|, |expected|) + `absolute` of
/// `expected`. Equal infinities are close; nan is close only to nan.
func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual.isInfinite || expected.isInfinite { return actual == expected }
    let scale = Swift.max(Swift.abs(actual), Swift.abs(expected))
    return Swift.abs(actual - expected) <= relative * scale + absolute
}

/// Whether `actual` is within `units` units in the last place of `expected` (a subnormal's
/// unit is the smallest double, 4.9e-324). Equal infinities agree; nan only with nan.
func isWithin(_ units: Double, ulpsOf expected: Double, _ actual: Double) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual.isInfinite || expected.isInfinite { return actual == expected }
    return Swift.abs(actual - expected) <= units * expected.ulp
}

/// Parses `bindings` written as on the command line, separated by spaces: `x=1 y=-3`.
func parseBindings(_ text: String) throws -> [Binding] {
    try text.split(separator: " ").map { try Binding.parse(String($0)) }
}

/// Parses `text` as a program (an expression is a one-statement program).
func parseProgram(_ text: String) throws -> Program {
    try ProgramParser.parse(SourceText(name: "expression", text: text))
}

/// Parses and evaluates `text` at `bindings` through `Evaluation.run`.
func evaluate(_ text: String, _ bindings: String = "", output: String? = nil) throws -> Evaluation {
    try Evaluation.run(parseProgram(text), bindings: parseBindings(bindings), outputName: output)
}

extension Evaluation {
    /// The output's value.
    var value: Double { values[Int(output)] }

    /// d output / d `name`, where `name` is an input or a named step.
    func gradient(_ name: String) -> Double? {
        if let slot = tape.variableSlot(named: name) { return gradients[Int(tape.variableNodes[slot])] }
        if let node = program.names[name] { return gradients[Int(node)] }
        return nil
    }

    /// The value of the input or named step `name`.
    func value(of name: String) -> Double? {
        if let node = program.names[name] { return values[Int(node)] }
        if let slot = tape.variableSlot(named: name) { return values[Int(tape.variableNodes[slot])] }
        return nil
    }

    /// Every warning's message.
    var warningMessages: [String] { warnings.map(\.diagnostic.message) }
}

/// The diagnostics a user error carries, or an empty list when `body` does not throw.
func userErrors(_ body: () throws -> Void) -> [LocatedDiagnostic] {
    do {
        try body()
        return []
    } catch let error as UserError {
        return error.diagnostics
    } catch {
        Issue.record("expected a UserError, got \(error)")
        return []
    }
}

/// Parses one expression with `Parser` alone and evaluates it at `variables` (by name).
/// Returns the tape, the output node, the node values and the node gradients.
func parseAndDifferentiate(
    _ text: String, _ variables: [String: Double] = [:], merging: Bool = true
) throws -> (tape: Tape, output: NodeID, values: [Double], gradients: [Double]) {
    var builder = TapeBuilder()
    builder.mergesIdenticalNodes = merging
    var parser = try Parser(source: SourceText(name: "expression", text: text), context: ParseContext(builder: builder))
    let (output, _) = try parser.parseExpression()
    #expect(parser.current.kind == .end, "the parser stopped early in \(text)")
    let tape = parser.context.builder.tape
    let point = try tape.variableNames.map { name in
        try #require(variables[name], "no value for \(name) in the test")
    }
    let values = ForwardPass.run(tape, variables: point)
    let gradients = BackwardPass.run(tape, values: values, output: output)
    return (tape, output, values, gradients)
}

