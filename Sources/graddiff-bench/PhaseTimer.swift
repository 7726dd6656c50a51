import GradDiff

/// Measures one shape at one size in this process: text → `ProgramParser.parse` →
/// `ForwardPass` → `BackwardPass`.
///
/// Memory first, while the process is fresh: peak resident size once the text exists,
/// and again after one parse, forward and backward. Then each phase is repeated and its
/// best time kept, the run least disturbed by whatever else shares the machine.
///
/// The passes are timed writing into buffers a first run allocated, as batch mode
/// reuses them: what is measured is the pass, not the page faults of a fresh 8 MB
/// array, whose cost depends on the allocator's state (after the parser frees its
/// scratch, one pass may find warm pages and the other cold ones).
enum PhaseTimer {
    /// Fewest runs of each phase; more follow while the phase's time budget lasts.
    static let minimumParseRuns = 3
    static let minimumPassRuns = 5

    static func measure(_ shape: Shape, nodes requestedNodes: Int) throws(UserError) -> Measurement {
        let text = shape.text(nodes: requestedNodes)
        let peakBefore = PeakMemory.residentBytes()
        let program = try parse(text)
        let tape = program.tape
        let output = program.output ?? NodeID(tape.count - 1)
        let inputs = inputValues(for: tape)
        var values: [Double] = []
        var gradients: [Double] = []
        ForwardPass.run(tape, variables: inputs, into: &values)
        BackwardPass.run(tape, values: values, output: output, into: &gradients)
        let peakAfter = PeakMemory.residentBytes()

        let parseTime = try BestTime.of(minimumRuns: minimumParseRuns, budgetNanoseconds: 1_000_000_000) { () throws(UserError) in
            // Returned, so the program is freed after the clock stops.
            try parse(text)
        }
        let forwardTime = BestTime.of(minimumRuns: minimumPassRuns, budgetNanoseconds: 300_000_000) {
            ForwardPass.run(tape, variables: inputs, into: &values)
        }
        let backwardTime = BestTime.of(minimumRuns: minimumPassRuns, budgetNanoseconds: 300_000_000) {
            BackwardPass.run(tape, values: values, output: output, into: &gradients)
        }
        return Measurement(
            shape: shape, requestedNodes: requestedNodes, nodes: tape.count, textBytes: text.count,
            parseNanoseconds: parseTime, forwardNanoseconds: forwardTime, backwardNanoseconds: backwardTime,
            peakBytesBeyondText: peakAfter - peakBefore)
    }

    /// Text → tape, including `SourceText`'s scan for line starts, as the command does.
    private static func parse(_ text: [UInt8]) throws(UserError) -> Program {
        try ProgramParser.parse(SourceText(name: "benchmark", bytes: text))
    }

    /// Inputs in [0.3, 0.8): away from the kinks of relu and abs, and small enough that
    /// sums of a million terms stay finite.
    private static func inputValues(for tape: Tape) -> [Double] {
        (0..<tape.variableNames.count).map { 0.3 + 0.5 * Double($0 % 8) / 8 }
    }
}
