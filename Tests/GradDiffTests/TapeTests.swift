import Foundation
import Testing
@testable import GradDiff

/// An expression whose graph has fan-out (a node used more than once), with its value
/// and gradients worked out by hand.
struct FanOutCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var point: [String: Double]
    var value: Double
    var gradients: [String: Double]
    var testDescription: String { expression }
}

/// Permanent regression cases: each is where a tape that forgets to *add* gradients
/// (or adds them twice) goes wrong.
let fanOutCases: [FanOutCase] = [
    FanOutCase(expression: "x*x", point: ["x": 3], value: 9, gradients: ["x": 6]),
    FanOutCase(expression: "x+x", point: ["x": 3], value: 6, gradients: ["x": 2]),
    FanOutCase(expression: "(x+y)*(x+y)", point: ["x": 1, "y": 2], value: 9, gradients: ["x": 6, "y": 6]),
    FanOutCase(expression: "x*x*x", point: ["x": 2], value: 8, gradients: ["x": 12]),
    FanOutCase(expression: "x-x", point: ["x": 5], value: 0, gradients: ["x": 0]),
    FanOutCase(expression: "x/x", point: ["x": 4], value: 1, gradients: ["x": 0]),
    FanOutCase(expression: "(x+y)*(x+y) + (x+y)", point: ["x": 1, "y": 2], value: 12, gradients: ["x": 7, "y": 7]),
    FanOutCase(expression: "(x*y)*(x*y)", point: ["x": 2, "y": 3], value: 36, gradients: ["x": 36, "y": 24]),
    FanOutCase(expression: "sin(x)*sin(x)", point: ["x": 0.7], value: sin(0.7) * sin(0.7), gradients: ["x": sin(1.4)]),
    FanOutCase(expression: "exp(x)*exp(x)", point: ["x": 0.3], value: exp(0.6), gradients: ["x": 2 * exp(0.6)]),
    FanOutCase(expression: "x^x", point: ["x": 2], value: 4, gradients: ["x": 4 * (log(2.0) + 1)]),
    FanOutCase(expression: "max(x, x)", point: ["x": -1.5], value: -1.5, gradients: ["x": 1]),
    FanOutCase(expression: "hypot(x, x)", point: ["x": 3], value: 3 * 2.0.squareRoot(), gradients: ["x": 2.0.squareRoot()]),
    FanOutCase(expression: "(x+y)*(x-y)", point: ["x": 5, "y": 2], value: 21, gradients: ["x": 10, "y": -4]),
    FanOutCase(expression: "x*y + x*y + x*y", point: ["x": 2, "y": 7], value: 42, gradients: ["x": 21, "y": 6]),
]

