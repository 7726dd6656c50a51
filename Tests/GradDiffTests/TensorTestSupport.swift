import Foundation
import Testing
@testable import GradDiff

// Helpers for the tensor tests: a program evaluated with its bindings' shapes, and the
// values and gradients of a vector or matrix by name, read element by element from the
// tape (row-major), so that each test compares them with numbers it computes itself.

/// Parses `text` with `bindings` (which give free names their shapes) and evaluates it.
func evaluateTensors(_ text: String, _ bindings: [String] = [], output: String? = nil, seed: UInt64 = 1) throws -> Evaluation {
    let parsed = try bindings.map { try Binding.parse($0) }
    let program = try ProgramParser.parse(SourceText(name: "expression", text: text), bindings: parsed, seed: seed)
    return try Evaluation.run(program, bindings: parsed, outputName: output)
}

extension Evaluation {
    /// The element nodes of the vector or matrix `name` (a step or an input), row-major.
    func elementNodes(_ name: String) throws -> [NodeID] {
        let tensors = program.tensors
        let id = try #require(tensors.scope[name] ?? tensors.input(named: name), "no vector or matrix named \(name)")
        return Array(tensors.elements(of: id))
    }

    func tensorValues(_ name: String) throws -> [Double] {
        try elementNodes(name).map { values[Int($0)] }
    }

    /// d output / d name[k] for each element, row-major.
    func tensorGradient(_ name: String) throws -> [Double] {
        try elementNodes(name).map { gradients[Int($0)] }
    }

    func tensorShape(_ name: String) throws -> [Int] {
        let tensors = program.tensors
        let id = try #require(tensors.scope[name] ?? tensors.input(named: name))
        return tensors[id].shape.dimensions
    }
}

/// Whether two lists of numbers agree element by element within `relative`.
func allClose(_ actual: [Double], _ expected: [Double], relative: Double = 1e-12, absolute: Double = 1e-14) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}

/// Plain row-major matrix arithmetic for the tests' own numbers.
enum Plain {
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// (m×k) · (k×n), row-major.
    static func product(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        (0..<(m * n)).map { index in
            let (i, j) = (index / n, index % n)
            return (0..<k).reduce(0) { $0 + a[i * k + $1] * b[$1 * n + j] }
        }
    }

    /// The transpose of an m×n matrix.
    static func transpose(_ a: [Double], m: Int, n: Int) -> [Double] {
        (0..<(m * n)).map { index in a[(index % m) * n + index / m] }
    }

    static func outer(_ a: [Double], _ b: [Double]) -> [Double] {
        a.flatMap { x in b.map { x * $0 } }
    }
}
