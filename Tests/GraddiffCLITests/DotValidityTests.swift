import Foundation
@testable import GradDiff
import Testing

/// Graphviz accepts every graph graddiff draws: 300 random expressions and programs
/// (every function, Unicode names, reassigned steps, constants), each through
/// `graddiff --format dot` (half with --dot-backward) and then `dot -Tsvg`. The
/// generator is seeded; a failure names its seed and the expression.
@Suite struct DotValidityTests {
    static let batches = 30
    static let expressionsPerBatch = 10

    @Test(arguments: 0..<batches)
    func randomGraphsParse(_ batch: Int) throws {
        guard Graphviz.isAvailable(), let dot = Graphviz.dot else { return }
        for index in 0..<Self.expressionsPerBatch {
            let seed = UInt64(batch * Self.expressionsPerBatch + index)
            var generator = RandomProgram(seed: seed)
            let (program, bindings) = generator.program()
            let options = seed % 2 == 0 ? ["--format", "dot"] : ["--format", "dot", "--dot-backward"]
            let graph = try GraddiffBinary.run(options + ["--", program] + bindings)
            try #require(graph.status == 0, "seed \(seed): graddiff failed on \(program): \(graph.stderr)")
            let drawing = try runProcess(dot, ["-Tsvg"], input: Data(graph.stdout.utf8))
            #expect(drawing.status == 0 && drawing.stderr.isEmpty,
                    "seed \(seed): dot rejected the graph of \(program) \(bindings): \(drawing.stderr)")
        }
    }
}

/// Random expressions and programs from a seeded SplitMix64 generator.
struct RandomProgram {
    private var generator: SplitMix64
    private var usedVariables: [String] = []

    /// The seed goes through a mixing step first: SplitMix64 states that differ by its
    /// increment would give the same sequence shifted by one.
    init(seed: UInt64) {
        var z = (seed &+ 1) &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 32)) &* 0xBF58_476D_1CE4_E5B9
        generator = SplitMix64(seed: z ^ (z >> 29))
    }

    static let variables = ["x", "y", "z", "θ", "x_1", "Δy", "w2", "élan"]
    static let constants = ["0", "1", "2", "0.5", "3.25", "1e-3", "pi", "e", "π"]
    static let unary = ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "ln",
                        "log2", "log10", "sqrt", "cbrt", "abs", "relu", "sigmoid", "softplus"]
    static let binaryFunctions = ["min", "max", "atan2", "hypot", "pow"]
    static let operators = ["+", "-", "*", "/", "^", "**"]

    private mutating func next() -> UInt64 { generator.next() }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[Int(next() % UInt64(choices.count))] }

    mutating func expression(depth: Int, names: [String] = []) -> String {
        if depth == 0 || next() % 4 == 0 {
            if !names.isEmpty && next() % 3 == 0 { return pick(names) }
            if next() % 3 == 0 { return pick(Self.constants) }
            let variable = pick(Self.variables)
            if !usedVariables.contains(variable) { usedVariables.append(variable) }
            return variable
        }
        switch next() % 5 {
        case 0: return "-(\(expression(depth: depth - 1, names: names)))"
        case 1: return "\(pick(Self.unary))(\(expression(depth: depth - 1, names: names)))"
        case 2:
            return "\(pick(Self.binaryFunctions))(\(expression(depth: depth - 1, names: names)), \(expression(depth: depth - 1, names: names)))"
        default:
            return "(\(expression(depth: depth - 1, names: names)) \(pick(Self.operators)) \(expression(depth: depth - 1, names: names)))"
        }
    }

    /// An expression or a program of named steps (some reassigned: `c`, then `c#2`),
    /// and a binding for every variable it reads.
    mutating func program() -> (text: String, bindings: [String]) {
        usedVariables = []
        var statements: [String] = []
        var names: [String] = []
        if next() % 2 == 0 {
            for _ in 0..<Int(1 + next() % 3) {
                let name = pick(["a", "b", "c", "α", "step_1"])
                statements.append("\(name) = \(expression(depth: 3, names: names))")
                if !names.contains(name) { names.append(name) }
            }
        }
        statements.append(expression(depth: 4, names: names))
        let bindings = usedVariables.map { "\($0)=\(Double(Int(next() % 400)) / 100 - 2)" }
        return (statements.joined(separator: "; "), bindings)
    }
}