struct TapeTests {
    @Test(arguments: fanOutCases)
    func fanOut(_ fanOut: FanOutCase) throws {
        for merging in [true, false] {
            let result = try parseAndDifferentiate(fanOut.expression, fanOut.point, merging: merging)
            let value = result.values[Int(result.output)]
            #expect(isClose(value, fanOut.value, relative: 1e-14), "value (merging: \(merging))")
            for (name, expected) in fanOut.gradients {
                let slot = try #require(result.tape.variableSlot(named: name))
                let actual = result.gradients[Int(result.tape.variableNodes[slot])]
                #expect(isClose(actual, expected, relative: 1e-14, absolute: 1e-15),
                        "d/d\(name) = \(actual), expected \(expected) (merging: \(merging))")
            }
        }
    }

    @Test func sharedSubexpressionIsOneNodeWhoseGradientSumsBothPaths() throws {
        let result = try parseAndDifferentiate("(x+y)*(x+y)", ["x": 1, "y": 2])
        let tape = result.tape
        #expect(tape.ops == [.variable, .variable, .add, .multiply])
        #expect(Array(tape.inputs(of: 3)) == [2, 2])
        #expect(result.output == 3)
        #expect(result.gradients[2] == 6)  // 2·(x + y): one path through each input of the product
        #expect(result.gradients[0] == 6 && result.gradients[1] == 6)
    }

    @Test func unmergedGraphDuplicatesTheSubexpression() throws {
        let result = try parseAndDifferentiate("(x+y)*(x+y)", ["x": 1, "y": 2], merging: false)
        let tape = result.tape
        // Variables are one node per name either way; the sums are two nodes.
        #expect(tape.ops == [.variable, .variable, .add, .add, .multiply])
        #expect(Array(tape.inputs(of: 4)) == [2, 3])
        #expect(result.gradients[2] == 3 && result.gradients[3] == 3)
        #expect(result.gradients[0] == 6)
    }

    static let mergeComparisons = [
        "(x+y)*(x+y)", "x*x", "x+x", "sin(x*y) + cos(x*y)*sin(x*y)", "2*x + 2*y + 2*(x+y)",
        "exp(-(x-y)^2) * (x-y)^2 / (1 + (x-y)^2)", "sigmoid(x*y + 1) * (1 - sigmoid(x*y + 1))",
        "log(1 + exp(x)) - log(1 + exp(x)) * x", "hypot(x+y, x-y) * atan2(x+y, x-y)",
    ]

    @Test("merged and unmerged tapes agree", arguments: mergeComparisons)
    func mergedAndUnmergedAgree(_ expression: String) throws {
        let point = ["x": 0.7, "y": -1.3]
        let merged = try parseAndDifferentiate(expression, point, merging: true)
        let unmerged = try parseAndDifferentiate(expression, point, merging: false)
        #expect(merged.tape.count <= unmerged.tape.count)
        #expect(merged.tape.variableNames == unmerged.tape.variableNames)
        #expect(merged.values[Int(merged.output)].bitPattern == unmerged.values[Int(unmerged.output)].bitPattern)
        for slot in merged.tape.variableNames.indices {
            let a = merged.gradients[Int(merged.tape.variableNodes[slot])]
            let b = unmerged.gradients[Int(unmerged.tape.variableNodes[slot])]
            // Summing before or after multiplying by a shared partial rounds differently.
            #expect(isClose(a, b, relative: 1e-14, absolute: 1e-15), "d/d\(merged.tape.variableNames[slot]): \(a) vs \(b)")
        }
    }

    @Test func mergingActuallyHappens() throws {
        // Each repeated subexpression is found, including repeated constants.
        let merged = try parseAndDifferentiate("2*x + 2*y + 2*(x+y) + (x+y)", ["x": 1, "y": 1])
        #expect(merged.tape.ops.filter { $0 == .constant }.count == 1)
        #expect(merged.tape.ops.filter { $0 == .add }.count == 4)
        let unmerged = try parseAndDifferentiate("2*x + 2*y + 2*(x+y) + (x+y)", ["x": 1, "y": 1], merging: false)
        #expect(unmerged.tape.ops.filter { $0 == .constant }.count == 3)
        #expect(unmerged.tape.ops.filter { $0 == .add }.count == 5)
    }

    @Test func constantsMergeBitForBit() throws {
        // 0 and -0 are different constants: merging them would turn inf - (-inf) into nan.
        let result = try parseAndDifferentiate("1/0 - 1/-0")
        #expect(result.values[Int(result.output)] == .infinity)
        #expect(result.tape.constants.count == 3)
    }

    @Test func tapeIsInTopologicalOrder() throws {
        let programs = [
            "(x+y)*z", "sin(x)^2 + cos(x)^2", "f(a, b) = a*b + sin(a)\nf(x, y) * f(y, x)",
            "p = x + y; q = p * p; r = q / (1 + p); max(r, q) - min(p, x)",
            "a = -4; b = 2; c = a + b; d = a*b + b^3; c = c + c + 1; e = c - d; e^2",
        ]
        for text in programs {
            let tape = try parseProgram(text).tape
            #expect(tape.count > 0)
            for id in 0..<tape.count {
                for input in tape.inputs(of: NodeID(id)) {
                    #expect(input >= 0 && Int(input) < id, "node \(id) reads node \(input) in \(text)")
                }
                let inputs = tape.inputs(of: NodeID(id))
                #expect(inputs.count == tape.ops[id].arity)
                #expect(Array(inputs) == [tape.first[id], tape.second[id]].prefix(tape.ops[id].arity).map { $0 })
                #expect(inputs.description == Array(inputs).description)
            }
            for (slot, node) in tape.variableNodes.enumerated() {
                #expect(tape.ops[Int(node)] == .variable)
                #expect(Int(tape.first[Int(node)]) == slot)
            }
            #expect(tape.variableNames.count == tape.variableNodes.count)
            #expect(Set(tape.variableNames).count == tape.variableNames.count, "a name read by two nodes")
        }
    }

    @Test func labels() throws {
        let program = try parseProgram("p = x + 2.5; p * y + 1")
        let tape = program.tape
        #expect((0..<tape.count).map { tape.label(of: NodeID($0)) } == ["x", "2.5", "p", "y", "n4", "1", "n6"])
        #expect(tape.name(of: 2) == "p")
        #expect(tape.name(of: 1) == nil)
        #expect(tape.name(of: 4) == nil)
    }

    @Test func incrementalParsingMergesWithEarlierNodes() throws {
        var program = try parseProgram("p = x + y")
        try ProgramParser.parse(SourceText(name: "line 2", text: "q = x + y; q * 2"), into: &program)
        #expect(program.names["q"] == program.names["p"])
        #expect(program.tape.ops == [.variable, .variable, .add, .constant, .multiply])
    }

    @Test func droppedConstantNodesDoNotLinger() throws {
        // `k = 2*3` declares an input; its scratch nodes are removed from the tape and
        // from the merge table, so the next statement builds 2*3 afresh.
        let program = try parseProgram("k = 2*3; 2*3*k")
        #expect(program.tape.ops == [.variable, .constant, .constant, .multiply, .multiply])
        let evaluation = try Evaluation.run(program, bindings: [])
        #expect(evaluation.value == 36)
        #expect(evaluation.gradient("k") == 6)
    }

    @Test func manyDroppedConstantStatements() throws {
        // Constant declarations and expressions reusing their constants, interleaved so
        // that the merge table sees many insertions and removals.
        var statements: [String] = []
        var expected = 0.0
        let x = 2.0
        for i in 0..<80 {
            statements.append("k\(i) = \(i) * 0.25 + 1")
            statements.append("s\(i) = x * \(i) * 0.25 + 1 + k\(i)")
            expected += (x * Double(i) * 0.25 + 1) + (Double(i) * 0.25 + 1)
        }
        statements.append((0..<80).map { "s\($0)" }.joined(separator: " + "))
        let evaluation = try evaluate(statements.joined(separator: "\n"), "x=2")
        #expect(isClose(evaluation.value, expected, relative: 1e-14))
        #expect(evaluation.gradient("x") == (0..<80).reduce(0.0) { $0 + Double($1) * 0.25 })
        #expect(evaluation.tape.variableNames.count == 81)
        for i in [0, 7, 79] {
            #expect(evaluation.gradient("k\(i)") == 1)
            #expect(evaluation.value(of: "k\(i)") == Double(i) * 0.25 + 1)
        }
        // Every node is reachable from some statement: no orphans left by truncation.
        let reaches = evaluation.result.reachesOutput
        #expect(reaches.allSatisfy { $0 })
    }

    @Test func backwardPassFromAnInnerNode() throws {
        let evaluation = try evaluate("p = x * 2; q = p + y; q", "x=3 y=4", output: "p")
        #expect(evaluation.value == 6)
        #expect(evaluation.gradient("x") == 2)
        #expect(evaluation.gradient("y") == 0)
        #expect(evaluation.gradient("q") == 0)
    }

    @Test func forwardPassResizesItsBuffer() throws {
        let tape = try parseProgram("x * y + 1").tape
        var values = [Double](repeating: 99, count: 2)
        ForwardPass.run(tape, variables: [2, 5], into: &values)
        #expect(values.count == tape.count)
        #expect(values.last == 11)
    }

    @Test func finiteDifferencesOfAKnownFunction() throws {
        let result = try parseAndDifferentiate("x^3 + 10*y", ["x": 2, "y": -70])
        let estimate = FiniteDifferences.gradient(result.tape, variables: [2, -70], output: result.output)
        #expect(estimate.count == 2)
        #expect(isClose(estimate[0], 12, relative: 1e-8))
        #expect(isClose(estimate[1], 10, relative: 1e-8))
        #expect(FiniteDifferences.step(for: 0.5) == FiniteDifferences.defaultStep)
        #expect(FiniteDifferences.step(for: -700) == 700 * FiniteDifferences.defaultStep)
    }

    /// Notes are stored only up to the last noted node: nodes before it and after it
    /// have none, and a note taken back with its node does not come back with a new one.
    @Test func notesBelongToTheirNodesOnly() {
        var builder = TapeBuilder()
        let span = SourceSpan(start: 0, end: 1)
        let x = builder.variable("x", at: span)
        let y = builder.apply(.sin, x, at: span)
        let z = builder.apply(.cos, y, at: span)
        builder.note(z, function: 0, bodyNode: 1) { "f: cos(a)" }
        let w = builder.apply(.exp, z, at: span)
        #expect(builder.tape.note(of: z) == "f: cos(a)")
        #expect([x, y, w].allSatisfy { builder.tape.note(of: $0) == nil })
        builder.truncate(to: Int(z))
        let again = builder.apply(.cos, y, at: span)
        #expect(again == z && builder.tape.note(of: again) == nil)
    }

    /// A remembered variable node is used only while that node still reads the name: not
    /// another name's node, not a node taken back and made again for another name.
    @Test func aVariableHintHoldsOnlyWhileItsNodeReadsTheName() {
        var builder = TapeBuilder()
        let span = SourceSpan(start: 0, end: 1)
        let x = builder.variable("x", at: span)
        let sine = builder.apply(.sin, x, at: span)
        #expect(builder.isVariable(x, named: "x"))
        #expect(!builder.isVariable(x, named: "y") && !builder.isVariable(sine, named: "x"))
        #expect(!builder.isVariable(-1, named: "x") && !builder.isVariable(NodeID(builder.tape.count), named: "x"))
        builder.truncate(to: 0)
        let y = builder.variable("y", at: span)
        #expect(y == x && !builder.isVariable(x, named: "x") && builder.isVariable(y, named: "y"))
    }

    /// Names beyond the parser's few remembered ones (`RecentNames`) come back after being
    /// forgotten: each still reads its one variable node, in a sum that reads each twice.
    @Test func manyNamesReadAgainFindTheirOneNode() throws {
        let names = (1...20).map { "v\($0)" }
        let text = (names + names.reversed() + names).joined(separator: " + ")
        let evaluation = try evaluate(text, names.enumerated().map { "\($1)=\($0)" }.joined(separator: " "))
        #expect(evaluation.tape.variableNames == names)
        #expect(evaluation.value == 3 * Double((0..<20).reduce(0, +)))
        #expect(names.allSatisfy { evaluation.gradient($0) == 3 })
    }

    /// Names whose lengths differ by 256 and whose first seven bytes agree are two
    /// names, either way round (a remembered name's key once kept its length mod 256, so
    /// `abcdefg` after a 263-byte `abcdefgqq…` was read as the long one).
    @Test func namesAlikeButForLengthStayApart() throws {
        for long in ["abcdefg" + String(repeating: "q", count: 256), "abcdefgh" + String(repeating: "q", count: 256)] {
            let short = String(long.prefix(long.count - 256))
            for text in ["\(long) + 2*\(short)", "\(short) + 2*\(long)"] {
                let evaluation = try evaluate(text, "\(short)=1 \(long)=100")
                #expect(Set(evaluation.tape.variableNames) == [short, long], "\(text.prefix(20))")
                #expect(evaluation.value == (text.hasPrefix(long) ? 102 : 201))
            }
        }
    }
}
