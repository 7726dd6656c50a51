import Foundation
import Testing

/// Large programs through the binary: deep nesting and a million-term sum do not crash,
/// and --max-nodes stops a runaway program with the limit named.
@Suite struct CommandLineLimitTests {
    @Test func deepNestingAndLongSumsDoNotCrash() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        func run(_ program: String, _ arguments: [String]) throws -> GraddiffProcess.Result {
            let file = directory.appendingPathComponent("program.gd")
            try program.write(to: file, atomically: true, encoding: .utf8)
            return try GraddiffProcess.run(["-f", file.path] + arguments)
        }
        let depth = 100_000
        let nested = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "*2"
        let deep = try run(nested, ["-q", "--wrt", "x", "x=3"])
        #expect(deep.status == 0)
        #expect(deep.stdout == "2\n")
        var sum = "x"
        sum.reserveCapacity(4_000_000)
        for index in 1..<1_000_000 { sum += index % 2 == 0 ? "+x" : "+y" }
        let wide = try run(sum, ["-q", "--wrt", "x,y", "x=1", "y=2"])
        #expect(wide.status == 0)
        #expect(wide.stdout == "500000\n500000\n")
        let functions = String(repeating: "sin(", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(try run(functions, ["-q", "x=0.5"]).status == 0)
    }

    @Test func maxNodesStopsARunawayProgram() throws {
        // Every function calls the previous one twice: the graph doubles at each level.
        var program = "f1(x) = x*x + x"
        for level in 2...40 { program += "; f\(level)(x) = f\(level - 1)(f\(level - 1)(x))" }
        program += "; f40(x)"
        let result = try GraddiffProcess.run(["-q", "--max-nodes", "10000", program, "x=0.1"])
        #expect(result.status == 65)
        // The expansion's steps (each adding a node) reach the limit before its nodes do.
        #expect(result.stderr.contains("expanding the calls of user functions takes more than 10000 steps, the limit"),
                "\(result.stderr)")
        #expect(result.stderr.contains("--max-nodes"))
        let small = try GraddiffProcess.run(["-q", "--max-nodes", "10000", "x*x + x", "x=2"])
        #expect(small.stdout == "6\n")
        #expect(try GraddiffProcess.run(["--max-nodes", "0", "x", "x=1"]).status == 64)
    }
}
